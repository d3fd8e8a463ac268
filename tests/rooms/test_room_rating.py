"""Glicko-2: the paper's worked example, and properties of multiplayer contest updates."""

from __future__ import annotations

import math
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rooms.rating import (
    INITIAL_RATING,
    SCALE,
    Rating,
    RatingChange,
    pairwise_results,
    placements_from_standings,
    rate_contest,
    update_rating,
)
from rooms.scoring import compute_standings
from tests.rooms.builders import ALICE, BOB, CAROL, T0, sub

PAPER_PLAYER = Rating(1500, 200, 0.06)
PAPER_GAMES = [(Rating(1400, 30), 1.0), (Rating(1550, 100), 0.0), (Rating(1700, 300), 0.0)]


def test_glickman_worked_example() -> None:
    """Glickman, "Example of the Glicko-2 system": W/L/L against three opponents, tau 0.5."""
    new = update_rating(PAPER_PLAYER, PAPER_GAMES, tau=0.5)
    # The paper's figures (it rounds intermediate values to four decimals).
    assert round((new.rating - INITIAL_RATING) / SCALE, 4) == -0.2069
    assert round(new.rd / SCALE, 4) == 0.8722
    assert new.rating == pytest.approx(1464.06, abs=0.01)
    assert new.rd == pytest.approx(151.52, abs=0.01)
    assert new.volatility == pytest.approx(0.05999, abs=1e-5)
    # The same computation without intermediate rounding.
    assert new.rating == pytest.approx(1464.0507, abs=1e-4)
    assert new.rd == pytest.approx(151.5165, abs=1e-4)
    assert new.volatility == pytest.approx(0.059996, abs=1e-6)


def test_worked_example_ignores_opponent_order() -> None:
    assert update_rating(PAPER_PLAYER, PAPER_GAMES[::-1]) == update_rating(
        PAPER_PLAYER, PAPER_GAMES
    )


def test_no_games_only_grows_the_rd() -> None:
    new = update_rating(PAPER_PLAYER, [])
    assert new.rating == PAPER_PLAYER.rating
    assert new.volatility == PAPER_PLAYER.volatility
    assert new.rd == pytest.approx(SCALE * math.sqrt((200 / SCALE) ** 2 + 0.06**2))


def test_defaults_for_new_players() -> None:
    assert Rating() == Rating(1500.0, 350.0, 0.06)


@pytest.mark.parametrize(
    "values", [(1500, 0, 0.06), (1500, 350, 0), (math.nan, 350, 0.06), (1500, math.inf, 0.06)]
)
def test_invalid_ratings_are_refused(values) -> None:
    with pytest.raises(ValueError):
        Rating(*values)


def test_pairwise_results_from_ranks() -> None:
    games = pairwise_results({ALICE: 1, BOB: 2, CAROL: 2})
    assert games[ALICE] == [(BOB, 1.0), (CAROL, 1.0)]
    assert games[BOB] == [(ALICE, 0.0), (CAROL, 0.5)]
    assert games[CAROL] == [(ALICE, 0.0), (BOB, 0.5)]


def test_rate_contest_from_standings() -> None:
    subs = [sub(ALICE, "a", "AC", 3), sub(BOB, "a", "AC", 9)]
    rows = compute_standings("icpc", ("a", "b"), (ALICE, BOB, CAROL), T0, subs)
    placements = placements_from_standings(rows)
    assert placements == {ALICE: 1, BOB: 2, CAROL: 3}
    changes = rate_contest(placements, {BOB: Rating(1600, 80, 0.06)})
    assert set(changes) == {ALICE, BOB, CAROL}
    assert changes[ALICE].before == Rating()  # unrated: the defaults
    assert changes[ALICE].delta > 0
    assert changes[CAROL].delta < 0
    assert isinstance(changes[BOB], RatingChange)
    assert changes[BOB].before == Rating(1600, 80, 0.06)


def test_equal_players_drawing_keep_their_rating() -> None:
    changes = rate_contest({ALICE: 1, BOB: 1}, {})
    for change in changes.values():
        assert change.after.rating == 1500.0
        assert change.after.rd < 350.0


@pytest.mark.parametrize("placements", [{}, {ALICE: 1}])
def test_fewer_than_two_participants_rates_nobody(placements) -> None:
    assert rate_contest(placements, {ALICE: Rating(1700, 50, 0.06)}) == {}


# ---- properties -------------------------------------------------------------------------

ratings = st.builds(
    Rating,
    st.floats(500, 3000),
    st.floats(30, 350),
    st.floats(0.03, 0.1),
)


@settings(max_examples=300, deadline=None)
@given(winner=ratings, loser=ratings)
def test_two_player_winner_never_loses_and_loser_never_gains(winner, loser) -> None:
    changes = rate_contest({ALICE: 1, BOB: 2}, {ALICE: winner, BOB: loser})
    assert changes[ALICE].after.rating >= winner.rating
    assert changes[BOB].after.rating <= loser.rating


@st.composite
def contests(draw):
    """2-6 players with pre-contest ratings and ranks that often tie."""
    users = list(range(10, 10 + draw(st.integers(2, 6))))
    ranks = draw(st.lists(st.integers(1, 3), min_size=len(users), max_size=len(users)))
    pre = {u: draw(ratings) for u in users}
    return dict(zip(users, ranks, strict=True)), pre


@settings(max_examples=200, deadline=None)
@given(contest=contests(), seed=st.integers())
def test_listing_order_does_not_matter(contest, seed) -> None:
    placements, pre = contest
    items = list(placements.items())
    random.Random(seed).shuffle(items)
    pre_items = list(pre.items())
    random.Random(seed + 1).shuffle(pre_items)
    assert rate_contest(dict(items), dict(pre_items)) == rate_contest(placements, pre)


@settings(max_examples=200, deadline=None)
@given(contest=contests(), twin=ratings)
def test_tied_players_are_interchangeable(contest, twin) -> None:
    placements, pre = contest
    a, b = 1, 2
    placements = {a: 2, **placements, b: 2}
    pre = {**pre, a: twin, b: twin}
    changes = rate_contest(placements, pre)
    assert changes[a].after == changes[b].after
    # Swapping which of the two is listed first changes nothing either.
    swapped = {b: 2, **{u: r for u, r in placements.items() if u not in (a, b)}, a: 2}
    assert rate_contest(swapped, pre) == changes


@settings(max_examples=200, deadline=None)
@given(contest=contests())
def test_everyone_is_updated_from_pre_contest_ratings(contest) -> None:
    placements, pre = contest
    frozen_copy = dict(pre)
    changes = rate_contest(placements, pre)
    assert pre == frozen_copy
    games = pairwise_results(placements)
    for user, change in changes.items():
        assert change.before == pre[user]
        expected = update_rating(pre[user], [(pre[o], s) for o, s in games[user]])
        assert change.after == expected


@settings(max_examples=200, deadline=None)
@given(contest=contests(), same=ratings)
def test_better_rank_from_equal_footing_never_rates_lower(contest, same) -> None:
    placements, _ = contest
    changes = rate_contest(placements, dict.fromkeys(placements, same))
    for u, ru in placements.items():
        for v, rv in placements.items():
            if ru < rv:
                assert changes[u].after.rating >= changes[v].after.rating
