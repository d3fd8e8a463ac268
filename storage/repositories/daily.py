"""Daily challenges as stored rows: the pick of a day is written once and read after."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    DailyChallenge,
    DailyChallengeSolve,
    Problem,
    ProblemProgress,
)

Picker = Callable[[list[tuple[int, str, str]], set[int]], int | None]
"""pick(public problems as (id, slug, difficulty), recently used ids) -> problem id."""


async def get_day(session: AsyncSession, day: str) -> DailyChallenge | None:
    return await session.get(DailyChallenge, day)


async def get_or_create(
    session: AsyncSession, day: str, recent_from: str, pick: Picker
) -> DailyChallenge | None:
    """The day's stored challenge, choosing and storing it first if nobody asked yet.
    Two processes choosing at once choose alike; the second insert yields to the first."""
    row = await session.get(DailyChallenge, day)
    if row is not None:
        return row
    bank = (
        await session.execute(
            select(Problem.id, Problem.slug, Problem.difficulty).where(
                Problem.visibility == "public"
            )
        )
    ).all()
    recent = set(
        (
            await session.scalars(
                select(DailyChallenge.problem_id).where(
                    DailyChallenge.day >= recent_from, DailyChallenge.day < day
                )
            )
        ).all()
    )
    chosen = pick([(i, s, d) for i, s, d in bank], recent)
    if chosen is None:
        return None
    try:
        async with session.begin_nested():
            session.add(DailyChallenge(day=day, problem_id=chosen))
    except IntegrityError:
        pass
    return await session.get(DailyChallenge, day, populate_existing=True)


async def history(session: AsyncSession, since: str, until: str) -> list[DailyChallenge]:
    stmt = (
        select(DailyChallenge)
        .where(DailyChallenge.day >= since, DailyChallenge.day <= until)
        .order_by(DailyChallenge.day.desc())
    )
    return list((await session.scalars(stmt)).all())


async def solved_count(session: AsyncSession, day: str) -> int:
    stmt = (
        select(func.count()).select_from(DailyChallengeSolve).where(DailyChallengeSolve.day == day)
    )
    return int(await session.scalar(stmt) or 0)


async def solves_of(session: AsyncSession, user_id: int, days: Sequence[str]) -> set[str]:
    """The days (of `days`) whose challenge the user solved on the day."""
    if not days:
        return set()
    stmt = select(DailyChallengeSolve.day).where(
        DailyChallengeSolve.user_id == user_id, DailyChallengeSolve.day.in_(list(days))
    )
    return set((await session.scalars(stmt)).all())


async def statuses(
    session: AsyncSession, user_id: int, problem_ids: Sequence[int]
) -> dict[int, str]:
    """problem id -> "solved" | "attempted" for the user's progress on those problems."""
    if not problem_ids:
        return {}
    stmt = select(ProblemProgress.problem_id, ProblemProgress.status).where(
        ProblemProgress.user_id == user_id, ProblemProgress.problem_id.in_(list(problem_ids))
    )
    return {pid: status for pid, status in (await session.execute(stmt)).all()}
