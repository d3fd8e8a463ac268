"""Submission and leaderboard events: who hears what, before, during and after a freeze."""

from __future__ import annotations

from rooms.events import LEADERBOARD_UPDATE, PARTICIPANT_PROGRESS, SUBMISSION_NEW, SUBMISSION_RESULT
from rooms.feed import (
    leaderboard_events,
    progress_events,
    submission_new_events,
    submission_result_events,
)
from rooms.state import tick
from tests.rooms.builders import (
    ALICE,
    BOB,
    CREATOR,
    assert_wire_ready,
    at,
    running_room,
    sub,
    waiting_room,
)

ROOM = running_room(freeze_minutes=10)  # freezes at minute 20, ends at 30


def test_submission_new_goes_to_the_room() -> None:
    [event] = submission_new_events(ROOM, ALICE, "lis", at(5), at(5), submission_id=7)
    assert (event.name, event.target) == (SUBMISSION_NEW, "room")
    assert event.payload == {
        "room": ROOM.id,
        "submission_id": 7,
        "user_id": ALICE,
        "problem": "lis",
        "submitted_at": at(5).isoformat(),
    }


def test_submission_after_the_freeze_is_told_only_to_its_author() -> None:
    [new] = submission_new_events(ROOM, ALICE, "lis", at(21), at(21), submission_id=8)
    [progress] = progress_events(ROOM, ALICE, "lis", at(21), at(21), 3, 10, submission_id=8)
    [result] = submission_result_events(ROOM, sub(ALICE, "lis", "WA", 21, sub_id=8), at(22))
    assert [e.target for e in (new, progress, result)] == [f"user:{ALICE}"] * 3
    assert_wire_ready([new, progress, result])


def test_result_of_a_pre_freeze_submission_judged_later_is_public() -> None:
    [event] = submission_result_events(ROOM, sub(BOB, "lis", "AC", 19.9, sub_id=9), at(20.5))
    assert (event.name, event.target) == (SUBMISSION_RESULT, "room")
    assert event.payload["verdict"] == "AC"
    assert event.payload["score"] == 100
    assert event.payload["submission_id"] == 9


def test_progress_carries_counts_only() -> None:
    [event] = progress_events(ROOM, BOB, "lis", at(3), at(3), 4, 12, submission_id=1)
    assert (event.name, event.target) == (PARTICIPANT_PROGRESS, "room")
    assert event.payload == {
        "room": ROOM.id,
        "submission_id": 1,
        "user_id": BOB,
        "problem": "lis",
        "tests_done": 4,
        "tests_total": 12,
    }


def test_results_after_the_end_are_public() -> None:
    done, _ = tick(ROOM, at(30))
    [event] = submission_result_events(done, sub(ALICE, "lis", "WA", 25), at(31))
    assert event.target == "room"


SUBS = [sub(ALICE, "two-sum", "AC", 5), sub(BOB, "two-sum", "AC", 21)]


def test_leaderboard_update_to_the_room_while_live() -> None:
    [event] = leaderboard_events(ROOM, SUBS[:1], at(6), changed_by=ALICE)
    assert (event.name, event.target) == (LEADERBOARD_UPDATE, "room")
    assert event.payload["frozen"] is False
    assert event.payload["final"] is False
    assert event.payload["format"] == "icpc"
    assert event.payload["standings"][0]["user_id"] == ALICE
    assert_wire_ready([event])


def test_leaderboard_during_freeze_goes_only_to_the_submitter() -> None:
    [event] = leaderboard_events(ROOM, SUBS, at(22), changed_by=BOB)
    assert event.target == f"user:{BOB}"
    assert event.payload["frozen"] is True
    bob = next(r for r in event.payload["standings"] if r["user_id"] == BOB)
    assert bob["solved"] == 0
    assert bob["problems"][0]["pending"] == 1


def test_frozen_board_for_the_room_shows_no_pending() -> None:
    [event] = leaderboard_events(ROOM, SUBS, at(22))
    assert event.target == "room"
    assert event.payload["frozen"] is True
    assert all(c["pending"] == 0 for r in event.payload["standings"] for c in r["problems"])
    assert event.payload["standings"][0]["user_id"] == ALICE


def test_final_leaderboard_reveals_everything() -> None:
    done, _ = tick(ROOM, at(30))
    [event] = leaderboard_events(done, SUBS, at(30))
    assert event.target == "room"
    assert (event.payload["frozen"], event.payload["final"]) == (False, True)
    solved = {r["user_id"]: r["solved"] for r in event.payload["standings"]}
    assert solved == {ALICE: 1, BOB: 1, CREATOR: 0}


def test_no_leaderboard_before_the_start() -> None:
    assert leaderboard_events(waiting_room(), SUBS, at(1)) == []
