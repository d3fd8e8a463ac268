"""Offline mock interviews, driven turn by turn.

`start` picks the questions, `answer` records a reply and returns the
next message (a follow-up chosen from what the reply lacks, or the next
question), `finish` scores everything with the rubric. The state is a
plain pydantic model so the realtime layer can store it between turns;
every function returns a new state and never mutates its argument.
"""

from __future__ import annotations

import random
from typing import Literal

from pydantic import BaseModel, Field

from coach.models import InterviewFeedback
from coach.offline.interview_bank import (
    BEHAVIORAL,
    SYSTEM_DESIGN,
    TECHNICAL,
    TOPIC_ALIASES,
    Question,
)
from coach.offline.rubric import (
    AnswerAnalysis,
    analyze_answer,
    communication,
    condition_holds,
    score,
)

InterviewKind = Literal["technical", "behavioral", "system_design"]

_KIND_ALIASES = {
    "technical": "technical",
    "coding": "technical",
    "algorithms": "technical",
    "behavioral": "behavioral",
    "behavioural": "behavioral",
    "hr": "behavioral",
    "system_design": "system_design",
    "system-design": "system_design",
    "system design": "system_design",
    "design": "system_design",
    "sd": "system_design",
}
_NUDGE = "nudge"
_NUDGE_PROMPT = "Let's build it up: what would the simplest approach be, even if it is slow?"
_ACKS_GOOD = ("Good.", "That makes sense.", "Okay, good.")
_ACKS_NEUTRAL = ("Okay.", "I see.", "Alright.")
_PROMPTED_CREDIT = 0.75  # points earned only after a follow-up count three quarters


class UnknownInterview(ValueError):
    """The interview kind or topic is not one the offline coach has questions for."""


class InterviewTurn(BaseModel):
    """One interviewer message and the candidate's answer to it (None until answered)."""

    question_id: str
    follow_up: str | None = None
    prompt: str
    answer: str | None = None


class InterviewState(BaseModel):
    """Everything needed to continue or score an interview; safe to serialise."""

    kind: InterviewKind
    topic: str | None = None
    seed: int = 0
    question_ids: list[str]
    position: int = 0
    turns: list[InterviewTurn] = Field(default_factory=list)
    max_follow_ups: int = 2
    finished: bool = False


def interview_topics() -> list[str]:
    """Topics available for technical interviews."""
    return sorted(TECHNICAL)


def start(
    kind: str = "technical",
    topic: str | None = None,
    seed: int = 0,
    questions: int = 3,
    max_follow_ups: int = 2,
) -> tuple[InterviewState, str]:
    """Begin an interview and return its state plus the first message.

    kind: "technical", "behavioral" or "system_design" (common spellings accepted).
    topic: for technical interviews, one of `interview_topics()`; None mixes topics.
    seed: picks the questions; the same seed gives the same interview.
    questions: how many main questions to ask (capped by the bank size).
    max_follow_ups: follow-ups allowed per main question.
    """
    normalized_kind = _KIND_ALIASES.get(kind.strip().lower())
    if normalized_kind is None:
        raise UnknownInterview(f"unknown interview kind {kind!r}")
    normalized_topic = _normalize_topic(topic) if normalized_kind == "technical" else None
    bank = _bank(normalized_kind, normalized_topic)
    rng = random.Random(f"{normalized_kind}|{normalized_topic}|{seed}")
    picked = sorted(rng.sample(range(len(bank)), k=max(1, min(questions, len(bank)))))
    chosen = [bank[index] for index in picked]
    state = InterviewState(
        kind=normalized_kind,  # type: ignore[arg-type]
        topic=normalized_topic,
        seed=seed,
        question_ids=[question.id for question in chosen],
        max_follow_ups=max_follow_ups,
    )
    first = chosen[0]
    state.turns.append(InterviewTurn(question_id=first.id, prompt=first.prompt))
    intro = _intro(state)
    return state, f"{intro}\n\n{_numbered(state, first)}"


