"""Turn-by-turn offline interviews: question choice, follow-ups, rubric scoring."""

from __future__ import annotations

import pytest

from coach.models import InterviewFeedback
from coach.offline.interview_bank import BEHAVIORAL, SYSTEM_DESIGN, TECHNICAL
from coach.offline.mock_interview import (
    InterviewState,
    InterviewTurn,
    UnknownInterview,
    answer,
    interview_topics,
    question_by_id,
    start,
)
from coach.offline.mock_interview_feedback import finish
from coach.offline.rubric import condition_holds

STRONG_TWO_SUM = (
    "First I'd note the brute force checks every pair, which is O(n^2). Better: scan once and "
    "keep a "
    "hash map from value to index. For each x I look up the complement target - x; if it is in "
    "the map "
    "I return both indices, otherwise I store x. That's a single pass, O(n) time and O(n) extra "
    "space. "
    "Edge cases: duplicates like [3, 3] with target 6, negative numbers, and no valid pair at all."
)
WEAK = "I would loop over it."


def _turn(question_id: str) -> InterviewTurn:
    return InterviewTurn(question_id=question_id, prompt=question_by_id(question_id).prompt)


def single(kind: str, question_id: str, **extra) -> InterviewState:
    """An interview with one chosen question, already asked."""
    return InterviewState(
        kind=kind, question_ids=[question_id], turns=[_turn(question_id)], **extra
    )


def run(state: InterviewState, answers: list[str]) -> tuple[InterviewState, list[str | None]]:
    messages = []
    for text in answers:
        state, message = answer(state, text)
        messages.append(message)
        if message is None:
            break
    return state, messages


def test_topics_and_banks():
    assert {"arrays", "strings", "graphs", "dynamic-programming", "trees"} <= set(
        interview_topics()
    )
    for questions in TECHNICAL.values():
        assert len(questions) >= 3
    assert len(BEHAVIORAL) >= 6
    assert len(SYSTEM_DESIGN) >= 4


def test_start_is_deterministic_and_numbered():
    state_a, message_a = start("technical", "graphs", seed=7)
    state_b, message_b = start("technical", "graphs", seed=7)
    assert state_a == state_b and message_a == message_b
    assert "coding interview on graphs" in message_a
    assert "Question 1 of 3" in message_a
    first = question_by_id(state_a.question_ids[0])
    assert first.prompt in message_a


def test_seeds_change_the_questions():
    picks = {tuple(start("technical", None, seed=seed)[0].question_ids) for seed in range(10)}
    assert len(picks) > 1
    picks = {
        tuple(start("behavioral", seed=seed, questions=2)[0].question_ids) for seed in range(10)
    }
    assert len(picks) > 1


def test_aliases_and_unknowns():
    assert start("coding", "dp")[0].topic == "dynamic-programming"
    assert start("behavioural")[0].kind == "behavioral"
    assert start("System Design")[0].kind == "system_design"
    with pytest.raises(UnknownInterview):
        start("technical", "quantum-chess")
    with pytest.raises(UnknownInterview):
        start("karaoke")


def test_missing_complexity_gets_a_follow_up():
    state = single("technical", "arrays-two-sum")
    state, message = answer(
        state, "Keep a hash map of values seen so far and look up the complement target - x."
    )
    assert message is not None
    assert "time and space complexity" in message


def test_brute_force_answer_is_pushed_further():
    state = single("technical", "arrays-max-subarray")
    state, message = answer(
        state, "Brute force: two nested loops over every pair of start and end."
    )
    assert message is not None
    assert "better than O(n^2)" in message


def test_complete_answer_moves_on_without_redundant_follow_ups():
    state = InterviewState(
        kind="technical",
        question_ids=["arrays-two-sum", "arrays-max-subarray"],
        turns=[_turn("arrays-two-sum")],
    )
    state, message = answer(state, STRONG_TWO_SUM)
    # Complexity, edge cases and concepts were covered; only the "always" rule is left.
    assert message is not None and "sorted" in message
    state, message = answer(state, "Then two pointers from both ends, O(1) extra space.")
    assert message is not None and "Question 2 of 2" in message


def test_dont_know_gets_a_nudge_once():
    state, _ = start("technical", "graphs", seed=1, questions=1)
    state, message = answer(state, "I don't know")
    assert message is not None and "simplest approach" in message
    state, message = answer(state, "no idea")
    assert message is None
    assert state.finished


def test_answer_never_mutates_its_input():
    state, _ = start("technical", "trees", seed=2)
    before = state.model_dump()
    answer(state, "Recursion on each child with a base case for null.")
    assert state.model_dump() == before


def test_state_survives_serialisation():
    state, _ = start("technical", "strings", seed=4)
    state, _ = answer(state, "A sliding window with a dict of last seen positions.")
    restored = InterviewState.model_validate_json(state.model_dump_json())
    assert restored == state
    assert answer(restored, "O(n) time.") == answer(state, "O(n) time.")


