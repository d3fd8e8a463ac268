"""Standings in the icpc, score and first_solve formats, tie-breaks included."""

from __future__ import annotations

import json
import random
from datetime import timedelta
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rooms.scoring import (
    ProblemResult,
    StandingRow,
    Submission,
    compute_standings,
    standings_to_list,
)
from tests.rooms.builders import ALICE, BOB, CAROL, DAVE, T0, at, sub

P = ("a", "b", "c")
EVERYONE = (ALICE, BOB, CAROL)


def board(fmt, subs, users=EVERYONE, until=None):
    return compute_standings(fmt, P, users, T0, subs, until)


def row_of(rows, user) -> StandingRow:
    return next(r for r in rows if r.user_id == user)


def cell(row: StandingRow, problem: str) -> ProblemResult:
    return next(c for c in row.problems if c.problem == problem)


def ranks(rows) -> dict[int, int]:
    return {r.user_id: r.rank for r in rows}


# ---- submissions ------------------------------------------------------------------------


@pytest.mark.parametrize(("verdict", "score"), [("OK", 0), ("AC", 101), ("WA", -1), ("WA", True)])
def test_submission_rejects_bad_values(verdict, score) -> None:
    with pytest.raises(ValueError):
        Submission(ALICE, "a", verdict, score, T0)


# ---- icpc -------------------------------------------------------------------------------


def test_icpc_penalty_counts_minutes_and_rejections() -> None:
    subs = [
        sub(ALICE, "a", "WA", 5),
        sub(ALICE, "a", "CE", 6),  # not an attempt
        sub(ALICE, "a", "IE", 7),  # not an attempt
        sub(ALICE, "a", "TLE", 8),
        sub(ALICE, "a", "AC", 10.5),  # minute 10 (whole minutes, floored)
        sub(ALICE, "a", "WA", 11),  # after the AC: ignored
        sub(ALICE, "a", "AC", 12),  # ignored too
        sub(ALICE, "b", "WA", 3),  # unsolved: no penalty
    ]
    alice = row_of(board("icpc", subs), ALICE)
    a = cell(alice, "a")
    assert (a.attempts, a.accepted_at, a.best_score) == (3, 10, 100)
    assert cell(alice, "b").attempts == 1
    assert cell(alice, "b").accepted_at is None
    assert (alice.solved, alice.score, alice.penalty) == (1, 1, 10 + 2 * 20)


def test_icpc_ranks_by_solved_then_penalty() -> None:
    subs = [
        sub(ALICE, "a", "AC", 20),
        sub(BOB, "a", "AC", 5),
        sub(BOB, "b", "AC", 25),
        sub(CAROL, "a", "WA", 1),
        sub(CAROL, "a", "AC", 2),
    ]
    rows = board("icpc", subs)
    # Carol's earlier AC loses to Alice's later one: her rejection costs 20 minutes.
    assert [r.user_id for r in rows] == [BOB, ALICE, CAROL]
    assert [r.rank for r in rows] == [1, 2, 3]
    assert row_of(rows, CAROL).penalty == 22
    assert row_of(rows, ALICE).penalty == 20


def test_icpc_ties_share_a_rank_and_the_next_rank_skips() -> None:
    subs = [
        sub(ALICE, "a", "AC", 30),
        sub(BOB, "a", "AC", 10),
        sub(BOB, "b", "WA", 0),
        sub(BOB, "b", "AC", 0),  # 10 + 0 + 20 = 30
        sub(CAROL, "a", "AC", 15),
        sub(CAROL, "b", "AC", 15),  # 30
    ]
    rows = board("icpc", subs, users=(ALICE, BOB, CAROL, DAVE))
    assert ranks(rows) == {BOB: 1, CAROL: 1, ALICE: 3, DAVE: 4}
    # Tied rows are listed by user id, so the order is stable.
    assert [r.user_id for r in rows] == [BOB, CAROL, ALICE, DAVE]


def test_nobody_submitted_everyone_ties_first() -> None:
    rows = board("icpc", [])
    assert ranks(rows) == {ALICE: 1, BOB: 1, CAROL: 1}
    assert all(r.solved == 0 and r.penalty == 0 for r in rows)
    assert all(len(r.problems) == len(P) for r in rows)