def answer(state: InterviewState, text: str) -> tuple[InterviewState, str | None]:
    """Record the answer to the pending message; return the new state and the next message.

    The next message is a follow-up when the answer lacks something the
    rubric looks for, otherwise the next main question; None means the
    interview is over and `finish` should be called.
    """
    if state.finished:
        return state, None
    new = state.model_copy(deep=True)
    new.turns[-1].answer = text.strip()
    question = question_by_id(new.question_ids[new.position])
    own_turns = [turn for turn in new.turns if turn.question_id == question.id]
    analysis = analyze_answer(question, _joined(own_turns))
    latest = analyze_answer(question, text)
    asked = {turn.follow_up for turn in own_turns if turn.follow_up is not None}
    follow_up = _choose_follow_up(new, question, analysis, latest, asked)
    if follow_up is not None:
        key, prompt = follow_up
        new.turns.append(InterviewTurn(question_id=question.id, follow_up=key, prompt=prompt))
        return new, f"{_ack(new, latest)} {prompt}"
    new.position += 1
    if new.position >= len(new.question_ids):
        new.finished = True
        return new, None
    following = question_by_id(new.question_ids[new.position])
    new.turns.append(InterviewTurn(question_id=following.id, prompt=following.prompt))
    return new, f"Thanks. Let's move on.\n\n{_numbered(new, following)}"


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


def question_by_id(question_id: str) -> Question:
    """Look a question up in every bank."""
    for question in _all_questions():
        if question.id == question_id:
            return question
    raise UnknownInterview(f"unknown question {question_id!r}")


def _all_questions() -> list[Question]:
    questions = [q for bank in TECHNICAL.values() for q in bank]
    return questions + list(BEHAVIORAL) + list(SYSTEM_DESIGN)


def _normalize_topic(topic: str | None) -> str | None:
    if topic is None or not topic.strip():
        return None
    key = topic.strip().lower().replace("_", "-")
    key = TOPIC_ALIASES.get(key, key)
    if key not in TECHNICAL:
        raise UnknownInterview(
            f"no technical questions for topic {topic!r}; choose from {interview_topics()}"
        )
    return key


def _bank(kind: str, topic: str | None) -> list[Question]:
    if kind == "behavioral":
        return list(BEHAVIORAL)
    if kind == "system_design":
        return list(SYSTEM_DESIGN)
    if topic is not None:
        return list(TECHNICAL[topic])
    return [q for name in sorted(TECHNICAL) for q in TECHNICAL[name]]


def _intro(state: InterviewState) -> str:
    count = _plural(len(state.question_ids), "question")
    if state.kind == "behavioral":
        return (
            f"Let's do a behavioral interview with {count}. Answer each with a concrete story: "
            "the situation, your task, what you did, and the result."
        )
    if state.kind == "system_design":
        return (
            f"Let's do a system design interview with {count}. Start from the requirements, "
            "estimate the scale, then sketch the components and explain their trade-offs."
        )
    topic = state.topic.replace("-", " ") if state.topic else "mixed topics"
    return (
        f"Let's do a coding interview on {topic} with {count}. Think out loud: describe your "
        "approach, its time and space complexity, and the edge cases you would test."
    )


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _numbered(state: InterviewState, question: Question) -> str:
    return (
        f"Question {state.position + 1} of {len(state.question_ids)} ({question.title}): "
        f"{question.prompt}"
    )


def _joined(turns: list[InterviewTurn]) -> str:
    return "\n".join(turn.answer for turn in turns if turn.answer)


def _choose_follow_up(
    state: InterviewState,
    question: Question,
    analysis: AnswerAnalysis,
    latest: AnswerAnalysis,
    asked: set[str],
) -> tuple[str, str] | None:
    if len(asked) >= state.max_follow_ups:
        return None
    if latest.gave_up:
        if state.kind == "technical" and _NUDGE not in asked:
            return _NUDGE, _NUDGE_PROMPT
        return None
    for index, follow_up in enumerate(question.follow_ups):
        key = str(index)
        if key not in asked and condition_holds(follow_up.condition, analysis):
            return key, follow_up.prompt
    return None


def _ack(state: InterviewState, latest: AnswerAnalysis) -> str:
    rng = random.Random(f"{state.seed}|{len(state.turns)}")
    if latest.gave_up:
        return "No problem."
    pool = _ACKS_GOOD if latest.concept_fraction >= 0.5 and latest.words >= 15 else _ACKS_NEUTRAL
    return rng.choice(pool)


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
    full = analyze_answer(question, _joined(turns))
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
