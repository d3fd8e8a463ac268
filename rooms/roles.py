"""Who is who in a room and what each may do: see it, join it, chat, edit, run code.

Plain functions over `Room`; a refused request raises `RoomError`, whose
code the realtime layer sends as it is. The transitions themselves live in
`rooms.state`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from rooms import state as room_state
from rooms.events import RoomEvent
from rooms.room import Room, RoomError, RoomKind, RoomStatus, Visibility

Role = Literal["participant", "host", "spectator"]
MEMBER_ROLES: tuple[Role, ...] = ("participant", "host")  # may chat, edit, run code


def role_in(room: Room, user_id: int) -> Role | None:
    """The user's role; a seated creator counts as a participant."""
    if user_id in room.participant_ids:
        return "participant"
    if user_id == room.creator_id:
        return "host"
    if user_id in room.spectators:
        return "spectator"
    return None


def is_member(room: Room, user_id: int) -> bool:
    """Participants and the host take part; spectators only watch."""
    return role_in(room, user_id) in MEMBER_ROLES


def may_see(room: Room, user_id: int | None) -> bool:
    """Public rooms are visible to all, private ones to the people in them."""
    if room.visibility is Visibility.PUBLIC:
        return True
    return user_id is not None and (
        user_id == room.creator_id or user_id in room.participant_ids or user_id in room.spectators
    )


def sees_problems(room: Room, user_id: int | None) -> bool:
    """Contests hide their problems until the start (from everyone); pair and interview
    rooms never start, so their members see the problems at once (others do not)."""
    if room.kind == RoomKind.CONTEST:
        return room.started_at is not None
    return user_id is not None and is_member(room, user_id)


def view_for(room: Room, user_id: int | None) -> dict[str, Any]:
    """The public view; the creator of a private room also sees its invite code, and
    whoever `sees_problems` the problem slugs."""
    view = room.view()
    if user_id == room.creator_id and room.invite_code:
        view["invite_code"] = room.invite_code
    if sees_problems(room, user_id):
        view["problems"] = list(room.problems)
    return view


def join(
    room: Room, actor: int, now: datetime, *, spectator: bool, invite_code: str | None
) -> tuple[Room, list[RoomEvent]]:
    """`room:join`: the host of a pair/interview room who did not take a seat rejoins as
    host (nothing changes); everyone else joins as `rooms.state.join` decides."""
    if (
        actor == room.creator_id
        and actor not in room.participant_ids
        and room.kind != RoomKind.CONTEST
    ):
        return room, []
    return room_state.join(room, actor, now, spectator=spectator, invite_code=invite_code)


def check_run(room: Room, user_id: int, mode: str, problem: str | None, now: datetime) -> bool:
    """Refuse a run or submission `user_id` may not make in `room`; True when the whole
    room watches it (pair and interview rooms), False when only its author does (contests)."""
    if room.kind == RoomKind.CONTEST:
        if problem is None:
            raise RoomError("problem_required", "contest runs name a problem of the room")
        if mode == "submit":
            room_state.check_submission(room, user_id, problem, now)
        elif user_id not in room.participant_ids:
            raise RoomError("not_participant", "only participants may run code in a contest")
        elif problem not in room.problems or room.status != RoomStatus.IN_PROGRESS:
            raise RoomError("problem_not_in_room", f"{problem!r} is not open in this room")
        return False
    if not is_member(room, user_id):
        raise RoomError("not_participant", "only members of the room may run code in it")
    return True


def competes_on(room: Room, user_id: int, problem_slug: str) -> bool:
    """True while `user_id` competes in this running contest and it contains the problem."""
    return (
        room.kind == RoomKind.CONTEST
        and room.status == RoomStatus.IN_PROGRESS
        and user_id in room.participant_ids
        and problem_slug in room.problems
    )