def test_only_in_window_participant_submissions_count() -> None:
    subs = [
        sub(DAVE, "a", "AC", 1),  # not a participant
        sub(ALICE, "zzz", "AC", 1),  # not a problem of the room
        sub(ALICE, "a", "AC", -1),  # before the start
        sub(ALICE, "b", "AC", 30),  # at the cutoff: too late
        sub(ALICE, "c", "AC", 29.99),
    ]
    rows = board("icpc", subs, until=at(30))
    assert [r.user_id for r in rows] == [ALICE, BOB, CAROL]
    alice = row_of(rows, ALICE)
    assert [c.solved for c in alice.problems] == [False, False, True]


def test_first_solve_flag_marks_the_earliest_ac() -> None:
    subs = [
        sub(ALICE, "a", "AC", 4),
        sub(BOB, "a", "AC", 3),
        sub(BOB, "b", "AC", 7),
        sub(CAROL, "b", "AC", 7),  # the very same instant: both first
    ]
    rows = board("icpc", subs)
    assert not cell(row_of(rows, ALICE), "a").first_solve
    assert cell(row_of(rows, BOB), "a").first_solve
    assert cell(row_of(rows, BOB), "b").first_solve
    assert cell(row_of(rows, CAROL), "b").first_solve
    assert not any(cell(r, "c").first_solve for r in rows)


# ---- score ------------------------------------------------------------------------------


def test_score_sums_best_partial_scores() -> None:
    subs = [
        sub(ALICE, "a", "WA", 1, score=40),
        sub(ALICE, "a", "WA", 2, score=70),
        sub(ALICE, "a", "TLE", 3, score=50),  # worse: not an improvement
        sub(ALICE, "b", "AC", 4),
        sub(ALICE, "c", "CE", 5),
    ]
    alice = row_of(board("score", subs), ALICE)
    assert [c.best_score for c in alice.problems] == [70, 100, 0]
    assert alice.score == 170
    assert alice.solved == 1
    assert alice.penalty == 4 * 60  # seconds to the last improvement
    assert cell(alice, "c").attempts == 0


def test_score_ties_go_to_the_earlier_last_improvement() -> None:
    subs = [
        sub(ALICE, "a", "WA", 1, score=50),
        sub(ALICE, "b", "WA", 9, score=50),
        sub(BOB, "a", "AC", 6),
        sub(BOB, "b", "WA", 7, score=0),  # no improvement: does not move Bob's time
        sub(CAROL, "a", "WA", 2, score=60),
        sub(CAROL, "a", "WA", 6, score=100),  # reaches 100 at 6:00 too
    ]
    rows = board("score", subs)
    assert [(r.user_id, r.score, r.penalty) for r in rows] == [
        (BOB, 100, 360),
        (CAROL, 100, 360),
        (ALICE, 100, 540),
    ]
    assert ranks(rows) == {BOB: 1, CAROL: 1, ALICE: 3}


def test_score_ties_are_broken_to_the_second() -> None:
    subs = [sub(ALICE, "a", "WA", 5, score=30), sub(BOB, "a", "WA", 5 + 1 / 60, score=30)]
    assert ranks(board("score", subs)) == {ALICE: 1, BOB: 2, CAROL: 3}


# ---- first_solve --------------------------------------------------------------------------


def test_first_solve_awards_a_point_per_problem_won() -> None:
    subs = [
        sub(ALICE, "a", "AC", 2),  # wins a
        sub(BOB, "a", "AC", 3),
        sub(BOB, "b", "AC", 4),  # wins b
        sub(CAROL, "b", "AC", 5),
        sub(CAROL, "c", "AC", 6),  # wins c
        sub(ALICE, "c", "AC", 9),
    ]
    rows = board("first_solve", subs)
    assert {r.user_id: r.score for r in rows} == {ALICE: 1, BOB: 1, CAROL: 1}
    # All have one point and two solved: ICPC penalty decides (11, 7, 11).
    assert [r.user_id for r in rows] == [BOB, ALICE, CAROL]
    assert ranks(rows) == {BOB: 1, ALICE: 2, CAROL: 2}


