"""Random request sequences against the room state machine: invariants and idempotence."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from rooms.state import (
    ERROR_CODES,
    Room,
    RoomError,
    RoomStatus,
    cancel,
    end,
    join,
    leave,
    start,
    tick,
)
from tests.rooms.builders import CREATOR, T0, assert_wire_ready, waiting_room

USERS = st.sampled_from([CREATOR, 2, 3, 4, 5])
ORDER = {
    RoomStatus.WAITING: 0,
    RoomStatus.COUNTDOWN: 1,
    RoomStatus.IN_PROGRESS: 2,
    RoomStatus.COMPLETED: 3,
    RoomStatus.CANCELLED: 3,
}

requests = st.one_of(
    st.tuples(st.just("join"), USERS, st.booleans(), st.sampled_from([None, "code", "bad"])),
    st.tuples(st.just("leave"), USERS),
    st.tuples(st.just("start"), USERS),
    st.tuples(st.just("end"), USERS),
    st.tuples(st.just("cancel"), USERS),
    st.tuples(st.just("tick")),
)


def apply(room: Room, request: tuple, now):
    kind, *args = request
    if kind == "join":
        actor, spectator, code = args
        return join(room, actor, now, spectator=spectator, invite_code=code)
    if kind == "tick":
        return tick(room, now)
    action = {"leave": leave, "start": start, "end": end, "cancel": cancel}[kind]
    return action(room, args[0], now)


@settings(max_examples=300, deadline=None)
@given(
    private=st.booleans(),
    seats=st.integers(1, 4),
    countdown=st.sampled_from([0, 10]),
    steps=st.lists(st.tuples(requests, st.integers(0, 400)), max_size=30),
)
def test_random_requests_keep_the_room_consistent(private, seats, countdown, steps) -> None:
    extra = {"visibility": "private", "invite_code": "code"} if private else {}
    room = waiting_room(
        max_participants=seats, countdown_seconds=countdown, duration_minutes=10, **extra
    )
    now = T0
    for request, gap in steps:
        now += timedelta(seconds=gap)
        try:
            new, events = apply(room, request, now)
        except RoomError as exc:
            assert exc.code in ERROR_CODES
            continue
        assert_wire_ready(events)
        if not events:
            assert new == room
        else:
            assert new.version > room.version
        # Statuses only move forward, and only waiting/countdown can be cancelled.
        assert ORDER[new.status] >= ORDER[room.status]
        if new.status is RoomStatus.CANCELLED:
            assert room.status in (RoomStatus.WAITING, RoomStatus.COUNTDOWN, RoomStatus.CANCELLED)
            assert new.started_at is None
        if room.status in (RoomStatus.COMPLETED, RoomStatus.CANCELLED):
            assert new.status is room.status
        assert len(new.participants) <= new.max_participants
        assert not set(new.participant_ids) & set(new.spectators)
        if new.started_at is not None:
            assert new.ends_at == new.started_at + timedelta(minutes=10)
        assert Room.from_dict(new.to_dict()) == new
        # Repeating a request that succeeded changes nothing.
        assert apply(new, request, now) == (new, [])
        room = new
