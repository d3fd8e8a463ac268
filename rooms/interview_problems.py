"""Interview rooms: the host (interviewer) posts the problem the candidate works on.

A posted problem becomes the room's current one: it moves to the end of
`room.problems` (kept distinct), which is where the shared document's
autosave looks. The caller has checked that the problem exists and that the
host may see it; this module decides whether posting is allowed and what the
room is told (`room:problem`, built by `posted_payload`, plus `room:update`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Any

from rooms.events import ROOM_UPDATE, RoomEvent
from rooms.room import FINISHED, Room, RoomError, RoomKind, iso

ROOM_PROBLEM = "room:problem"  # emitted by the realtime layer with `posted_payload`


def post_problem(room: Room, actor: int, slug: str, now: datetime) -> tuple[Room, list[RoomEvent]]:
    """Make `slug` the current problem; host only. Re-posting the current one changes nothing."""
    if room.kind is not RoomKind.INTERVIEW:
        raise RoomError("not_interview_room", "problems are posted in interview rooms")
    if actor != room.creator_id:
        raise RoomError("not_host", "only the interviewer may post problems")
    if room.status in FINISHED:
        raise RoomError("room_closed", f"this room is {room.status}")
    if room.problems and room.problems[-1] == slug:
        return room, []
    problems = (*[p for p in room.problems if p != slug], slug)
    room = replace(room, problems=problems, version=room.version + 1)
    view = room.view()
    view["problems"] = list(problems)  # interviews show their problems before any start
    return room, [RoomEvent(ROOM_UPDATE, {"room": room.id, "state": view})]


def posted_payload(room: Room, problem: dict[str, Any], actor: int, now: datetime) -> dict:
    """The `room:problem` event: the problem (slug, title, difficulty) and the room's list."""
    return {
        "room": room.id,
        "problem": problem,
        "problems": list(room.problems),
        "posted_by": actor,
        "at": iso(now),
    }
