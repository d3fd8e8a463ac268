"""Rooms persisted with optimistic concurrency: read, apply a pure transition, compare-and-set.

Any number of processes can act on one room; a transition that loses the race is
re-run on the fresh state, and a transition that changes nothing emits nothing,
so clock ticks and "end" requests arriving twice take effect once.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from rooms.events import RoomEvent
from rooms.room import Room, RoomError
from rooms.state import next_tick_at
from storage.database import Database
from storage.errors import NotFound
from storage.models import RoomRecord
from storage.repositories import rooms as room_repo

Transition = Callable[[Room, datetime], tuple[Room, list[RoomEvent]]]
MAX_RETRIES = 20


def now_utc() -> datetime:
    return datetime.now(UTC)


class RoomNotFound(RoomError):
    def __init__(self, room_id: str) -> None:
        super().__init__("room_not_found", f"room {room_id[:64]!r} not found")


class RoomStore:
    def __init__(self, db: Database) -> None:
        self.db = db

    async def create(self, room: Room) -> Room:
        async with self.db.session() as session:
            await room_repo.insert(
                session,
                RoomRecord(
                    id=room.id,
                    kind=str(room.kind),
                    name=room.name,
                    creator_id=room.creator_id,
                    status=str(room.status),
                    visibility=str(room.visibility),
                    version=room.version,
                    state=room.to_dict(),
                    next_tick_at=next_tick_at(room),
                ),
            )
        return room

    async def load(self, room_id: str) -> Room:
        async with self.db.session() as session:
            try:
                record = await room_repo.get(session, room_id)
            except NotFound:
                raise RoomNotFound(room_id) from None
        return Room.from_dict(record.state)

    async def apply(self, room_id: str, transition: Transition) -> tuple[Room, list[RoomEvent]]:
        """Run `transition(room, now)` until its result is stored; RoomError passes through."""
        for _ in range(MAX_RETRIES):
            async with self.db.session() as session:
                try:
                    record = await room_repo.get(session, room_id)
                except NotFound:
                    raise RoomNotFound(room_id) from None
                before = Room.from_dict(record.state)
                after, events = transition(before, now_utc())
                if after.version == before.version:
                    return after, []
                stored = await room_repo.compare_and_set(
                    session,
                    room_id,
                    expected_version=record.version,
                    state=after.to_dict(),
                    version=after.version,
                    status=str(after.status),
                    next_tick_at=next_tick_at(after),
                )
                if stored:
                    return after, events
        raise RoomError("busy", "the room is changing too fast; try again")
