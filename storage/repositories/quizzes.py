"""Quiz attempts: start, finish once (compare-and-set), history and best scores in SQL."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy import case, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.errors import Conflict, NotFound
from storage.models import QuizAttempt
from storage.quiz_grading import Answer, Grade, deadline_for
from storage.quiz_package import Quiz

FINISHED = ("submitted", "expired")


class AttemptClosed(Conflict):
    """The attempt was already submitted or has expired; it takes no answers."""

    def __init__(self, status: str) -> None:
        super().__init__(f"this attempt is already {status}")
        self.status = status


@dataclass(frozen=True)
class QuizStats:
    attempts: int
    best_score: float | None
    passed: bool


async def start_attempt(
    session: AsyncSession, user_id: int, quiz: Quiz, now: datetime
) -> QuizAttempt:
    attempt = QuizAttempt(
        user_id=user_id,
        quiz_slug=quiz.slug,
        status="in_progress",
        started_at=now,
        deadline=deadline_for(now, quiz),
        answers={},
        results=[],
        total=len(quiz.questions),
        passed=False,
    )
    session.add(attempt)
    await session.flush()
    return attempt


async def get_own(session: AsyncSession, attempt_id: int, user_id: int) -> QuizAttempt:
    """The user's own attempt; someone else's looks exactly like a missing one."""
    row = await session.get(QuizAttempt, attempt_id, populate_existing=True)
    if row is None or row.user_id != user_id:
        raise NotFound("attempt not found")
    return row


async def finish(
    session: AsyncSession,
    attempt: QuizAttempt,
    *,
    status: str,
    answers: dict[int, Answer],
    grade: Grade,
    now: datetime,
) -> QuizAttempt:
    """Close an in-progress attempt once; a second (or racing) finish raises AttemptClosed."""
    result = await session.execute(
        update(QuizAttempt)
        .where(QuizAttempt.id == attempt.id, QuizAttempt.status == "in_progress")
        .values(
            status=status,
            finished_at=now,
            answers={str(k): v for k, v in answers.items()},
            results=[asdict(r) for r in grade.results],
            correct=grade.correct,
            total=grade.total,
            score=grade.score,
            passed=grade.passed and status == "submitted",
        )
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:  # type: ignore[attr-defined]
        current = await session.get(QuizAttempt, attempt.id, populate_existing=True)
        raise AttemptClosed(current.status if current else "gone")
    return await get_own(session, attempt.id, attempt.user_id)


async def history(session: AsyncSession, user_id: int, quiz_slug: str) -> list[QuizAttempt]:
    """The user's attempts at one quiz, newest first."""
    rows = await session.scalars(
        select(QuizAttempt)
        .where(QuizAttempt.user_id == user_id, QuizAttempt.quiz_slug == quiz_slug)
        .order_by(QuizAttempt.started_at.desc(), QuizAttempt.id.desc())
    )
    return list(rows)


async def stats(session: AsyncSession, user_id: int) -> dict[str, QuizStats]:
    """Per quiz: attempts, best score of finished attempts, passed at least once."""
    rows = await session.execute(
        select(
            QuizAttempt.quiz_slug,
            func.count(QuizAttempt.id),
            func.max(QuizAttempt.score),
            func.max(case((QuizAttempt.passed, 1), else_=0)),
        )
        .where(QuizAttempt.user_id == user_id)
        .group_by(QuizAttempt.quiz_slug)
    )
    return {
        slug: QuizStats(count, None if best is None else float(best), bool(passed))
        for slug, count, best, passed in rows
    }


async def passed_quizzes(session: AsyncSession, user_id: int, slugs: set[str]) -> set[str]:
    if not slugs:
        return set()
    rows = await session.scalars(
        select(QuizAttempt.quiz_slug)
        .where(
            QuizAttempt.user_id == user_id,
            QuizAttempt.quiz_slug.in_(sorted(slugs)),
            QuizAttempt.passed.is_(True),
        )
        .distinct()
    )
    return set(rows)
