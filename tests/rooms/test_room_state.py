"""Starting, ticking, ending and cancelling rooms; submission checks."""

from __future__ import annotations

import pytest

from rooms.events import ROOM_END, ROOM_START, ROOM_UPDATE
from rooms.scoring import compute_standings
from rooms.state import (
    ALL_SOLVED,
    CANCELLED_BY_CREATOR,
    ENDED_BY_CREATOR,
    TIME_UP,
    Room,
    RoomError,
    RoomStatus,
    all_solved,
    cancel,
    check_submission,
    create_room,
    end,
    end_if_all_solved,
    join,
    leave,
    next_tick_at,
    start,
    tick,
)
from tests.rooms.builders import (
    ALICE,
    CREATOR,
    DAVE,
    PROBLEMS,
    T0,
    at,
    cancelled_room,
    completed_room,
    countdown_room,
    names,
    refused,
    running_room,
    sub,
    waiting_room,
)

# ---- start ----------------------------------------------------------------------------


def test_start_begins_the_countdown() -> None:
    room, events = start(waiting_room(), CREATOR, at(1))
    assert room.status is RoomStatus.COUNTDOWN
    assert room.countdown_started_at == at(1)
    assert names(events) == [ROOM_UPDATE]
    assert events[0].payload["state"]["countdown_ends_at"] == at(1, 10).isoformat()


def test_only_the_creator_starts() -> None:
    room, _ = join(waiting_room(), ALICE, at(1))
    with refused("not_creator"):
        start(room, ALICE, at(2))


def test_start_is_idempotent() -> None:
    room, _ = start(waiting_room(), CREATOR, at(1))
    assert start(room, CREATOR, at(1, 5)) == (room, [])
    running = running_room()
    assert start(running, CREATOR, at(1)) == (running, [])


@pytest.mark.parametrize("finished", [completed_room, cancelled_room])
def test_start_refuses_finished_rooms(finished) -> None:
    with refused("room_closed"):
        start(finished(), CREATOR, at(50))


def test_start_needs_participants() -> None:
    room, _ = create_room("r", "contest", "F", CREATOR, ["a"], T0, creator_joins=False)
    with refused("no_participants"):
        start(room, CREATOR, at(1))


# ---- tick -----------------------------------------------------------------------------


def test_tick_leaves_waiting_rooms_alone() -> None:
    room = waiting_room()
    assert tick(room, at(500)) == (room, [])


def test_tick_starts_the_contest_when_the_countdown_ends() -> None:
    room = countdown_room()
    assert tick(room, at(0, 9)) == (room, [])
    late = at(0, 12)
    room, events = tick(room, late)
    assert room.status is RoomStatus.IN_PROGRESS
    # The scheduled instant, not the tick's: every process computes the same start.
    assert room.started_at == at(0, 10)
    assert room.ends_at == at(30, 10)
    assert names(events) == [ROOM_UPDATE, ROOM_START]
    assert events[1].payload == {
        "room": room.id,
        "problems": list(PROBLEMS),
        "format": "icpc",
        "started_at": at(0, 10).isoformat(),
        "ends_at": at(30, 10).isoformat(),
        "freeze_at": None,
    }


def test_tick_completes_when_time_is_up() -> None:
    room = running_room()
    assert tick(room, at(29, 59)) == (room, [])
    room, events = tick(room, at(31))
    assert room.status is RoomStatus.COMPLETED
    assert room.ended_at == at(30)
    assert room.end_reason == TIME_UP
    assert names(events) == [ROOM_UPDATE, ROOM_END]
    assert tick(room, at(32)) == (room, [])


def test_tick_catches_up_several_steps() -> None:
    room, events = tick(countdown_room(), at(90))
    assert room.status is RoomStatus.COMPLETED
    assert names(events) == [ROOM_UPDATE, ROOM_START, ROOM_UPDATE, ROOM_END]


def test_next_tick_at_says_when_the_clock_matters() -> None:
    assert next_tick_at(waiting_room()) is None
    assert next_tick_at(countdown_room()) == at(0, 10)
    assert next_tick_at(running_room()) == at(30)
    assert next_tick_at(completed_room()) is None
    assert next_tick_at(cancelled_room()) is None


def test_two_processes_ticking_agree() -> None:
    room = countdown_room()
    assert tick(room, at(0, 11))[0] == tick(room, at(0, 17))[0]
    running = running_room()
    assert tick(running, at(30))[0] == tick(running, at(45))[0]


# ---- end and cancel ---------------------------------------------------------------------


def test_creator_ends_early() -> None:
    room, events = end(running_room(), CREATOR, at(12))
    assert room.status is RoomStatus.COMPLETED
    assert room.ended_at == at(12)
    assert room.end_reason == ENDED_BY_CREATOR
    assert names(events) == [ROOM_UPDATE, ROOM_END]


