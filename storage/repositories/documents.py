"""Shared-document history of pair/interview rooms: appended updates and compacted snapshots.

Rows are ordered by id. A `snapshot` row holds the whole document as it was
when written, so loading needs only the newest snapshot and the updates after
it; `update` rows before a snapshot are either kept (to replay the session) or
deleted by the compaction that wrote it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import RoomDocUpdate

DELETE_CHUNK = 500  # ids per DELETE ... IN (...), well under every driver's parameter limit


async def append(
    session: AsyncSession,
    room_id: str,
    rows: Sequence[tuple[bytes, int | None, datetime]],
    kind: str = "update",
) -> list[int]:
    """Insert `(data, author_id, created_at)` rows in order; returns their ids."""
    records = [
        RoomDocUpdate(room_id=room_id, kind=kind, data=data, author_id=author, created_at=at)
        for data, author, at in rows
    ]
    session.add_all(records)
    await session.flush()
    return [r.id for r in records]


async def latest_snapshot(session: AsyncSession, room_id: str) -> RoomDocUpdate | None:
    return await session.scalar(
        select(RoomDocUpdate)
        .where(RoomDocUpdate.room_id == room_id, RoomDocUpdate.kind == "snapshot")
        .order_by(RoomDocUpdate.id.desc())
        .limit(1)
    )


async def updates_after(
    session: AsyncSession, room_id: str, after_id: int
) -> list[tuple[int, bytes]]:
    """`(id, data)` of the update rows newer than `after_id` (0: all), oldest first.

    Plain columns, not ORM objects: a long session has tens of thousands of rows.
    """
    rows = await session.execute(
        select(RoomDocUpdate.id, RoomDocUpdate.data)
        .where(
            RoomDocUpdate.room_id == room_id,
            RoomDocUpdate.kind == "update",
            RoomDocUpdate.id > after_id,
        )
        .order_by(RoomDocUpdate.id)
    )
    return [(row_id, data) for row_id, data in rows]


async def history(
    session: AsyncSession, room_id: str
) -> list[tuple[int, str, bytes, int | None, datetime]]:
    """`(id, kind, data, author_id, created_at)` of every row of the room, oldest first."""
    rows = await session.execute(
        select(
            RoomDocUpdate.id,
            RoomDocUpdate.kind,
            RoomDocUpdate.data,
            RoomDocUpdate.author_id,
            RoomDocUpdate.created_at,
        )
        .where(RoomDocUpdate.room_id == room_id)
        .order_by(RoomDocUpdate.id)
    )
    return [tuple(row) for row in rows]  # type: ignore[misc]


async def delete_rows(session: AsyncSession, room_id: str, ids: Sequence[int]) -> int:
    """Delete the given rows of the room (the ones a new snapshot squashed)."""
    deleted = 0
    for start in range(0, len(ids), DELETE_CHUNK):
        chunk = list(ids[start : start + DELETE_CHUNK])
        result = await session.execute(
            delete(RoomDocUpdate)
            .where(RoomDocUpdate.room_id == room_id, RoomDocUpdate.id.in_(chunk))
            .execution_options(synchronize_session=False)
        )
        deleted += result.rowcount or 0
    return deleted


async def count(session: AsyncSession, room_id: str) -> dict[str, int]:
    """Rows per kind, e.g. {"update": 12, "snapshot": 1}."""
    rows = await session.execute(
        select(RoomDocUpdate.kind, func.count())
        .where(RoomDocUpdate.room_id == room_id)
        .group_by(RoomDocUpdate.kind)
    )
    return {kind: int(n) for kind, n in rows}
