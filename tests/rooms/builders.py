"""Small builders shared by the rooms tests: a fixed clock and rooms in each status."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from rooms.events import RoomEvent
from rooms.scoring import Submission
from rooms.state import (
    ERROR_CODES,
    Room,
    RoomError,
    RoomStatus,
    cancel,
    create_room,
    join,
    start,
    tick,
)

T0 = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
CREATOR, ALICE, BOB, CAROL, DAVE = 1, 2, 3, 4, 5
PROBLEMS = ("two-sum", "lis", "dijkstra")


def at(minutes: float = 0, seconds: float = 0) -> datetime:
    """T0 plus an offset."""
    return T0 + timedelta(minutes=minutes, seconds=seconds)


def names(events: Iterable[RoomEvent]) -> list[str]:
    return [e.name for e in events]


def assert_wire_ready(events: Iterable[RoomEvent]) -> None:
    """Every payload must survive JSON, as a Redis emitter would send it."""
    for event in events:
        json.dumps(event.payload)


def waiting_room(**settings: Any) -> Room:
    """A waiting contest room created at T0 with the creator seated."""
    room, _ = create_room("room-1", "contest", "Friday fight", CREATOR, PROBLEMS, T0, **settings)
    return room


def running_room(players: Iterable[int] = (ALICE, BOB), **settings: Any) -> Room:
    """A room in progress since T0 (countdown began 10 s earlier) with CREATOR and players."""
    settings.setdefault("max_participants", 3)
    before = T0 - timedelta(seconds=settings.get("countdown_seconds", 10))
    room, _ = create_room(
        "room-1", "contest", "Friday fight", CREATOR, PROBLEMS, before, **settings
    )
    for player in players:
        room, _ = join(room, player, before)
    room, _ = start(room, CREATOR, before)
    room, _ = tick(room, T0)
    assert room.started_at == T0
    return room


def sub(
    user: int,
    problem: str,
    verdict: str,
    minutes: float,
    score: float = 0,
    sub_id: int | None = None,
) -> Submission:
    """A submission made ``minutes`` after T0."""
    if verdict == "AC" and score == 0:
        score = 100
    return Submission(user, problem, verdict, score, at(minutes), sub_id)


def completed_room() -> Room:
    """A running_room() after its 30 minutes."""
    room, _ = tick(running_room(), at(30))
    assert room.status is RoomStatus.COMPLETED
    return room


def cancelled_room() -> Room:
    """A waiting_room() cancelled by its creator at T0."""
    room, _ = cancel(waiting_room(), CREATOR, T0)
    return room


def countdown_room() -> Room:
    """A waiting_room() whose creator started the countdown at T0."""
    room, _ = start(waiting_room(), CREATOR, T0)
    return room


@contextmanager
def refused(code: str) -> Iterator[None]:
    """Expect a RoomError with this code."""
    assert code in ERROR_CODES
    with pytest.raises(RoomError) as info:
        yield
    assert info.value.code == code, info.value.code
