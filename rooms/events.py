"""Events that room logic asks the realtime layer to emit.

Room functions never send anything: they return ``RoomEvent`` values and the
realtime layer emits each one to its target. Names are the wire contract in
README.md's Socket.IO overview; keep them in step with it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

# Server -> client.
ROOM_UPDATE = "room:update"
ROOM_START = "room:start"
ROOM_END = "room:end"
LEADERBOARD_UPDATE = "leaderboard:update"
SUBMISSION_NEW = "submission:new"
SUBMISSION_RESULT = "submission:result"
PARTICIPANT_PROGRESS = "participant:progress"

# Client -> server (``room:start`` and ``room:end`` are also requests from the creator).
ROOM_JOIN = "room:join"
ROOM_LEAVE = "room:leave"
ROOM_CHAT = "room:chat"

SERVER_EVENTS = frozenset(
    {
        ROOM_UPDATE,
        ROOM_START,
        ROOM_END,
        LEADERBOARD_UPDATE,
        SUBMISSION_NEW,
        SUBMISSION_RESULT,
        PARTICIPANT_PROGRESS,
    }
)

# Everyone in the room's Socket.IO room: participants and spectators.
ROOM_TARGET = "room"


USER_ROOM_PREFIX = "user:"

Emit = Callable[[str, dict[str, Any], Sequence[str]], Awaitable[None]]
"""emit(event, payload, rooms): how the realtime layer delivers one event to Socket.IO rooms."""


def user_room(user_id: int) -> str:
    """The personal Socket.IO room of one user, e.g. ``"user:42"``: every connection of
    the user joins it, so an event targeted there reaches all their tabs in any process."""
    return f"{USER_ROOM_PREFIX}{user_id}"


@dataclass(frozen=True)
class RoomEvent:
    """One event to emit: ``name`` on the wire, a JSON-ready ``payload``, and a ``target``.

    ``target`` is ``"room"`` (everyone in the room the event came from) or
    ``"user:<id>"`` (one user). Payloads hold only JSON types (datetimes are ISO
    strings) so a Redis-backed emitter can forward them unchanged.
    """

    name: str
    payload: dict[str, Any] = field(default_factory=dict)
    target: str = ROOM_TARGET

    def __post_init__(self) -> None:
        if self.name not in SERVER_EVENTS:
            raise ValueError(f"unknown server event {self.name!r}")
        if self.target != ROOM_TARGET and not self.target.startswith(USER_ROOM_PREFIX):
            raise ValueError(f"bad event target {self.target!r}")
