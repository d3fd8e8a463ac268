"""Design sessions: open-or-resume, compare-and-set scene autosave, transitions, reviews.

The rules are the code sessions' (`storage.repositories.sessions`): one open
session per user and design, a save names the revision it was made on and a
stale one is refused with what the server holds, a snapshot at most once per
interval, and the same pause / resume / abandon / submit moves.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from storage.errors import Conflict, NotFound
from storage.models import DesignSession, DesignSnapshot, utcnow
from storage.repositories.sessions import (
    OPEN_STATUSES,
    InvalidTransition,
    SaveResult,
    apply_move,
    content_hash,
    insert_or_take,
)

EMPTY_SCENE: dict[str, Any] = {"elements": [], "appState": {}, "files": {}}


class SceneConflict(Conflict):
    """The client's base revision is stale; carries what the server has (plain values)."""

    def __init__(self, row: DesignSession) -> None:
        super().__init__(f"session is at revision {row.revision}")
        self.revision = row.revision
        self.scene = dict(row.scene)


async def get_own(session: AsyncSession, session_id: int, user_id: int) -> DesignSession:
    """The user's own session; someone else's looks exactly like a missing one."""
    row = await session.get(DesignSession, session_id, populate_existing=True)
    if row is None or row.user_id != user_id:
        raise NotFound("design session not found")
    return row


async def _open_row(session: AsyncSession, user_id: int, slug: str) -> DesignSession | None:
    return await session.scalar(
        select(DesignSession)
        .where(
            DesignSession.user_id == user_id,
            DesignSession.design_slug == slug,
            DesignSession.status.in_(OPEN_STATUSES),
        )
        .limit(1)
    )


async def open_session(
    session: AsyncSession, *, user_id: int, slug: str
) -> tuple[DesignSession, bool]:
    """The user's open session on the design, else a new one on an empty canvas.

    Two tabs opening at once: `insert_or_take` gives both the same row.
    """
    row = await _open_row(session, user_id, slug)
    if row is not None:
        return row, False
    return await insert_or_take(
        session,
        lambda: DesignSession(
            user_id=user_id,
            design_slug=slug,
            scene=dict(EMPTY_SCENE),
            revision=0,
            content_hash=content_hash(EMPTY_SCENE),
            status="active",
        ),
        lambda: _open_row(session, user_id, slug),
    )


async def autosave(
    session: AsyncSession,
    *,
    session_id: int,
    user_id: int,
    scene: dict[str, Any],
    base_revision: int,
    time_spent: int,
    snapshot_every: timedelta,
    now: datetime | None = None,
) -> SaveResult[DesignSession]:
    """Store `scene` if it changed; a stale `base_revision` raises SceneConflict."""
    now = now or utcnow()
    row = await get_own(session, session_id, user_id)
    if row.status not in OPEN_STATUSES:
        raise InvalidTransition("autosave", row.status)
    if row.revision != base_revision:
        raise SceneConflict(row)
    new_hash = content_hash(scene)
    spent = max(row.time_spent_seconds, time_spent)
    if new_hash == row.content_hash:
        if spent != row.time_spent_seconds:
            row.time_spent_seconds = spent
            await session.flush()
        return SaveResult(row, changed=False, snapshot=False)
    values = {
        "scene": scene,
        "content_hash": new_hash,
        "revision": base_revision + 1,
        "time_spent_seconds": spent,
        "status": "active",
        "paused_at": None,
        "updated_at": now,
    }
    result = await session.execute(
        update(DesignSession)
        .where(DesignSession.id == row.id, DesignSession.revision == base_revision)
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        await session.refresh(row)
        raise SceneConflict(row)
    for key, value in values.items():
        set_committed_value(row, key, value)
    take_snapshot = row.last_snapshot_at is None or now - row.last_snapshot_at >= snapshot_every
    if take_snapshot:
        session.add(
            DesignSnapshot(session_id=row.id, revision=row.revision, scene=scene, created_at=now)
        )
        row.last_snapshot_at = now
        await session.flush()
    return SaveResult(row, changed=True, snapshot=take_snapshot)


async def transition(
    session: AsyncSession, *, session_id: int, user_id: int, action: str
) -> DesignSession:
    row = await get_own(session, session_id, user_id)
    apply_move(row, action, utcnow())
    await session.flush()
    return row


async def store_review(
    session: AsyncSession,
    row: DesignSession,
    evaluation: dict[str, Any],
    by: str,
    now: datetime | None = None,
) -> DesignSession:
    """Keep the review on the session (a later review of the same submission replaces it)."""
    row.evaluation = evaluation
    row.score = int(evaluation["score"])
    row.evaluated_by = by
    row.evaluated_at = now or utcnow()
    await session.flush()
    return row


async def list_own(
    session: AsyncSession,
    user_id: int,
    *,
    status: str | None,
    slug: str | None,
    limit: int,
    offset: int,
) -> list[DesignSession]:
    stmt = select(DesignSession).where(DesignSession.user_id == user_id)
    if status:
        stmt = stmt.where(DesignSession.status == status)
    if slug:
        stmt = stmt.where(DesignSession.design_slug == slug)
    stmt = stmt.order_by(DesignSession.updated_at.desc(), DesignSession.id.desc())
    return list(await session.scalars(stmt.limit(limit).offset(offset)))


@dataclass(frozen=True)
class DesignStats:
    sessions: int
    best_score: int | None
    open_session: int | None


async def stats(session: AsyncSession, user_id: int) -> dict[str, DesignStats]:
    """Per design: how many sessions, the best reviewed score, the open session's id."""
    rows = await session.execute(
        select(
            DesignSession.design_slug,
            func.count(),
            func.max(DesignSession.score),
        )
        .where(DesignSession.user_id == user_id)
        .group_by(DesignSession.design_slug)
    )
    open_rows = await session.execute(
        select(DesignSession.design_slug, DesignSession.id).where(
            DesignSession.user_id == user_id, DesignSession.status.in_(OPEN_STATUSES)
        )
    )
    open_ids = {slug: sid for slug, sid in open_rows.all()}
    return {slug: DesignStats(count, best, open_ids.get(slug)) for slug, count, best in rows.all()}


async def snapshots(session: AsyncSession, session_id: int) -> list[DesignSnapshot]:
    stmt = (
        select(DesignSnapshot)
        .where(DesignSnapshot.session_id == session_id)
        .order_by(DesignSnapshot.revision)
    )
    return list(await session.scalars(stmt))
