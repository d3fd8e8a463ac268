"""Scoreboard freeze: frozen boards, own pending submissions, and the final reveal."""

from __future__ import annotations

from rooms.standings_freeze import full_standings, is_frozen, is_hidden, visible_standings
from rooms.state import end, tick
from tests.rooms.builders import ALICE, BOB, CREATOR, at, running_room, sub, waiting_room


def frozen_room():
    """30-minute contest from T0 whose board freezes at minute 20."""
    return running_room(freeze_minutes=10)


SUBS = [
    sub(ALICE, "two-sum", "AC", 5),
    sub(BOB, "two-sum", "WA", 12),
    sub(BOB, "two-sum", "AC", 21),  # after the freeze
    sub(BOB, "lis", "WA", 22),  # after the freeze
    sub(BOB, "lis", "AC", 23),  # after the freeze
    sub(ALICE, "lis", "WA", 25),  # after the freeze
]


def cells(rows, user):
    row = next(r for r in rows if r.user_id == user)
    return {c.problem: c for c in row.problems}


def test_freeze_time_and_window() -> None:
    room = frozen_room()
    assert room.freeze_at == at(20)
    assert not is_frozen(room, at(19, 59))
    assert is_frozen(room, at(20))
    assert is_frozen(room, at(31))  # still running until a tick completes it
    done, _ = tick(room, at(31))
    assert not is_frozen(done, at(31))


def test_no_freeze_without_freeze_minutes() -> None:
    room = running_room()
    assert room.freeze_at is None
    assert not is_frozen(room, at(29))
    assert not is_hidden(room, at(29), at(29))


def test_hidden_means_made_after_the_freeze_while_frozen() -> None:
    room = frozen_room()
    assert not is_hidden(room, at(19), at(25))  # judged late, but made before the freeze
    assert is_hidden(room, at(21), at(25))
    assert not is_hidden(room, at(21), at(19))  # not frozen yet (clock skew): shown
    done, _ = tick(room, at(30))
    assert not is_hidden(done, at(21), at(30))


def test_board_before_the_freeze_is_live() -> None:
    room = frozen_room()
    early = [s for s in SUBS if s.submitted_at < at(15)]
    assert visible_standings(room, early, at(15), ALICE) == full_standings(room, early)


def test_frozen_board_ignores_later_submissions() -> None:
    room = frozen_room()
    rows = visible_standings(room, SUBS, at(26))
    assert [(r.user_id, r.solved) for r in rows] == [(ALICE, 1), (CREATOR, 0), (BOB, 0)]
    bob = cells(rows, BOB)
    assert bob["two-sum"].attempts == 1
    assert bob["two-sum"].pending == 0
    assert all(c.pending == 0 for r in rows for c in r.problems)


def test_participant_sees_own_later_submissions_as_pending() -> None:
    room = frozen_room()
    mine = visible_standings(room, SUBS, at(26), viewer=BOB)
    bob = cells(mine, BOB)
    assert (bob["two-sum"].pending, bob["lis"].pending, bob["dijkstra"].pending) == (1, 2, 0)
    assert not bob["two-sum"].solved  # the outcome stays hidden on the board
    # Others' later submissions stay invisible to Bob.
    assert cells(mine, ALICE)["lis"].pending == 0
    assert cells(mine, ALICE)["lis"].attempts == 0


def test_pending_is_not_shown_on_problems_solved_before_the_freeze() -> None:
    room = frozen_room()
    subs = [*SUBS, sub(ALICE, "two-sum", "WA", 24)]
    alice = cells(visible_standings(room, subs, at(26), viewer=ALICE), ALICE)
    assert alice["two-sum"].solved
    assert alice["two-sum"].pending == 0
    assert alice["lis"].pending == 1


def test_the_end_reveals_the_final_board() -> None:
    room, _ = tick(frozen_room(), at(30))
    rows = visible_standings(room, SUBS, at(30), viewer=ALICE)
    assert rows == full_standings(room, SUBS)
    assert [(r.user_id, r.solved) for r in rows] == [(BOB, 2), (ALICE, 1), (CREATOR, 0)]
    assert all(c.pending == 0 for r in rows for c in r.problems)


def test_early_end_cuts_the_scoring_window() -> None:
    room, _ = end(frozen_room(), CREATOR, at(22))
    rows = full_standings(room, SUBS)
    bob = cells(rows, BOB)
    assert bob["two-sum"].solved
    assert not bob["lis"].solved  # submitted after the early end


def test_no_board_before_the_start() -> None:
    assert full_standings(waiting_room(), SUBS) == ()
    assert visible_standings(waiting_room(), SUBS, at(1), viewer=CREATOR) == ()