def test_finish_scores_strong_above_weak():
    def play(text: str) -> InterviewFeedback:
        state, _ = run(single("technical", "arrays-two-sum"), [text, text, text])
        return finish(state)

    strong, weak = play(STRONG_TWO_SUM), play(WEAK)
    assert strong.score > weak.score
    assert 0 <= weak.score <= 3
    assert strong.score >= 7
    assert any("hash map of seen values" in item for item in strong.strengths)
    assert "complexity analysis" in weak.improvement_areas
    assert "edge cases" in weak.improvement_areas


def test_prompted_points_count_less_than_volunteered():
    def play(answers: list[str]) -> int:
        state, _ = run(single("technical", "arrays-two-sum", max_follow_ups=3), answers)
        return finish(state).score

    volunteered = play([STRONG_TWO_SUM, "ok", "ok", "ok"])
    prompted = play(
        [
            "Hash map of seen values; look up the complement target - x in one pass.",
            "O(n) time and O(n) space.",
            "Edge cases: duplicates, negatives, no pair.",
            "ok",
        ]
    )
    assert volunteered > prompted


def test_unanswered_questions_count_zero():
    state, _ = start("technical", "dp", seed=3, questions=3)
    state, _ = answer(
        state, "Recurrence f(n) = f(n-1) + f(n-2) with base cases, fill a table bottom-up, O(n)."
    )
    feedback = finish(state)
    assert feedback.score <= 4
    assert any("No real answer" in item for item in feedback.improvements)


def test_behavioral_star_follow_ups_and_feedback():
    state = single("behavioral", "beh-conflict")
    state, message = answer(
        state, "We disagreed about the database. We argued a lot and we kept going."
    )
    assert message is not None and "result" in message.lower()
    state, message = answer(state, "We picked one eventually.")
    assert message is not None and "personally" in message
    state, message = answer(state, "Fine.")
    assert message is None
    feedback = finish(state)
    assert "ownership" in feedback.improvement_areas
    assert feedback.score <= 6


def test_behavioral_complete_star_story_scores_well():
    story = (
        "At my last internship our team was split on whether to rewrite the billing service. My "
        "task was to "
        "make a recommendation within two weeks. I listened to both sides in one-on-ones to "
        "understand their "
        "concerns, then I built a small benchmark so we could decide with data rather than "
        "opinions. As a "
        "result we agreed to refactor instead of rewrite, shipped on time, and latency dropped "
        "30%. I learned to bring evidence early; next time I would set up the benchmark on day one."
    )
    state = single("behavioral", "beh-conflict")
    state, message = answer(state, story)
    assert message is None  # nothing missing: no follow-up needed
    feedback = finish(state)
    assert feedback.score >= 8
    assert any("STAR" in item for item in feedback.strengths)


def test_system_design_follow_ups():
    state = single("system_design", "sd-url-shortener")
    state, message = answer(state, "I'd have an API server, a database and a cache.")
    assert message is not None and "requirements" in message
    state, message = answer(
        state, "Requirements: create short links and redirect quickly; read heavy."
    )
    assert message is not None and "scale" in message
    state, message = answer(state, "Maybe 100 million links and 20k requests per second at peak.")
    assert message is None
    feedback = finish(state)
    assert (
        "trade-offs" in feedback.improvement_areas
        or "fault tolerance" in feedback.improvement_areas
    )


def test_answer_after_finish_is_none():
    state, _ = start("behavioral", seed=0, questions=1)
    state = state.model_copy(update={"finished": True})
    assert answer(state, "more")[1] is None


def test_follow_up_conditions():
    from coach.offline.rubric import analyze_answer

    question = question_by_id("arrays-two-sum")
    analysis = analyze_answer(question, "hash map, O(n), edge case: empty array")
    assert not condition_holds("missing:complexity", analysis)
    assert not condition_holds("missing:edge_cases", analysis)
    assert condition_holds("missing:concept:look up the complement", analysis)
    assert condition_holds("short", analysis)
    with pytest.raises(ValueError):
        condition_holds("missing:vibes", analysis)


def test_every_follow_up_condition_in_the_banks_is_known():
    from coach.offline.rubric import analyze_answer

    for bank in [*TECHNICAL.values(), BEHAVIORAL, SYSTEM_DESIGN]:
        for question in bank:
            analysis = analyze_answer(question, "")
            for follow_up in question.follow_ups:
                condition_holds(follow_up.condition, analysis)  # raises on an unknown code
                if follow_up.condition.startswith("missing:concept:"):
                    name = follow_up.condition.removeprefix("missing:concept:")
                    assert name in {c.name for c in question.concepts}, (question.id, name)
