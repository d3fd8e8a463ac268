"""Quiz shapes. Before an attempt is finished no model here carries an answer or explanation."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from storage.models import QuizAttempt
from storage.quiz_package import Question, Quiz
from storage.repositories.quizzes import QuizStats

AnswerIn = bool | int | str | list[int]


class QuestionOut(BaseModel):
    """A question as asked: prompt, choices (0-based indexes) or code; never its answer."""

    number: int
    kind: str
    prompt: str
    choices: list[str]
    code: str | None
    language: str | None

    @classmethod
    def of(cls, q: Question) -> QuestionOut:
        is_code = q.kind == "code_output"
        return cls(
            number=q.number,
            kind=q.kind,
            prompt=q.prompt,
            choices=list(q.choices),
            code=q.code if is_code else None,
            language=q.language if is_code else None,
        )


class QuizSummary(BaseModel):
    slug: str
    title: str
    description: str
    topic: str
    time_limit: int
    pass_mark: int
    question_count: int
    attempts: int
    best_score: float | None
    passed: bool

    @classmethod
    def fields_of(cls, quiz: Quiz, stats: QuizStats | None) -> dict[str, Any]:
        return {
            "slug": quiz.slug,
            "title": quiz.title,
            "description": quiz.description,
            "topic": quiz.topic,
            "time_limit": quiz.time_limit,
            "pass_mark": quiz.pass_mark,
            "question_count": len(quiz.questions),
            "attempts": stats.attempts if stats else 0,
            "best_score": stats.best_score if stats else None,
            "passed": stats.passed if stats else False,
        }

    @classmethod
    def of(cls, quiz: Quiz, stats: QuizStats | None) -> QuizSummary:
        return cls(**cls.fields_of(quiz, stats))


class QuizOut(QuizSummary):
    questions: list[QuestionOut]

    @classmethod
    def of(cls, quiz: Quiz, stats: QuizStats | None) -> QuizOut:
        return cls(
            **QuizSummary.fields_of(quiz, stats),
            questions=[QuestionOut.of(q) for q in quiz.questions],
        )


class QuizList(BaseModel):
    items: list[QuizSummary]


class QuizEnvelope(BaseModel):
    quiz: QuizOut


class ResultOut(BaseModel):
    number: int
    correct: bool
    given: AnswerIn | None
    expected: AnswerIn
    explanation: str


class AttemptOut(BaseModel):
    """An attempt; ``answers``, ``results`` and the score appear only once it is finished."""

    id: int
    quiz: str
    status: str
    started_at: datetime
    deadline: datetime
    finished_at: datetime | None
    total: int
    correct: int | None
    score: float | None
    passed: bool
    answers: dict[str, AnswerIn] | None
    results: list[ResultOut] | None

    @classmethod
    def of(cls, row: QuizAttempt) -> AttemptOut:
        finished = row.status != "in_progress"
        return cls(
            id=row.id,
            quiz=row.quiz_slug,
            status=row.status,
            started_at=row.started_at,
            deadline=row.deadline,
            finished_at=row.finished_at,
            total=row.total,
            correct=row.correct if finished else None,
            score=row.score if finished else None,
            passed=row.passed,
            answers=dict(row.answers) if finished else None,
            results=[ResultOut(**r) for r in row.results] if finished else None,
        )


class AttemptEnvelope(BaseModel):
    attempt: AttemptOut


class AttemptHistory(BaseModel):
    quiz: str
    attempts: int
    best_score: float | None
    passed: bool
    items: list[AttemptOut]


class SubmitAnswers(BaseModel):
    """Answers by question number: a choice index, a list of indexes, true/false or output text."""

    model_config = ConfigDict(extra="forbid")

    answers: dict[str, AnswerIn] = Field(max_length=200)
