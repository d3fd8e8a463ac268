"""Room lifecycle: ``waiting -> countdown -> in_progress -> completed``, or ``cancelled``.

Each transition is a plain function ``(room, actor, now, ...) -> (new_room, events)``
that never mutates its input and never sends anything; a refused request raises
``RoomError``. Times are timezone-aware UTC datetimes.

Several web processes may apply transitions to the same stored room, so:

* every transition first catches up with the clock (``tick``), so a late
  request sees the room as it is now, not as it was last stored;
* times set by the clock are the scheduled ones (``started_at`` is the end of
  the countdown, ``ended_at`` of a timed-out room is ``ends_at``), so two
  processes ticking the same room compute the same state;
* repeating a request that already took effect is a no-op with no events
  (joining again, leaving again, starting a started room, ending an ended one);
* each change bumps ``version``, which a store can use for compare-and-set.

Every change emits one ``room:update`` carrying the public view; entering
``in_progress`` also emits ``room:start`` and reaching ``completed`` or
``cancelled`` emits ``room:end``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timedelta
from typing import Any

from rooms.events import ROOM_END, ROOM_START, ROOM_UPDATE, RoomEvent
from rooms.room import (
    ALL_SOLVED,
    CANCELLED_BY_CREATOR,
    ENDED_BY_CREATOR,
    ERROR_CODES,
    EVERYONE_LEFT,
    FINISHED,
    NOT_STARTED,
    TIME_UP,
    Participant,
    Room,
    RoomError,
    RoomKind,
    RoomStatus,
    Visibility,
    iso,
)
from rooms.scoring import StandingRow

# The record's names are re-exported: ``rooms.state`` is the one import for callers.
__all__ = [
    "ALL_SOLVED",
    "CANCELLED_BY_CREATOR",
    "ENDED_BY_CREATOR",
    "ERROR_CODES",
    "EVERYONE_LEFT",
    "FINISHED",
    "NOT_STARTED",
    "TIME_UP",
    "Participant",
    "Room",
    "RoomError",
    "RoomKind",
    "RoomStatus",
    "Visibility",
    "all_solved",
    "cancel",
    "check_submission",
    "create_room",
    "end",
    "end_if_all_solved",
    "join",
    "leave",
    "next_tick_at",
    "start",
    "tick",
]


# ---- events ------------------------------------------------------------------------


def _update(room: Room) -> RoomEvent:
    return RoomEvent(ROOM_UPDATE, {"room": room.id, "state": room.view()})


def _start_event(room: Room) -> RoomEvent:
    return RoomEvent(
        ROOM_START,
        {
            "room": room.id,
            "problems": list(room.problems),
            "format": str(room.format),
            "started_at": iso(room.started_at),
            "ends_at": iso(room.ends_at),
            "freeze_at": iso(room.freeze_at),
        },
    )


def _end_event(room: Room) -> RoomEvent:
    return RoomEvent(
        ROOM_END,
        {
            "room": room.id,
            "status": str(room.status),
            "reason": room.end_reason,
            "ended_at": iso(room.ended_at),
        },
    )


def _bump(room: Room, **changes: Any) -> Room:
    return replace(room, version=room.version + 1, **changes)


# ---- transitions ---------------------------------------------------------------------


def create_room(
    room_id: str,
    kind: RoomKind | str,
    name: str,
    creator_id: int,
    problems: Iterable[str],
    now: datetime,
    *,
    creator_joins: bool = True,
    **settings: Any,
) -> tuple[Room, list[RoomEvent]]:
    """Open a room in ``waiting``.

    ``settings`` are the optional Room fields: max_participants (3),
    duration_minutes (30), visibility ("public"), invite_code (required when
    private), format ("icpc"), rated (False), freeze_minutes (0: no freeze),
    countdown_seconds (10). ``creator_joins`` seats the creator as the first
    participant (default); an interviewer or organiser may stay outside.
    """
    unknown = set(settings) - _OPTIONAL_SETTINGS
    if unknown:
        raise RoomError("invalid_room", f"unknown settings: {', '.join(sorted(unknown))}")
    seated = (Participant(creator_id, now),) if creator_joins else ()
    room = Room(
        room_id, kind, name, creator_id, tuple(problems), now, participants=seated, **settings
    )
    return room, [_update(room)]


_OPTIONAL_SETTINGS = frozenset(
    {
        "max_participants",
        "duration_minutes",
        "visibility",
        "invite_code",
        "format",
        "rated",
        "freeze_minutes",
        "countdown_seconds",
    }
)


def tick(room: Room, now: datetime) -> tuple[Room, list[RoomEvent]]:
    """Apply whatever the clock says is due: countdown over -> in_progress, time up -> completed.

    Call it from a timer; it is a no-op when nothing is due, and it catches up
    several steps at once if the room was not ticked for a while.
    """
    events: list[RoomEvent] = []
    started = room.countdown_ends_at
    if room.status is RoomStatus.COUNTDOWN and started is not None and now >= started:
        room = _bump(
            room,
            status=RoomStatus.IN_PROGRESS,
            started_at=started,
            ends_at=started + timedelta(minutes=room.duration_minutes),
        )
        events += [_update(room), _start_event(room)]
    if room.status is RoomStatus.IN_PROGRESS and room.ends_at and now >= room.ends_at:
        room = _bump(room, status=RoomStatus.COMPLETED, ended_at=room.ends_at, end_reason=TIME_UP)
        events += [_update(room), _end_event(room)]
    return room, events


def next_tick_at(room: Room) -> datetime | None:
    """When ``tick`` will next change the room (countdown end or contest end); None if never.

    Lets the realtime layer sleep until exactly then instead of polling.
    """
    if room.status is RoomStatus.COUNTDOWN:
        return room.countdown_ends_at
    if room.status is RoomStatus.IN_PROGRESS:
        return room.ends_at
    return None


def join(
    room: Room,
    actor: int,
    now: datetime,
    *,
    spectator: bool = False,
    invite_code: str | None = None,
) -> tuple[Room, list[RoomEvent]]:
    """Seat ``actor`` as a participant, or as a read-only spectator if ``spectator``.

    Private rooms need ``invite_code`` from everyone but the creator. A
    participant who left mid-contest rejoins (reconnects) and stays a
    participant even when asking to spectate. Filling the last seat of a
    waiting room starts the countdown.
    """
    room, events = tick(room, now)
    if room.status is RoomStatus.CANCELLED:
        raise RoomError("room_not_joinable", "this room was cancelled")
    member = room.participant(actor)
    if member is not None:
        if member.connected or room.status in FINISHED:
            return room, events
        room = _set_connected(room, actor, True)
        return room, [*events, _update(room)]
    if spectator and actor in room.spectators:
        return room, events
    if (
        room.visibility is Visibility.PRIVATE
        and actor != room.creator_id
        and invite_code != room.invite_code
    ):
        raise RoomError("bad_invite_code", "this room is private; the invite code is wrong")
    if spectator:
        room = _bump(room, spectators=(*room.spectators, actor))
        return room, [*events, _update(room)]
    if room.status is RoomStatus.COMPLETED:
        raise RoomError("room_not_joinable", "this contest is over")
    if room.status is RoomStatus.IN_PROGRESS:
        raise RoomError("already_started", "this contest has started; join as a spectator")
    if room.is_full:
        raise RoomError("room_full", "every seat in this room is taken")
    room = _bump(
        room,
        participants=(*room.participants, Participant(actor, now)),
        spectators=tuple(s for s in room.spectators if s != actor),
    )
    events.append(_update(room))
    if room.is_full and room.status is RoomStatus.WAITING:
        room, more = _begin_countdown(room, now)
        events += more
    return room, events


def leave(room: Room, actor: int, now: datetime) -> tuple[Room, list[RoomEvent]]:
    """Take ``actor`` out of the room.

    Before the start a participant loses their seat (the last one out cancels
    the room; a leaving creator hands the creator's rights to the longest-seated
    participant). During the contest they are only marked disconnected and keep
    their standing. Leaving a room you are not in is a no-op.
    """
    room, events = tick(room, now)
    if actor in room.spectators:
        room = _bump(room, spectators=tuple(s for s in room.spectators if s != actor))
        return room, [*events, _update(room)]
    member = room.participant(actor)
    if member is None or room.status in FINISHED:
        return room, events
    if room.status is RoomStatus.IN_PROGRESS:
        if not member.connected:
            return room, events
        room = _set_connected(room, actor, False)
        return room, [*events, _update(room)]
    remaining = tuple(p for p in room.participants if p.user_id != actor)
    if not remaining:
        room = _bump(
            room,
            participants=remaining,
            status=RoomStatus.CANCELLED,
            ended_at=now,
            end_reason=EVERYONE_LEFT,
        )
        return room, [*events, _update(room), _end_event(room)]
    creator = remaining[0].user_id if actor == room.creator_id else room.creator_id
    room = _bump(room, participants=remaining, creator_id=creator)
    return room, [*events, _update(room)]


def start(room: Room, actor: int, now: datetime) -> tuple[Room, list[RoomEvent]]:
    """Creator starts the countdown (``waiting -> countdown``); repeating it is a no-op."""
    _require_creator(room, actor)
    room, events = tick(room, now)
    if room.status in (RoomStatus.COUNTDOWN, RoomStatus.IN_PROGRESS):
        return room, events
    if room.status in FINISHED:
        raise RoomError("room_closed", f"this room is {room.status}")
    if not room.participants:
        raise RoomError("no_participants", "nobody has joined yet")
    room, more = _begin_countdown(room, now)
    return room, events + more


def end(room: Room, actor: int, now: datetime) -> tuple[Room, list[RoomEvent]]:
    """Creator ends a running contest early; ending a finished room is a no-op."""
    _require_creator(room, actor)
    room, events = tick(room, now)
    if room.status in FINISHED:
        return room, events
    if room.status in NOT_STARTED:
        raise RoomError("not_started", "this room has not started; cancel it instead")
    room, more = _complete(room, now, ENDED_BY_CREATOR)
    return room, events + more


def cancel(room: Room, actor: int, now: datetime) -> tuple[Room, list[RoomEvent]]:
    """Creator calls the room off before it starts; cancelling again is a no-op."""
    _require_creator(room, actor)
    room, events = tick(room, now)
    if room.status is RoomStatus.CANCELLED:
        return room, events
    if room.status not in NOT_STARTED:
        raise RoomError("already_started", "a started contest can be ended, not cancelled")
    room = _bump(room, status=RoomStatus.CANCELLED, ended_at=now, end_reason=CANCELLED_BY_CREATOR)
    return room, [*events, _update(room), _end_event(room)]


def all_solved(room: Room, standings: Iterable[StandingRow]) -> bool:
    """True when every participant has an AC on every problem of the room."""
    solved = {row.user_id: row.solved for row in standings}
    return bool(room.participants and room.problems) and all(
        solved.get(uid, 0) >= len(room.problems) for uid in room.participant_ids
    )


def end_if_all_solved(
    room: Room, standings: Iterable[StandingRow], now: datetime
) -> tuple[Room, list[RoomEvent]]:
    """Finish a running contest once nobody has anything left to solve; else a no-op.

    ``standings`` are the full (unfrozen) rows, as ``scoring.compute_standings`` returns.
    """
    room, events = tick(room, now)
    if room.status is RoomStatus.IN_PROGRESS and all_solved(room, standings):
        room, more = _complete(room, now, ALL_SOLVED)
        events += more
    return room, events


def check_submission(room: Room, user_id: int, problem: str, now: datetime) -> None:
    """Raise RoomError unless ``user_id`` may submit ``problem`` in this room at ``now``.

    The status is checked first so that nobody can probe which problems a room
    holds before it starts.
    """
    if room.status is not RoomStatus.IN_PROGRESS or room.ends_at is None or now >= room.ends_at:
        raise RoomError("not_in_progress", "the contest is not running")
    if room.participant(user_id) is None:
        raise RoomError("not_participant", "only participants can submit in this room")
    if problem not in room.problems:
        raise RoomError("problem_not_in_room", f"{problem!r} is not a problem of this room")


def _require_creator(room: Room, actor: int) -> None:
    if actor != room.creator_id:
        raise RoomError("not_creator", "only the room's creator can do that")


def _set_connected(room: Room, user_id: int, connected: bool) -> Room:
    seats = tuple(
        replace(p, connected=connected) if p.user_id == user_id else p for p in room.participants
    )
    return _bump(room, participants=seats)


def _begin_countdown(room: Room, now: datetime) -> tuple[Room, list[RoomEvent]]:
    room = _bump(room, status=RoomStatus.COUNTDOWN, countdown_started_at=now)
    events = [_update(room)]
    # A zero-second countdown starts at once.
    room, more = tick(room, now)
    return room, events + more


def _complete(room: Room, now: datetime, reason: str) -> tuple[Room, list[RoomEvent]]:
    room = _bump(room, status=RoomStatus.COMPLETED, ended_at=now, end_reason=reason)
    return room, [_update(room), _end_event(room)]
