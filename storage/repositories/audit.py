"""The audit log: appended in the same transaction as the admin action it records."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import AuditEntry, utcnow


async def record(
    session: AsyncSession,
    actor_id: int,
    action: str,
    target_type: str,
    target_id: object,
    details: dict[str, Any] | None = None,
) -> AuditEntry:
    entry = AuditEntry(
        at=utcnow(),
        actor_id=actor_id,
        action=action,
        target_type=target_type,
        target_id=str(target_id),
        details=details or {},
    )
    session.add(entry)
    await session.flush()
    return entry


async def page(
    session: AsyncSession,
    *,
    offset: int,
    limit: int,
    action: str | None = None,
    actor_id: int | None = None,
) -> tuple[int, list[AuditEntry]]:
    """Newest first."""
    stmt = select(AuditEntry)
    if action:
        stmt = stmt.where(AuditEntry.action == action)
    if actor_id is not None:
        stmt = stmt.where(AuditEntry.actor_id == actor_id)
    total = await session.scalar(select(func.count()).select_from(stmt.subquery()))
    rows = await session.scalars(stmt.order_by(AuditEntry.id.desc()).offset(offset).limit(limit))
    return int(total or 0), list(rows)
