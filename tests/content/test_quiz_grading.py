"""Quiz grading rules, without a server."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from storage.quiz_grading import (
    GRACE,
    AnswerError,
    check_answers,
    deadline_for,
    expected_answer,
    grade,
    is_expired,
    normalize_output,
)
from storage.quiz_package import Question, Quiz


def _quiz(pass_mark: int = 75) -> Quiz:
    return Quiz(
        slug="t",
        title="T",
        description="d",
        topic="",
        time_limit=60,
        pass_mark=pass_mark,
        questions=(
            Question(1, "single", "p", ("a", "b", "c"), "", "", 1, "e1"),
            Question(2, "multi", "p", ("a", "b", "c"), "", "", frozenset({0, 2}), "e2"),
            Question(3, "true_false", "p", (), "", "", False, "e3"),
            Question(4, "code_output", "p", (), "print(1)", "python", "[1, 2]\n3", "e4"),
        ),
    )


def test_all_right_scores_100_and_passes() -> None:
    quiz = _quiz()
    answers = check_answers(quiz, {"1": 1, "2": [2, 0], "3": False, "4": "[1, 2]  \r\n3\n\n"})
    result = grade(quiz, answers)
    assert (result.correct, result.total, result.score, result.passed) == (4, 4, 100.0, True)
    assert [r.explanation for r in result.results] == ["e1", "e2", "e3", "e4"]


def test_partial_multi_answer_is_wrong_and_unanswered_counts_as_wrong() -> None:
    quiz = _quiz()
    result = grade(quiz, check_answers(quiz, {"1": 1, "2": [0], "3": False}))
    assert [r.correct for r in result.results] == [True, False, True, False]
    assert result.score == 50.0 and not result.passed
    assert result.results[3].given is None and result.results[3].expected == "[1, 2]\n3"


def test_pass_mark_is_inclusive() -> None:
    quiz = _quiz(pass_mark=75)
    result = grade(quiz, check_answers(quiz, {"1": 1, "2": [0, 2], "3": False}))
    assert result.score == 75.0 and result.passed


def test_true_is_not_the_choice_index_1_and_0_is_not_false() -> None:
    quiz = _quiz()
    with pytest.raises(AnswerError) as err:
        check_answers(quiz, {"1": True, "3": 0})
    assert {p["question"] for p in err.value.problems} == {"1", "3"}


@pytest.mark.parametrize(
    ("answers", "question"),
    [
        ({"9": 1}, "9"),
        ({"one": 1}, "one"),
        ({"1": 3}, "1"),
        ({"1": -1}, "1"),
        ({"2": [0, 0]}, "2"),
        ({"2": [5]}, "2"),
        ({"2": 1}, "2"),
        ({"4": 4}, "4"),
        ({"4": "x" * 10_001}, "4"),
    ],
)
def test_answers_that_do_not_fit_are_refused(answers: dict, question: str) -> None:
    with pytest.raises(AnswerError) as err:
        check_answers(_quiz(), answers)
    assert err.value.problems[0]["question"] == question


def test_output_normalisation() -> None:
    assert normalize_output("\n\na \nb\t\r\n\n") == "a\nb"
    assert normalize_output("a\n b") != normalize_output("a\nb")  # leading spaces count


def test_expected_answers_are_client_shaped() -> None:
    quiz = _quiz()
    assert [expected_answer(q) for q in quiz.questions] == [1, [0, 2], False, "[1, 2]\n3"]


def test_deadline_and_grace() -> None:
    start = datetime(2026, 1, 1, tzinfo=UTC)
    deadline = deadline_for(start, _quiz())
    assert deadline == start + timedelta(seconds=60)
    assert not is_expired(deadline, deadline + GRACE)
    assert is_expired(deadline, deadline + GRACE + timedelta(microseconds=1))


def test_an_empty_grade_fails() -> None:
    result = grade(_quiz(), {})
    assert result.correct == 0 and result.score == 0.0 and not result.passed
