"""Grading a quiz attempt: pure functions over a quiz and the answers given.

No I/O and no clock of its own (the caller passes ``now``), so every rule here is
tested without a server. Each question is worth one point; a multi-answer question
counts only when exactly the right set is chosen; a code-output answer is compared
after normalising line endings, trailing spaces and surrounding blank lines.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from storage.quiz_package import Question, Quiz

__all__ = [
    "GRACE",
    "MAX_OUTPUT_ANSWER",
    "AnswerError",
    "Grade",
    "QuestionResult",
    "check_answers",
    "deadline_for",
    "expected_answer",
    "grade",
    "is_expired",
    "normalize_output",
]

GRACE = timedelta(seconds=2)
"""Slack after the deadline for the request in flight when the time runs out."""
MAX_OUTPUT_ANSWER = 10_000

Answer = int | list[int] | bool | str


class AnswerError(ValueError):
    """The answers do not fit the quiz's questions (unknown number, wrong type, bad index)."""

    def __init__(self, problems: list[dict[str, Any]]) -> None:
        super().__init__("; ".join(f"question {p['question']}: {p['msg']}" for p in problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class QuestionResult:
    number: int
    correct: bool
    given: Answer | None
    expected: Answer
    explanation: str


@dataclass(frozen=True, slots=True)
class Grade:
    correct: int
    total: int
    score: float  # percent, two decimals
    passed: bool
    results: tuple[QuestionResult, ...]


def normalize_output(text: str) -> str:
    """Program output as compared: ``\\r\\n`` as ``\\n``, no trailing spaces, no blank edges."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(line.rstrip() for line in lines).strip("\n")


def deadline_for(started_at: datetime, quiz: Quiz) -> datetime:
    return started_at + timedelta(seconds=quiz.time_limit)


def is_expired(deadline: datetime, now: datetime) -> bool:
    """Past the deadline and the grace after it."""
    return now > deadline + GRACE


def expected_answer(question: Question) -> Answer:
    """The right answer as a client sends it (indexes are 0-based)."""
    key = question.answer
    if isinstance(key, frozenset):
        return sorted(key)
    return key


def _problem(question: Question, value: Any) -> str | None:
    kind = question.kind
    if kind == "single":
        if isinstance(value, bool) or not isinstance(value, int):
            return "expected the index of one choice"
        if not 0 <= value < len(question.choices):
            return f"choice {value} is out of range 0..{len(question.choices) - 1}"
    elif kind == "multi":
        if not isinstance(value, list) or any(
            isinstance(v, bool) or not isinstance(v, int) for v in value
        ):
            return "expected a list of choice indexes"
        if len(set(value)) != len(value):
            return "a choice is listed twice"
        if any(not 0 <= v < len(question.choices) for v in value):
            return f"a choice is out of range 0..{len(question.choices) - 1}"
    elif kind == "true_false":
        if not isinstance(value, bool):
            return "expected true or false"
    elif not isinstance(value, str):
        return "expected the output as text"
    elif len(value) > MAX_OUTPUT_ANSWER:
        return f"an output answer is at most {MAX_OUTPUT_ANSWER} characters"
    return None


def check_answers(quiz: Quiz, answers: Mapping[str, Any]) -> dict[int, Answer]:
    """Answers keyed by question number, each of its question's type; unanswered is allowed."""
    by_number = {q.number: q for q in quiz.questions}
    problems: list[dict[str, Any]] = []
    checked: dict[int, Answer] = {}
    for key, value in answers.items():
        number = int(key) if key.isdigit() and len(key) < 6 else None
        question = by_number.get(number) if number is not None else None
        if question is None:
            problems.append({"question": key, "msg": "no such question"})
            continue
        problem = _problem(question, value)
        if problem:
            problems.append({"question": key, "msg": problem})
        else:
            checked[question.number] = value
    if problems:
        raise AnswerError(problems)
    return checked


def _is_correct(question: Question, given: Answer | None) -> bool:
    if given is None:
        return False
    key = question.answer
    if question.kind == "multi":
        return isinstance(given, list) and frozenset(given) == key
    if question.kind == "code_output":
        return isinstance(given, str) and normalize_output(given) == normalize_output(str(key))
    if question.kind == "true_false":
        return given is key
    return not isinstance(given, bool) and given == key


def grade(quiz: Quiz, answers: Mapping[int, Answer]) -> Grade:
    """Score checked answers (see :func:`check_answers`); an expired attempt passes ``{}``."""
    results = tuple(
        QuestionResult(
            number=q.number,
            correct=_is_correct(q, answers.get(q.number)),
            given=answers.get(q.number),
            expected=expected_answer(q),
            explanation=q.explanation,
        )
        for q in quiz.questions
    )
    correct = sum(r.correct for r in results)
    total = len(results)
    score = round(100.0 * correct / total, 2) if total else 0.0
    return Grade(correct, total, score, score >= quiz.pass_mark, results)
