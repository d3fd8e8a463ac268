"""Creating rooms, joining and leaving them: legal and illegal requests."""

from __future__ import annotations

import pytest

from rooms.events import ROOM_END, ROOM_START, ROOM_UPDATE
from rooms.state import (
    EVERYONE_LEFT,
    RoomStatus,
    create_room,
    join,
    leave,
    start,
)
from tests.rooms.builders import (
    ALICE,
    BOB,
    CAROL,
    CREATOR,
    DAVE,
    PROBLEMS,
    T0,
    assert_wire_ready,
    at,
    cancelled_room,
    completed_room,
    countdown_room,
    names,
    refused,
    running_room,
    waiting_room,
)

# ---- create ---------------------------------------------------------------------------


def test_create_room_defaults() -> None:
    room, events = create_room("r", "contest", "Fight", CREATOR, ["a", "b"], T0)
    assert room.status is RoomStatus.WAITING
    assert (room.max_participants, room.duration_minutes, room.countdown_seconds) == (3, 30, 10)
    assert (room.visibility, room.format, room.rated, room.freeze_minutes) == (
        "public",
        "icpc",
        False,
        0,
    )
    assert room.participant_ids == (CREATOR,)
    assert room.problems == ("a", "b")
    assert room.version == 0
    assert names(events) == [ROOM_UPDATE]
    assert_wire_ready(events)


def test_create_room_without_seating_the_creator() -> None:
    room, _ = create_room("r", "interview", "Mock", CREATOR, ["a"], T0, creator_joins=False)
    assert room.participants == ()
    assert room.creator_id == CREATOR


def test_pair_room_may_have_no_problems() -> None:
    room, _ = create_room("r", "pair", "Practice", CREATOR, [], T0)
    assert room.problems == ()


@pytest.mark.parametrize(
    ("problems", "settings"),
    [
        ((), {}),
        (("a", "a"), {}),
        (("a",), {"visibility": "private"}),
        (("a",), {"freeze_minutes": 30}),
        (("a",), {"freeze_minutes": -1}),
        (("a",), {"max_participants": 0}),
        (("a",), {"duration_minutes": 0}),
        (("a",), {"countdown_seconds": -1}),
        (("a",), {"format": "ioi"}),
        (("a",), {"visibility": "hidden"}),
        (("a",), {"participants": ()}),
        (("a",), {"colour": "red"}),
    ],
)
def test_create_room_rejects_bad_settings(problems, settings) -> None:
    with refused("invalid_room"):
        create_room("r", "contest", "Fight", CREATOR, problems, T0, **settings)


def test_create_room_rejects_bad_kind_and_naive_time() -> None:
    with refused("invalid_room"):
        create_room("r", "party", "Fight", CREATOR, ["a"], T0)
    with refused("invalid_room"):
        create_room("r", "contest", "Fight", CREATOR, ["a"], T0.replace(tzinfo=None))


# ---- join -----------------------------------------------------------------------------


def test_join_seats_a_participant() -> None:
    room, events = join(waiting_room(), ALICE, at(1))
    assert room.participant_ids == (CREATOR, ALICE)
    assert room.participant(ALICE).joined_at == at(1)
    assert room.participant(ALICE).connected
    assert room.version == 1
    assert names(events) == [ROOM_UPDATE]
    assert events[0].target == "room"
    assert events[0].payload["state"]["participants"][1]["user_id"] == ALICE


def test_join_twice_is_a_no_op() -> None:
    room, _ = join(waiting_room(), ALICE, at(1))
    again, events = join(room, ALICE, at(2))
    assert again == room
    assert events == []


def test_filling_the_last_seat_starts_the_countdown() -> None:
    room, _ = join(waiting_room(), ALICE, at(1))
    room, events = join(room, BOB, at(2))
    assert room.status is RoomStatus.COUNTDOWN
    assert room.countdown_started_at == at(2)
    assert room.countdown_ends_at == at(2, 10)
    assert names(events) == [ROOM_UPDATE, ROOM_UPDATE]
    assert events[-1].payload["state"]["status"] == "countdown"


