"""The domain-event log: append in the caller's transaction; claim and mark for the
publisher that copies the log to the Redis stream."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.domain_events import EventPayload
from storage.models import DomainEvent
from storage.models.base import utcnow


async def append(session: AsyncSession, event: EventPayload, *, user_id: int | None) -> None:
    """Log `event`; it commits (and is later published) only if the caller's work does."""
    session.add(
        DomainEvent(
            type=event.TYPE,
            version=event.VERSION,
            occurred_at=utcnow(),
            user_id=user_id,
            payload=event.model_dump(mode="json"),
        )
    )


async def claim_unpublished(session: AsyncSession, limit: int) -> list[DomainEvent]:
    """The oldest unpublished events, locked (PostgreSQL skips rows another publisher holds,
    so two processes never publish one batch twice; SQLite has one writer anyway)."""
    stmt = (
        select(DomainEvent)
        .where(DomainEvent.published_at.is_(None))
        .order_by(DomainEvent.id)
        .limit(limit)
        .with_for_update(skip_locked=True)
    )
    return list((await session.scalars(stmt)).all())


async def mark_published(session: AsyncSession, ids: Sequence[int], at: datetime) -> None:
    await session.execute(
        update(DomainEvent)
        .where(DomainEvent.id.in_(list(ids)))
        .values(published_at=at)
        .execution_options(synchronize_session=False)
    )


async def for_user(
    session: AsyncSession, user_id: int, *, types: Sequence[str] | None = None
) -> list[DomainEvent]:
    stmt = select(DomainEvent).where(DomainEvent.user_id == user_id).order_by(DomainEvent.id)
    if types:
        stmt = stmt.where(DomainEvent.type.in_(list(types)))
    return list((await session.scalars(stmt)).all())