def test_first_solve_ties_by_solved_count_before_penalty() -> None:
    subs = [
        sub(ALICE, "a", "AC", 1),  # one win, one solve, penalty 1
        sub(BOB, "b", "AC", 2),  # one win
        sub(BOB, "a", "AC", 20),  # two solves, penalty 22
    ]
    rows = board("first_solve", subs)
    assert [(r.user_id, r.score, r.solved) for r in rows] == [
        (BOB, 1, 2),
        (ALICE, 1, 1),
        (CAROL, 0, 0),
    ]


def test_simultaneous_first_solves_both_score() -> None:
    subs = [sub(ALICE, "a", "AC", 3), sub(BOB, "a", "AC", 3)]
    rows = board("first_solve", subs)
    assert {r.user_id: r.score for r in rows} == {ALICE: 1, BOB: 1, CAROL: 0}
    assert ranks(rows)[ALICE] == ranks(rows)[BOB] == 1


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError):
        board("ioi", [])


def test_standings_are_json_ready() -> None:
    rows = board("score", [sub(ALICE, "a", "WA", 1, score=12.5)])
    data = standings_to_list(rows)
    json.dumps(data)
    assert data[0]["user_id"] == ALICE
    assert data[0]["problems"][0] == {
        "problem": "a",
        "attempts": 1,
        "accepted_at": None,
        "best_score": 12.5,
        "first_solve": False,
        "pending": 0,
    }


# ---- properties -------------------------------------------------------------------------

VERDICT = st.sampled_from(["AC", "WA", "TLE", "MLE", "RE", "CE", "OLE", "IE"])


@st.composite
def submission_sets(draw):
    """Submissions at distinct seconds, so their order is fully defined by time."""
    count = draw(st.integers(0, 25))
    seconds = draw(st.lists(st.integers(0, 1799), min_size=count, max_size=count, unique=True))
    subs = []
    for second in seconds:
        verdict = draw(VERDICT)
        score = 100 if verdict == "AC" else draw(st.integers(0, 99))
        subs.append(
            Submission(
                draw(st.sampled_from(EVERYONE)),
                draw(st.sampled_from(P)),
                verdict,
                score,
                T0 + timedelta(seconds=second),
            )
        )
    return subs


FORMATS = st.sampled_from(["icpc", "score", "first_solve"])


@settings(max_examples=200, deadline=None)
@given(fmt=FORMATS, subs=submission_sets(), seed=st.integers())
def test_input_order_does_not_matter(fmt, subs, seed) -> None:
    shuffled = list(subs)
    random.Random(seed).shuffle(shuffled)
    users = list(EVERYONE)
    random.Random(seed).shuffle(users)
    assert compute_standings(fmt, P, users, T0, shuffled) == board(fmt, subs)


@settings(max_examples=200, deadline=None)
@given(fmt=FORMATS, subs=submission_sets())
def test_ranks_are_consistent(fmt, subs) -> None:
    rows = board(fmt, subs)
    assert sorted(r.user_id for r in rows) == sorted(EVERYONE)
    assert rows[0].rank == 1
    for position, (upper, lower) in enumerate(pairwise(rows), start=2):
        assert upper.rank <= lower.rank
        assert lower.rank in (upper.rank, position)
        assert upper.score >= lower.score
    for row in rows:
        assert row.solved == sum(c.solved for c in row.problems)
        for c in row.problems:
            assert 0 <= c.best_score <= 100
            assert c.solved == (c.best_score == 100 and c.accepted_at is not None)


@settings(max_examples=200, deadline=None)
@given(subs=submission_sets())
def test_icpc_penalty_formula(subs) -> None:
    for row in board("icpc", subs):
        expected = sum(c.accepted_at + 20 * (c.attempts - 1) for c in row.problems if c.solved)
        assert row.penalty == expected
        assert row.score == row.solved


@settings(max_examples=200, deadline=None)
@given(subs=submission_sets(), extra_minute=st.integers(0, 29))
def test_a_later_rejection_never_improves_icpc_standing(subs, extra_minute) -> None:
    before = row_of(board("icpc", subs), ALICE)
    worse = [*subs, sub(ALICE, "a", "WA", extra_minute + 0.5)]
    after = row_of(board("icpc", worse), ALICE)
    assert (after.solved, -after.penalty) <= (before.solved, -before.penalty)