def test_auto_start_with_zero_countdown_goes_straight_in_progress() -> None:
    room = waiting_room(max_participants=2, countdown_seconds=0)
    room, events = join(room, ALICE, at(1))
    assert room.status is RoomStatus.IN_PROGRESS
    assert room.started_at == at(1)
    assert names(events) == [ROOM_UPDATE, ROOM_UPDATE, ROOM_UPDATE, ROOM_START]


def test_full_room_refuses_participants_but_takes_spectators() -> None:
    room, _ = join(waiting_room(max_participants=2), ALICE, at(1))
    assert room.status is RoomStatus.COUNTDOWN
    with refused("room_full"):
        join(room, BOB, at(1, 1))
    room, events = join(room, BOB, at(1, 1), spectator=True)
    assert room.spectators == (BOB,)
    assert names(events) == [ROOM_UPDATE]


def test_join_during_countdown_when_a_seat_is_free() -> None:
    room = countdown_room()
    room, _ = join(room, ALICE, at(0, 5))
    assert room.participant_ids == (CREATOR, ALICE)
    assert room.status is RoomStatus.COUNTDOWN


def test_join_after_the_countdown_ran_out_is_too_late() -> None:
    with refused("already_started"):
        join(countdown_room(), ALICE, at(0, 10))


def test_private_room_needs_the_invite_code() -> None:
    room = waiting_room(visibility="private", invite_code="s3cret")
    with refused("bad_invite_code"):
        join(room, ALICE, at(1))
    with refused("bad_invite_code"):
        join(room, ALICE, at(1), invite_code="guess")
    with refused("bad_invite_code"):
        join(room, ALICE, at(1), spectator=True)
    room, _ = join(room, ALICE, at(1), invite_code="s3cret")
    assert ALICE in room.participant_ids
    room, _ = join(room, BOB, at(1), spectator=True, invite_code="s3cret")
    assert room.spectators == (BOB,)


def test_creator_needs_no_invite_code() -> None:
    room, _ = create_room(
        "r",
        "contest",
        "Fight",
        CREATOR,
        PROBLEMS,
        T0,
        creator_joins=False,
        visibility="private",
        invite_code="s3cret",
    )
    room, _ = join(room, CREATOR, at(1))
    assert room.participant_ids == (CREATOR,)


def test_started_room_refuses_new_participants() -> None:
    with refused("already_started"):
        join(running_room(players=(ALICE,)), CAROL, at(1))


@pytest.mark.parametrize("spectator", [False, True])
def test_cancelled_room_refuses_everyone(spectator: bool) -> None:
    with refused("room_not_joinable"):
        join(cancelled_room(), ALICE, at(1), spectator=spectator)


def test_completed_room_refuses_participants_but_takes_spectators() -> None:
    room = completed_room()
    with refused("room_not_joinable"):
        join(room, CAROL, at(40))
    room, events = join(room, CAROL, at(40), spectator=True)
    assert room.spectators == (CAROL,)
    assert names(events) == [ROOM_UPDATE]


@pytest.mark.parametrize("when", ["waiting", "running"])
def test_spectator_joins_public_room_once(when: str) -> None:
    room = waiting_room() if when == "waiting" else running_room()
    room, events = join(room, DAVE, at(1), spectator=True)
    assert room.spectators == (DAVE,)
    assert DAVE not in room.participant_ids
    again, more = join(room, DAVE, at(2), spectator=True)
    assert again == room
    assert more == []
    assert names(events) == [ROOM_UPDATE]


def test_spectator_can_take_a_seat_before_the_start() -> None:
    room, _ = join(waiting_room(), ALICE, at(1), spectator=True)
    room, _ = join(room, ALICE, at(2))
    assert room.spectators == ()
    assert ALICE in room.participant_ids


