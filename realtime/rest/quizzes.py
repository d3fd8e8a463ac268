"""Quizzes: the catalogue, attempts timed on the server, submit once, graded results.

Correct answers and explanations leave the server only in a finished attempt. An
attempt is finished by its submit, or as ``expired`` once its deadline (plus a
short grace) has passed: a submit after that is refused (409 ``attempt_expired``)
and the attempt is closed with no answers, so a late submit never scores.
"""

from __future__ import annotations

from realtime.keys import CONTENT, DATABASE
from realtime.rest.endpoints import Call, EndpointTable
from realtime.rest.errors import ConflictError, NotFoundError, ValidationFailed
from realtime.schemas.quizzes import (
    AttemptEnvelope,
    AttemptHistory,
    AttemptOut,
    QuizEnvelope,
    QuizList,
    QuizOut,
    QuizSummary,
    SubmitAnswers,
)
from storage.errors import NotFound
from storage.models import QuizAttempt, utcnow
from storage.quiz_grading import AnswerError, check_answers, grade, is_expired
from storage.quiz_package import Quiz
from storage.repositories import quizzes as quiz_repo

routes = EndpointTable()
TAGS = ("quizzes",)


def quiz_of(call: Call) -> Quiz:
    raw = call.path["slug"]
    quiz = call.app[CONTENT].quizzes.get(raw) if len(raw) <= 80 else None
    if quiz is None:
        raise NotFoundError(f"quiz '{raw[:80]}' not found", code="quiz_not_found")
    return quiz


async def expire_if_due(session: object, attempt: QuizAttempt, quiz: Quiz | None) -> QuizAttempt:
    """Close an in-progress attempt whose time is up, as ``expired`` with no answers."""
    if attempt.status != "in_progress" or not is_expired(attempt.deadline, utcnow()):
        return attempt
    if quiz is None:  # the quiz left the catalogue: close it with what is stored
        quiz = Quiz(attempt.quiz_slug, "", "", "", 1, 100, ())
    try:
        return await quiz_repo.finish(
            session,  # type: ignore[arg-type]
            attempt,
            status="expired",
            answers={},
            grade=grade(quiz, {}),
            now=utcnow(),
        )
    except quiz_repo.AttemptClosed:
        return await quiz_repo.get_own(session, attempt.id, attempt.user_id)  # type: ignore[arg-type]


@routes.get("/api/quizzes", response=QuizList, tags=TAGS)
async def list_quizzes(call: Call) -> QuizList:
    """Every quiz with your attempts, best score and whether you passed it."""
    async with call.app[DATABASE].session() as s:
        stats = await quiz_repo.stats(s, call.user.id)
    quizzes = sorted(call.app[CONTENT].quizzes.values(), key=lambda q: q.slug)
    return QuizList(items=[QuizSummary.of(q, stats.get(q.slug)) for q in quizzes])


@routes.get("/api/quizzes/{slug}", response=QuizEnvelope, tags=TAGS, errors=(404,))
async def get_quiz(call: Call) -> QuizEnvelope:
    """One quiz with its questions (never their answers or explanations)."""
    quiz = quiz_of(call)
    async with call.app[DATABASE].session() as s:
        stats = await quiz_repo.stats(s, call.user.id)
    return QuizEnvelope(quiz=QuizOut.of(quiz, stats.get(quiz.slug)))


@routes.post(
    "/api/quizzes/{slug}/attempts", response=AttemptEnvelope, status=201, tags=TAGS, errors=(404,)
)
async def start_attempt(call: Call) -> AttemptEnvelope:
    """Start an attempt: the server keeps the clock (started_at, deadline)."""
    quiz = quiz_of(call)
    async with call.app[DATABASE].session() as s:
        attempt = await quiz_repo.start_attempt(s, call.user.id, quiz, utcnow())
        return AttemptEnvelope(attempt=AttemptOut.of(attempt))


@routes.get("/api/quizzes/{slug}/attempts", response=AttemptHistory, tags=TAGS, errors=(404,))
async def attempt_history(call: Call) -> AttemptHistory:
    """Your attempts at this quiz, newest first, with the best score."""
    quiz = quiz_of(call)
    async with call.app[DATABASE].session() as s:
        rows = [
            await expire_if_due(s, r, quiz)
            for r in await quiz_repo.history(s, call.user.id, quiz.slug)
        ]
        stats = (await quiz_repo.stats(s, call.user.id)).get(quiz.slug)
        items = [AttemptOut.of(r) for r in rows]
    return AttemptHistory(
        quiz=quiz.slug,
        attempts=len(items),
        best_score=stats.best_score if stats else None,
        passed=stats.passed if stats else False,
        items=items,
    )


async def _own_attempt(call: Call, s: object) -> QuizAttempt:
    attempt_id = call.path_id("attempt_id", "attempt")
    try:
        return await quiz_repo.get_own(s, attempt_id, call.user.id)  # type: ignore[arg-type]
    except NotFound as exc:
        raise NotFoundError(exc.message, code="attempt_not_found") from exc


@routes.get("/api/quiz-attempts/{attempt_id}", response=AttemptEnvelope, tags=TAGS, errors=(404,))
async def get_attempt(call: Call) -> AttemptEnvelope:
    """One of your attempts; graded results and explanations once it is finished."""
    async with call.app[DATABASE].session() as s:
        attempt = await _own_attempt(call, s)
        quiz = call.app[CONTENT].quizzes.get(attempt.quiz_slug)
        attempt = await expire_if_due(s, attempt, quiz)
        return AttemptEnvelope(attempt=AttemptOut.of(attempt))


@routes.post(
    "/api/quiz-attempts/{attempt_id}/submit",
    body=SubmitAnswers,
    response=AttemptEnvelope,
    tags=TAGS,
    errors=(404, 409, 422),
)
async def submit_attempt(call: Call) -> AttemptEnvelope:
    """Submit the answers once; the result carries the right answers and explanations."""
    body: SubmitAnswers = call.body
    async with call.app[DATABASE].session() as s:
        attempt = await _own_attempt(call, s)
        quiz = call.app[CONTENT].quizzes.get(attempt.quiz_slug)
        if quiz is None:
            raise ConflictError("this quiz is no longer offered", code="quiz_withdrawn")
        if attempt.status != "in_progress":
            raise ConflictError(f"this attempt is already {attempt.status}", code="attempt_closed")
        try:
            answers = check_answers(quiz, body.answers)
        except AnswerError as exc:
            raise ValidationFailed(
                "answers do not fit the questions",
                code="invalid_answers",
                details=[
                    {"loc": ["answers", p["question"]], "msg": p["msg"]} for p in exc.problems
                ],
            ) from exc
        if not is_expired(attempt.deadline, utcnow()):
            try:
                attempt = await quiz_repo.finish(
                    s,
                    attempt,
                    status="submitted",
                    answers=answers,
                    grade=grade(quiz, answers),
                    now=utcnow(),
                )
            except quiz_repo.AttemptClosed as exc:
                raise ConflictError(exc.message, code="attempt_closed") from exc
            return AttemptEnvelope(attempt=AttemptOut.of(attempt))
        await expire_if_due(s, attempt, quiz)
    # Raised after the session block so that closing the attempt as expired is committed.
    raise ConflictError(
        "the time limit has passed; the attempt is closed as expired", code="attempt_expired"
    )