def test_only_the_creator_ends() -> None:
    with refused("not_creator"):
        end(running_room(), ALICE, at(12))


def test_ending_a_finished_room_is_a_no_op() -> None:
    for room in (completed_room(), cancelled_room()):
        assert end(room, CREATOR, at(50)) == (room, [])


def test_end_before_the_start_is_refused() -> None:
    with refused("not_started"):
        end(waiting_room(), CREATOR, at(1))
    with refused("not_started"):
        end(countdown_room(), CREATOR, at(0, 5))


def test_end_after_time_ran_out_records_time_up() -> None:
    room, events = end(running_room(), CREATOR, at(35))
    assert room.end_reason == TIME_UP
    assert room.ended_at == at(30)
    assert names(events) == [ROOM_UPDATE, ROOM_END]


@pytest.mark.parametrize("room_factory", [waiting_room, countdown_room])
def test_creator_cancels_before_start(room_factory) -> None:
    room, events = cancel(room_factory(), CREATOR, at(0, 5))
    assert room.status is RoomStatus.CANCELLED
    assert room.end_reason == CANCELLED_BY_CREATOR
    assert names(events) == [ROOM_UPDATE, ROOM_END]
    assert cancel(room, CREATOR, at(1)) == (room, [])


def test_cancel_refusals() -> None:
    with refused("not_creator"):
        cancel(waiting_room(), ALICE, at(1))
    with refused("already_started"):
        cancel(running_room(), CREATOR, at(1))
    with refused("already_started"):
        cancel(completed_room(), CREATOR, at(40))


# ---- everyone solved everything -------------------------------------------------------


def _board(room: Room, subs):
    return compute_standings(room.format, room.problems, room.participant_ids, T0, subs)


def test_end_when_everyone_solved_everything() -> None:
    room = running_room(players=(ALICE,))
    subs = [sub(u, p, "AC", 3) for u in (CREATOR, ALICE) for p in PROBLEMS[:2]]
    board = _board(room, subs)
    assert not all_solved(room, board)
    assert end_if_all_solved(room, board, at(4)) == (room, [])

    subs += [sub(u, PROBLEMS[2], "AC", 5) for u in (CREATOR, ALICE)]
    board = _board(room, subs)
    assert all_solved(room, board)
    done, events = end_if_all_solved(room, board, at(6))
    assert done.status is RoomStatus.COMPLETED
    assert done.end_reason == ALL_SOLVED
    assert names(events) == [ROOM_UPDATE, ROOM_END]
    assert end_if_all_solved(done, board, at(7)) == (done, [])


def test_all_solved_needs_every_participant_in_the_board() -> None:
    room = running_room(players=(ALICE,))
    board = _board(room, [sub(CREATOR, p, "AC", 1) for p in PROBLEMS])
    partial = [row for row in board if row.user_id == CREATOR]
    assert not all_solved(room, partial)


def test_all_solved_never_ends_a_room_that_has_not_started() -> None:
    room = waiting_room()
    board = compute_standings("icpc", PROBLEMS, [CREATOR], T0, [])
    assert end_if_all_solved(room, board, at(1)) == (room, [])


# ---- submissions ------------------------------------------------------------------------


def test_check_submission() -> None:
    room = running_room()
    check_submission(room, ALICE, "lis", at(5))
    with refused("not_participant"):
        check_submission(room, DAVE, "lis", at(5))
    with refused("problem_not_in_room"):
        check_submission(room, ALICE, "nope", at(5))
    with refused("not_in_progress"):
        check_submission(room, ALICE, "lis", at(30))
    # Before the start the status is checked first: no probing the problem list.
    with refused("not_in_progress"):
        check_submission(waiting_room(), CREATOR, "nope", at(1))
    with refused("not_in_progress"):
        check_submission(completed_room(), ALICE, "lis", at(10))


def test_disconnected_participant_keeps_their_seat_for_submitting() -> None:
    room, _ = leave(running_room(), ALICE, at(3))
    check_submission(room, ALICE, "lis", at(4))


def test_room_error_is_ack_ready() -> None:
    try:
        join(cancelled_room(), ALICE, at(1))
    except RoomError as exc:
        assert exc.to_dict() == {"code": "room_not_joinable", "message": exc.message}
    else:
        pytest.fail("expected RoomError")


def test_versions_only_grow_on_change() -> None:
    room = waiting_room()
    room2, _ = join(room, ALICE, at(1))
    room3, _ = join(room2, ALICE, at(2))
    assert (room.version, room2.version, room3.version) == (0, 1, 1)