def test_disconnected_participant_rejoins() -> None:
    room, _ = leave(running_room(), ALICE, at(5))
    assert not room.participant(ALICE).connected
    room, events = join(room, ALICE, at(6))
    assert room.participant(ALICE).connected
    assert names(events) == [ROOM_UPDATE]
    # Asking to spectate does not demote a participant.
    room, _ = leave(room, ALICE, at(7))
    room, _ = join(room, ALICE, at(8), spectator=True)
    assert room.participant(ALICE).connected
    assert room.spectators == ()


def test_participant_rejoining_a_completed_room_is_a_no_op() -> None:
    room = completed_room()
    assert join(room, ALICE, at(40)) == (room, [])


# ---- leave ----------------------------------------------------------------------------


def test_leave_before_start_frees_the_seat() -> None:
    room, _ = join(waiting_room(), ALICE, at(1))
    room, events = leave(room, ALICE, at(2))
    assert room.participant_ids == (CREATOR,)
    assert room.status is RoomStatus.WAITING
    assert names(events) == [ROOM_UPDATE]


def test_leaving_twice_or_never_joined_is_a_no_op() -> None:
    room, _ = join(waiting_room(), ALICE, at(1))
    room, _ = leave(room, ALICE, at(2))
    assert leave(room, ALICE, at(3)) == (room, [])
    assert leave(room, DAVE, at(3)) == (room, [])


def test_last_one_out_cancels_the_room() -> None:
    room, events = leave(waiting_room(), CREATOR, at(1))
    assert room.status is RoomStatus.CANCELLED
    assert room.end_reason == EVERYONE_LEFT
    assert room.ended_at == at(1)
    assert names(events) == [ROOM_UPDATE, ROOM_END]
    assert events[-1].payload == {
        "room": room.id,
        "status": "cancelled",
        "reason": EVERYONE_LEFT,
        "ended_at": at(1).isoformat(),
    }


def test_everyone_leaving_during_countdown_cancels() -> None:
    room = countdown_room()
    room, events = leave(room, CREATOR, at(0, 3))
    assert room.status is RoomStatus.CANCELLED
    assert names(events)[-1] == ROOM_END


def test_leaving_creator_hands_over_to_longest_seated() -> None:
    room, _ = join(waiting_room(max_participants=4), ALICE, at(1))
    room, _ = join(room, BOB, at(2))
    room, _ = leave(room, CREATOR, at(3))
    assert room.creator_id == ALICE
    assert room.participant_ids == (ALICE, BOB)
    room, _ = start(room, ALICE, at(4))
    assert room.status is RoomStatus.COUNTDOWN


def test_leave_during_countdown_keeps_counting_down() -> None:
    room, _ = join(waiting_room(), ALICE, at(1))
    room, _ = join(room, BOB, at(2))
    room, _ = leave(room, BOB, at(2, 5))
    assert room.status is RoomStatus.COUNTDOWN
    assert room.participant_ids == (CREATOR, ALICE)


def test_leave_in_progress_only_disconnects() -> None:
    room = running_room()
    room, events = leave(room, ALICE, at(5))
    assert room.participant_ids == (CREATOR, ALICE, BOB)
    assert not room.participant(ALICE).connected
    assert names(events) == [ROOM_UPDATE]
    assert leave(room, ALICE, at(6)) == (room, [])


def test_spectator_leaves_in_any_status() -> None:
    for room in (waiting_room(), running_room(), completed_room()):
        room, _ = join(room, DAVE, at(40), spectator=True)
        room, events = leave(room, DAVE, at(41))
        assert room.spectators == ()
        assert names(events) == [ROOM_UPDATE]


def test_leave_after_the_end_is_a_no_op() -> None:
    room = completed_room()
    assert leave(room, ALICE, at(40)) == (room, [])
