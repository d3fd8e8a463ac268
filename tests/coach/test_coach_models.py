"""Models at the AI boundary: validation, and no room for server-only secrets."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from coach.models import (
    CoachContext,
    Example,
    GeneratedProblem,
    InterviewFeedback,
    SourceCode,
    VisibleTestResult,
)


@pytest.mark.parametrize("score", [-1, 11])
def test_feedback_score_range(score):
    with pytest.raises(ValidationError):
        InterviewFeedback(score=score, strengths=[], improvements=[], improvement_areas=[])


def test_feedback_defaults_and_round_trip():
    feedback = InterviewFeedback(score=7, strengths=["clear"])
    assert feedback.improvements == [] and feedback.improvement_areas == []
    assert InterviewFeedback.model_validate_json(feedback.model_dump_json()) == feedback


@pytest.mark.parametrize(
    "secret", ["hidden_tests", "reference_solution", "expected_hidden", "other_code"]
)
def test_context_refuses_extra_fields(secret):
    with pytest.raises(ValidationError):
        CoachContext(problem_title="x", **{secret: "leak"})


def test_context_has_no_field_for_hidden_data():
    names = " ".join(CoachContext.model_fields) + " " + " ".join(VisibleTestResult.model_fields)
    for word in ("hidden", "reference", "solution", "secret"):
        assert word not in names


def test_context_accepts_visible_results():
    context = CoachContext(
        problem_title="Sum",
        code="print(1)",
        tests=[
            {
                "name": "Example 1",
                "verdict": "RE",
                "stderr": "boom",
                "exit_code": -11,
                "signal": "SIGSEGV",
            }
        ],
    )
    assert context.tests[0].signal == "SIGSEGV"
    assert context.language == "python" and context.time_limit_seconds == 2.0
    with pytest.raises(ValidationError):
        CoachContext(time_limit_seconds=0)


def test_generated_problem_validation():
    problem = GeneratedProblem(
        title="T",
        statement="S",
        difficulty="easy",
        reference_solution=SourceCode(source="print(1)"),
        examples=[Example(input="1\n")],
        test_inputs=["1\n"],
    )
    assert problem.brute_force_solution is None
    assert GeneratedProblem.model_validate_json(problem.model_dump_json()) == problem
    with pytest.raises(ValidationError):
        GeneratedProblem(
            title="T", statement="S", difficulty="extreme", reference_solution=SourceCode(source="")
        )
    with pytest.raises(ValidationError):
        GeneratedProblem(
            title="T",
            statement="S",
            difficulty="easy",
            reference_solution=SourceCode(source=""),
            small_test_count=-1,
        )
