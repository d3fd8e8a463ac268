"""The notifications inbox: newest first, paged by id, marked read in bulk."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Notification, utcnow


async def list_for(
    session: AsyncSession,
    user_id: int,
    *,
    unread_only: bool,
    limit: int,
    before: int | None,
) -> list[Notification]:
    stmt = select(Notification).where(Notification.user_id == user_id)
    if unread_only:
        stmt = stmt.where(Notification.read_at.is_(None))
    if before is not None:
        stmt = stmt.where(Notification.id < before)
    stmt = stmt.order_by(Notification.id.desc()).limit(limit)
    return list((await session.scalars(stmt)).all())


async def unread_count(session: AsyncSession, user_id: int) -> int:
    stmt = select(func.count(Notification.id)).where(
        Notification.user_id == user_id, Notification.read_at.is_(None)
    )
    return int(await session.scalar(stmt) or 0)


async def mark_read(session: AsyncSession, user_id: int, ids: Sequence[int] | None) -> None:
    """Mark the user's notifications read: those in `ids` (others' ids are ignored), or all."""
    stmt = (
        update(Notification)
        .where(Notification.user_id == user_id, Notification.read_at.is_(None))
        .values(read_at=utcnow())
    )
    if ids is not None:
        stmt = stmt.where(Notification.id.in_(list(ids)))
    await session.execute(stmt)
