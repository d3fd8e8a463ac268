"""Leaderboards from SQL: a score per user, ranked by score (ties share a rank: 1, 1, 3),
paged, with any user's rank found by counting the users above them (on an index)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import User, UserActivity, UserStats, UserTopicSolved


@dataclass(frozen=True)
class Entry:
    rank: int
    user_id: int
    display_name: str
    score: int


def scores(board: str, *, topic: str | None = None, since_day: str | None = None) -> Select[Any]:
    """(user_id, score) of every user on the board with a positive score."""
    if board in ("xp", "solved", "daily"):
        column = {
            "xp": UserStats.xp,
            "solved": UserStats.solved,
            "daily": UserStats.daily_solved,
        }[board]
        return select(UserStats.user_id.label("user_id"), column.label("score")).where(column > 0)
    if board == "weekly":
        # The week that starts on `since_day` (a Monday): seven UTC days.
        start = date.fromisoformat(since_day or "1970-01-05")
        until = (start + timedelta(days=7)).isoformat()
        total = func.sum(UserActivity.xp)
        return (
            select(UserActivity.user_id.label("user_id"), total.label("score"))
            .where(UserActivity.day >= start.isoformat(), UserActivity.day < until)
            .group_by(UserActivity.user_id)
            .having(total > 0)
        )
    if board == "topic":
        # Solved problems of the topic (counted when solved, whatever the problem's
        # visibility later becomes), read from user_topic_solved on its board index.
        return select(
            UserTopicSolved.user_id.label("user_id"), UserTopicSolved.solved.label("score")
        ).where(UserTopicSolved.topic == (topic or ""), UserTopicSolved.solved > 0)
    raise ValueError(f"unknown board {board!r}")


async def page(
    session: AsyncSession, board: Select[Any], *, offset: int, limit: int
) -> tuple[int, list[Entry]]:
    """(total users on the board, one page of entries ranked best first)."""
    sub = board.subquery()
    total = int(await session.scalar(select(func.count()).select_from(sub)) or 0)
    rank = func.rank().over(order_by=sub.c.score.desc())
    stmt = (
        select(rank, sub.c.user_id, User.display_name, sub.c.score)
        .join(User, User.id == sub.c.user_id)
        .order_by(sub.c.score.desc(), sub.c.user_id)
        .offset(offset)
        .limit(limit)
    )
    rows = (await session.execute(stmt)).all()
    return total, [Entry(int(r), uid, name, int(s)) for r, uid, name, s in rows]


async def rank_of(
    session: AsyncSession, board: Select[Any], user_id: int
) -> tuple[int, int, int] | None:
    """(rank, score, position: 0-based place in page order) of a user, or None if absent."""
    sub = board.subquery()
    score = await session.scalar(select(sub.c.score).where(sub.c.user_id == user_id))
    if score is None:
        return None
    # One pass over the rows at or above the score counts both (an index range scan).
    counts = select(
        func.count().filter(sub.c.score > score),
        func.count().filter(sub.c.score == score, sub.c.user_id < user_id),
    ).where(sub.c.score >= score)
    above, tied_before = (await session.execute(counts)).one()
    return int(above or 0) + 1, int(score), int(above or 0) + int(tied_before or 0)


async def display_names(session: AsyncSession, user_ids: list[int]) -> dict[int, str]:
    """Display names of a page of ranked users, by primary key."""
    stmt = select(User.id, User.display_name).where(User.id.in_(user_ids))
    return {uid: name for uid, name in (await session.execute(stmt)).all()}
