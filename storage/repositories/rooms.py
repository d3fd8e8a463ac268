"""Rooms in the database: compare-and-set state updates, listings, chat, results, ratings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.errors import NotFound
from storage.models import (
    Problem,
    RatingChange,
    RoomMessage,
    RoomRecord,
    RoomResult,
    Submission,
    User,
)

ACTIVE_STATUSES = ("waiting", "countdown", "in_progress")


async def insert(session: AsyncSession, record: RoomRecord) -> RoomRecord:
    session.add(record)
    await session.flush()
    return record


async def get(session: AsyncSession, room_id: str) -> RoomRecord:
    row = await session.get(RoomRecord, room_id, populate_existing=True)
    if row is None:
        raise NotFound("room not found")
    return row


async def compare_and_set(
    session: AsyncSession,
    room_id: str,
    *,
    expected_version: int,
    state: dict[str, Any],
    version: int,
    status: str,
    next_tick_at: datetime | None,
) -> bool:
    """Write the new state only if nobody else changed the room since we read it."""
    result = await session.execute(
        update(RoomRecord)
        .where(RoomRecord.id == room_id, RoomRecord.version == expected_version)
        .values(state=state, version=version, status=status, next_tick_at=next_tick_at)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1


async def due_for_tick(session: AsyncSession, now: datetime, limit: int = 100) -> list[str]:
    rows = await session.scalars(
        select(RoomRecord.id)
        .where(RoomRecord.next_tick_at.is_not(None), RoomRecord.next_tick_at <= now)
        .order_by(RoomRecord.next_tick_at)
        .limit(limit)
    )
    return list(rows)


async def list_public(
    session: AsyncSession, *, status: str | None, kind: str | None, limit: int, offset: int
) -> tuple[list[RoomRecord], int]:
    stmt = select(RoomRecord).where(RoomRecord.visibility == "public")
    if status:
        stmt = stmt.where(RoomRecord.status == status)
    if kind:
        stmt = stmt.where(RoomRecord.kind == kind)
    total = int(await session.scalar(select(func.count()).select_from(stmt.subquery())) or 0)
    rows = await session.scalars(
        stmt.order_by(RoomRecord.created_at.desc()).limit(limit).offset(offset)
    )
    return list(rows), total


async def add_message(session: AsyncSession, room_id: str, user_id: int, text: str) -> RoomMessage:
    row = RoomMessage(room_id=room_id, user_id=user_id, text=text)
    session.add(row)
    await session.flush()
    return row


async def recent_messages(
    session: AsyncSession, room_id: str, limit: int = 100
) -> list[RoomMessage]:
    rows = await session.scalars(
        select(RoomMessage)
        .where(RoomMessage.room_id == room_id)
        .order_by(RoomMessage.id.desc())
        .limit(limit)
    )
    return list(reversed(list(rows)))


async def judged_room_submissions(
    session: AsyncSession, room_id: str
) -> list[tuple[Submission, str]]:
    """Judged submit-mode submissions of a room with their problem slugs, oldest first."""
    rows = await session.execute(
        select(Submission, Problem.slug)
        .join(Problem, Problem.id == Submission.problem_id)
        .where(
            Submission.room_id == room_id,
            Submission.mode == "submit",
            Submission.status == "done",
        )
        .order_by(Submission.id)
    )
    return [(sub, slug) for sub, slug in rows.all()]


async def display_names(session: AsyncSession, user_ids: list[int]) -> dict[int, str]:
    if not user_ids:
        return {}
    rows = await session.execute(select(User.id, User.display_name).where(User.id.in_(user_ids)))
    return {uid: name for uid, name in rows.all()}


async def save_results(session: AsyncSession, room_id: str, rows: list[dict[str, Any]]) -> None:
    for row in rows:
        session.add(
            RoomResult(
                room_id=room_id,
                user_id=row["user_id"],
                rank=row["rank"],
                solved=row.get("solved", 0),
                score=row.get("score", 0.0),
                penalty=row.get("penalty", 0),
                row=row,
            )
        )
    await session.flush()


async def results(session: AsyncSession, room_id: str) -> list[RoomResult]:
    rows = await session.scalars(
        select(RoomResult).where(RoomResult.room_id == room_id).order_by(RoomResult.rank)
    )
    return list(rows)


async def rating_history(session: AsyncSession, user_id: int) -> list[RatingChange]:
    rows = await session.scalars(
        select(RatingChange).where(RatingChange.user_id == user_id).order_by(RatingChange.id)
    )
    return list(rows)


async def running_contests(session: AsyncSession) -> list[dict[str, Any]]:
    """The stored states of every contest in progress."""
    rows = await session.scalars(
        select(RoomRecord.state).where(
            RoomRecord.status == "in_progress", RoomRecord.kind == "contest"
        )
    )
    return list(rows)


async def current_ratings(
    session: AsyncSession, user_ids: list[int]
) -> dict[int, tuple[float, float, float]]:
    """`{user_id: (rating, deviation, volatility)}` of the users that exist."""
    if not user_ids:
        return {}
    rows = await session.execute(
        select(User.id, User.rating, User.rating_deviation, User.rating_volatility).where(
            User.id.in_(user_ids)
        )
    )
    return {uid: (rating, rd, vol) for uid, rating, rd, vol in rows.all()}


@dataclass(frozen=True)
class RatingUpdate:
    """One user's new rating after a contest, and where they placed."""

    user_id: int
    rank: int
    rating_before: float
    rating_after: float
    rd_after: float
    volatility_after: float


async def record_ratings(session: AsyncSession, room_id: str, updates: list[RatingUpdate]) -> None:
    """Store each user's new rating and a history row for this contest (users that
    no longer exist are skipped)."""
    if not updates:
        return
    found = await session.scalars(select(User).where(User.id.in_([u.user_id for u in updates])))
    users = {user.id: user for user in found}
    for new in updates:
        user = users.get(new.user_id)
        if user is None:
            continue
        user.rating = new.rating_after
        user.rating_deviation = new.rd_after
        user.rating_volatility = new.volatility_after
        session.add(
            RatingChange(
                user_id=new.user_id,
                room_id=room_id,
                rating_before=new.rating_before,
                rating_after=new.rating_after,
                rd_after=new.rd_after,
                volatility_after=new.volatility_after,
                rank=new.rank,
            )
        )
    await session.flush()
