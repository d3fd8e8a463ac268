"""Scoring a finished mock interview and writing its feedback (strengths, what to improve).

Each question is scored with the rubric: what the candidate volunteered counts
fully, what came only after a follow-up counts three quarters.
"""

from __future__ import annotations

from coach.models import InterviewFeedback
from coach.offline.interview_bank import Question
from coach.offline.mock_interview import InterviewState, joined_answers, question_by_id
from coach.offline.rubric import AnswerAnalysis, analyze_answer, communication, score

_PROMPTED_CREDIT = 0.75  # points earned only after a follow-up count three quarters


def finish(state: InterviewState) -> InterviewFeedback:
    """Score the interview (unanswered questions count as zero) and explain the score."""
    reviews = [_review(state, question_by_id(qid)) for qid in state.question_ids]
    total = sum(review.score for review in reviews) / len(reviews) if reviews else 0.0
    strengths: list[str] = []
    improvements: list[str] = []
    areas: list[str] = []
    _compose(state.kind, reviews, strengths, improvements, areas)
    return InterviewFeedback(
        score=max(0, min(10, round(total * 10))),
        strengths=strengths,
        improvements=improvements,
        improvement_areas=list(dict.fromkeys(areas)),
    )


class _Review:
    """Per-question results used to write the feedback."""

    def __init__(
        self,
        question: Question,
        volunteered: AnswerAnalysis,
        full: AnswerAnalysis,
        answered: bool,
        score: float,
    ) -> None:
        self.question = question
        self.volunteered = volunteered
        self.full = full
        self.answered = answered
        self.score = score


def _review(state: InterviewState, question: Question) -> _Review:
    turns = [turn for turn in state.turns if turn.question_id == question.id and turn.answer]
    main = next((turn.answer for turn in turns if turn.follow_up is None), "") or ""
    volunteered = analyze_answer(question, main)
    full = analyze_answer(question, joined_answers(turns))
    if not turns or (full.gave_up and full.words < 12):
        return _Review(question, volunteered, full, bool(turns), 0.0)
    first = score(state.kind, volunteered)
    overall = score(state.kind, full)
    value = first + _PROMPTED_CREDIT * max(0.0, overall - first)
    return _Review(question, volunteered, full, True, min(1.0, value))


def _dimension(reviews: list[_Review], attribute: str) -> dict[str, list[str]]:
    """Group question titles by whether a flag was volunteered, prompted out, or missing."""
    groups: dict[str, list[str]] = {"volunteered": [], "prompted": [], "missing": []}
    for review in reviews:
        if not review.answered:
            continue
        if getattr(review.volunteered, attribute):
            groups["volunteered"].append(review.question.title)
        elif getattr(review.full, attribute):
            groups["prompted"].append(review.question.title)
        else:
            groups["missing"].append(review.question.title)
    return groups


def _titles(titles: list[str]) -> str:
    return ", ".join(f"'{title}'" for title in titles)


def _compose(
    kind: str,
    reviews: list[_Review],
    strengths: list[str],
    improvements: list[str],
    areas: list[str],
) -> None:
    answered = [review for review in reviews if review.answered and not review.full.gave_up]
    skipped = [review.question.title for review in reviews if review not in answered]
    if skipped:
        improvements.append(
            f"No real answer for {_titles(skipped)}. Even when stuck, describe a brute-force "
            "idea and improve it out loud; silence scores nothing."
        )
        areas.append("problem solving" if kind == "technical" else "completeness")
    for review in answered:
        title = review.question.title
        if review.full.concept_fraction >= 0.67:
            strengths.append(
                f"'{title}': covered the key ideas ({', '.join(review.full.concepts_hit)})."
            )
        elif review.full.concepts_missed:
            improvements.append(
                f"'{title}': a strong answer would also cover "
                f"{'; '.join(review.full.concepts_missed)}."
            )
            areas.append(
                {
                    "technical": "algorithmic approach",
                    "behavioral": "depth of examples",
                    "system_design": "component design",
                }[kind]
            )
        if kind == "technical" and review.full.brute_force:
            improvements.append(
                f"'{title}': the answer stopped at brute force; look for the repeated work "
                "and remove it."
            )
            areas.append("optimisation")
    checks = {
        "technical": [
            ("complexity", "complexity analysis", "time and space complexity"),
            ("edge_cases", "edge cases", "edge cases"),
        ],
        "behavioral": [
            ("metrics", "measurable impact", "measurable results"),
            ("reflection", "reflection", "what you learned"),
            ("ownership", "ownership", "your own actions ('I', not only 'we')"),
        ],
        "system_design": [
            ("requirements", "requirements gathering", "requirements and assumptions"),
            ("scale", "capacity estimates", "numbers for scale"),
            ("tradeoffs", "trade-offs", "trade-offs"),
            ("failure", "fault tolerance", "failure handling"),
        ],
    }[kind]
    for attribute, area, words in checks:
        groups = _dimension(answered, attribute)
        if groups["volunteered"] and not groups["missing"] and not groups["prompted"]:
            strengths.append(f"Brought up {words} on your own in every answer.")
        if groups["missing"]:
            improvements.append(
                f"No {words} in {_titles(groups['missing'])}; cover them in every answer."
            )
            areas.append(area)
        elif groups["prompted"]:
            improvements.append(
                f"{words[0].upper()}{words[1:]} came only after a prompt in "
                f"{_titles(groups['prompted'])}; bring it up yourself next time."
            )
            areas.append(area)
    if kind == "behavioral":
        _compose_star(answered, strengths, improvements, areas)
    if answered:
        mean_words = sum(review.full.words for review in answered) / len(answered)
        mean_comm = sum(communication(review.full) for review in answered) / len(answered)
        if mean_words < 30:
            improvements.append(
                f"Answers averaged {round(mean_words)} words. Explain your reasoning out loud: "
                "interviewers score what they hear."
            )
            areas.append("communication")
        elif mean_comm >= 0.9:
            strengths.append("Clear, well-structured explanations with enough detail.")


def _compose_star(
    answered: list[_Review], strengths: list[str], improvements: list[str], areas: list[str]
) -> None:
    missing_parts: dict[str, list[str]] = {}
    for review in answered:
        for part in review.full.star_missing:
            missing_parts.setdefault(part, []).append(review.question.title)
    if answered and not missing_parts:
        strengths.append("Every story had a clear situation, task, action and result (STAR).")
    for part, titles in missing_parts.items():
        improvements.append(
            f"The {part} was unclear in {_titles(titles)}; structure stories as "
            "Situation, Task, Action, Result."
        )
        areas.append(f"STAR: {part}")
