"""Progress rows written when a submit result is stored: locked, upserted, counted.

The user's `user_stats` row is locked first (SELECT ... FOR UPDATE on PostgreSQL; SQLite
serialises writers anyway), so two results of one user landing at once apply in turn.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta

from sqlalchemy import and_, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    Achievement,
    DailyChallengeSolve,
    Notification,
    Problem,
    ProblemLabel,
    ProblemProgress,
    UserActivity,
    UserStats,
    UserTopicSolved,
)


async def lock_stats(session: AsyncSession, user_id: int) -> UserStats:
    """The user's counters row, created if missing, locked for this transaction."""
    stmt = select(UserStats).where(UserStats.user_id == user_id).with_for_update()
    row = (await session.execute(stmt)).scalar_one_or_none()
    if row is not None:
        return row
    try:
        async with session.begin_nested():
            session.add(
                UserStats(
                    user_id=user_id,
                    xp=0,
                    attempted=0,
                    solved=0,
                    submissions=0,
                    accepted=0,
                    daily_solved=0,
                    current_streak=0,
                    longest_streak=0,
                )
            )
    except IntegrityError:
        pass  # another transaction created it first
    return (await session.execute(stmt.execution_options(populate_existing=True))).scalar_one()


async def get_problem_progress(
    session: AsyncSession, user_id: int, problem_id: int
) -> ProblemProgress | None:
    stmt = select(ProblemProgress).where(
        ProblemProgress.user_id == user_id, ProblemProgress.problem_id == problem_id
    )
    return (await session.execute(stmt)).scalar_one_or_none()


async def add_activity(
    session: AsyncSession, user_id: int, day: str, *, accepted: bool, xp: int
) -> None:
    """Count one submit on `day` (the stats lock makes the read-then-write safe)."""
    row = await session.get(UserActivity, (user_id, day))
    if row is None:
        row = UserActivity(user_id=user_id, day=day, submissions=0, accepted=0, xp=0)
        session.add(row)
    row.submissions += 1
    row.accepted += 1 if accepted else 0
    row.xp += xp


async def claim_daily_solve(session: AsyncSession, user_id: int, day: str, at: datetime) -> bool:
    """Record the daily-challenge solve once; False if it was already recorded."""
    if await session.get(DailyChallengeSolve, (day, user_id)) is not None:
        return False
    session.add(DailyChallengeSolve(day=day, user_id=user_id, solved_at=at))
    return True


async def problem_topics(session: AsyncSession, problem_id: int) -> list[str]:
    stmt = select(ProblemLabel.value).where(
        ProblemLabel.problem_id == problem_id, ProblemLabel.kind == "topic"
    )
    return list((await session.scalars(stmt)).all())


async def add_topic_solves(
    session: AsyncSession, user_id: int, topics: Sequence[str]
) -> dict[str, int]:
    """One more problem solved in each of `topics` (under the user's stats lock); the new
    count per topic."""
    counts: dict[str, int] = {}
    for topic in topics:
        row = await session.get(UserTopicSolved, (user_id, topic))
        if row is None:
            row = UserTopicSolved(user_id=user_id, topic=topic, solved=0)
            session.add(row)
        row.solved += 1
        counts[topic] = row.solved
    return counts


async def week_xp(session: AsyncSession, user_id: int, monday: str) -> int:
    """XP earned in the week starting `monday` (the weekly board's score), on the key."""
    until = (date.fromisoformat(monday) + timedelta(days=7)).isoformat()
    stmt = select(func.coalesce(func.sum(UserActivity.xp), 0)).where(
        UserActivity.user_id == user_id, UserActivity.day >= monday, UserActivity.day < until
    )
    return int(await session.scalar(stmt) or 0)


async def completed_topics(session: AsyncSession, user_id: int, topics: Sequence[str]) -> list[str]:
    """Of `topics`, those whose every public problem the user has solved."""
    if not topics:
        return []
    solved = func.count(ProblemProgress.id)
    stmt = (
        select(ProblemLabel.value, func.count(ProblemLabel.id), solved)
        .join(Problem, Problem.id == ProblemLabel.problem_id)
        .outerjoin(
            ProblemProgress,
            and_(
                ProblemProgress.problem_id == ProblemLabel.problem_id,
                ProblemProgress.user_id == user_id,
                ProblemProgress.status == "solved",
            ),
        )
        .where(
            ProblemLabel.kind == "topic",
            ProblemLabel.value.in_(list(topics)),
            Problem.visibility == "public",
        )
        .group_by(ProblemLabel.value)
    )
    return [topic for topic, total, done in (await session.execute(stmt)).all() if done >= total]


async def held_achievements(session: AsyncSession, user_id: int) -> set[str]:
    stmt = select(Achievement.code).where(Achievement.user_id == user_id)
    return set((await session.scalars(stmt)).all())


async def add_achievement(session: AsyncSession, user_id: int, code: str, at: datetime) -> bool:
    """Store an achievement once; False if the user already had it."""
    try:
        async with session.begin_nested():
            session.add(Achievement(user_id=user_id, code=code, earned_at=at))
    except IntegrityError:
        return False
    return True


async def add_notification(
    session: AsyncSession,
    user_id: int,
    *,
    kind: str,
    title: str,
    body: str = "",
    data: dict[str, object] | None = None,
    at: datetime | None = None,
) -> Notification:
    row = Notification(user_id=user_id, kind=kind, title=title, body=body, data=data or {})
    if at is not None:
        row.created_at = at
    session.add(row)
    await session.flush()
    return row


async def earned_achievements(session: AsyncSession, user_id: int) -> list[tuple[str, datetime]]:
    stmt = (
        select(Achievement.code, Achievement.earned_at)
        .where(Achievement.user_id == user_id)
        .order_by(Achievement.earned_at, Achievement.id)
    )
    return [(code, at) for code, at in (await session.execute(stmt)).all()]


async def bank_topics(session: AsyncSession) -> list[str]:
    """Topics of public problems, by name."""
    stmt = (
        select(ProblemLabel.value)
        .join(Problem, Problem.id == ProblemLabel.problem_id)
        .where(ProblemLabel.kind == "topic", Problem.visibility == "public")
        .distinct()
        .order_by(ProblemLabel.value)
    )
    return list((await session.scalars(stmt)).all())


async def solved_by_difficulty(session: AsyncSession, user_id: int) -> dict[str, int]:
    stmt = (
        select(Problem.difficulty, func.count(ProblemProgress.id))
        .join(Problem, Problem.id == ProblemProgress.problem_id)
        .where(ProblemProgress.user_id == user_id, ProblemProgress.status == "solved")
        .group_by(Problem.difficulty)
    )
    return {d: n for d, n in (await session.execute(stmt)).all()}
