"""Glicko-2 ratings for multiplayer contests.

Follows Mark Glickman, "Example of the Glicko-2 system" (2013), steps 1-8.
A contest is one rating period. Its ranking becomes pairwise games: each
participant beat everyone ranked below them, drew with everyone sharing their
rank, and lost to everyone above. Everyone is updated simultaneously from
their pre-contest ratings.

Every user starts at rating 1500, RD 350, volatility 0.06 (the paper's
suggested defaults for an unrated player); the system constant tau is 0.5.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rooms.scoring import StandingRow

INITIAL_RATING = 1500.0
INITIAL_RD = 350.0
INITIAL_VOLATILITY = 0.06
TAU = 0.5
# Glicko-2 scale factor: 400 / ln(10).
SCALE = 173.7178
CONVERGENCE = 0.000001
_MAX_ITERATIONS = 200


@dataclass(frozen=True)
class Rating:
    """A player's Glicko-2 state on the familiar (Glicko-1) scale."""

    rating: float = INITIAL_RATING
    rd: float = INITIAL_RD
    volatility: float = INITIAL_VOLATILITY

    def __post_init__(self) -> None:
        values = (self.rating, self.rd, self.volatility)
        if not all(math.isfinite(v) for v in values) or self.rd <= 0 or self.volatility <= 0:
            raise ValueError(f"invalid rating {self!r}")


@dataclass(frozen=True)
class RatingChange:
    """One participant's rating before and after a contest."""

    user_id: int
    before: Rating
    after: Rating

    @property
    def delta(self) -> float:
        return self.after.rating - self.before.rating


def _g(phi: float) -> float:
    return 1.0 / math.sqrt(1.0 + 3.0 * phi * phi / (math.pi * math.pi))


def _expected(mu: float, mu_j: float, g_j: float) -> float:
    # Clamp the exponent: beyond it the expectation is 0 or 1 to double precision anyway.
    return 1.0 / (1.0 + math.exp(max(-700.0, min(700.0, -g_j * (mu - mu_j)))))


def _new_volatility(sigma: float, phi: float, v: float, delta: float, tau: float) -> float:
    """Step 5: solve for the new volatility with the Illinois algorithm."""
    a = math.log(sigma * sigma)

    def f(x: float) -> float:
        ex = math.exp(x)
        slope = ex * (delta * delta - phi * phi - v - ex) / (2.0 * (phi * phi + v + ex) ** 2)
        return slope - (x - a) / (tau * tau)

    big_a = a
    if delta * delta > phi * phi + v:
        big_b = math.log(delta * delta - phi * phi - v)
    else:
        k = 1
        while f(a - k * tau) < 0:
            k += 1
        big_b = a - k * tau
    f_a, f_b = f(big_a), f(big_b)
    for _ in range(_MAX_ITERATIONS):
        if abs(big_b - big_a) <= CONVERGENCE:
            break
        big_c = big_a + (big_a - big_b) * f_a / (f_b - f_a)
        f_c = f(big_c)
        if f_c * f_b <= 0:
            big_a, f_a = big_b, f_b
        else:
            f_a /= 2.0
        big_b, f_b = big_c, f_c
    return math.exp(big_a / 2.0)


def update_rating(
    player: Rating, results: Sequence[tuple[Rating, float]], tau: float = TAU
) -> Rating:
    """One rating period for ``player``: ``results`` are (opponent's pre-period rating, score).

    Score is 1 for a win, 0.5 for a draw, 0 for a loss. With no games only the
    RD grows (step 6 of the paper). ``tau`` constrains volatility change
    (the paper suggests 0.3-1.2).
    """
    mu = (player.rating - INITIAL_RATING) / SCALE
    phi = player.rd / SCALE
    sigma = player.volatility
    if not results:
        return Rating(player.rating, SCALE * math.sqrt(phi * phi + sigma * sigma), sigma)

    games = []
    for opponent, score in results:
        g_j = _g(opponent.rd / SCALE)
        e_j = _expected(mu, (opponent.rating - INITIAL_RATING) / SCALE, g_j)
        games.append((g_j, e_j, score))
    # fsum is exactly rounded, so the result does not depend on the order of opponents.
    information = math.fsum(g * g * e * (1.0 - e) for g, e, _ in games)
    if information == 0.0:
        # Every game was a foregone conclusion: nothing was learnt, as with no games.
        return update_rating(player, (), tau)
    v = 1.0 / information
    improvement = math.fsum(g * (s - e) for g, e, s in games)
    delta = v * improvement

    sigma_new = _new_volatility(sigma, phi, v, delta, tau)
    phi_star = math.sqrt(phi * phi + sigma_new * sigma_new)
    phi_new = 1.0 / math.sqrt(1.0 / (phi_star * phi_star) + 1.0 / v)
    mu_change = phi_new * phi_new * improvement
    # Add the change to the old rating instead of converting mu' back, so that a
    # zero change leaves the rating bit-for-bit unchanged.
    return Rating(player.rating + SCALE * mu_change, SCALE * phi_new, sigma_new)


def pairwise_results(placements: Mapping[int, int]) -> dict[int, list[tuple[int, float]]]:
    """Turn ``{user_id: rank}`` (1 is best, equal ranks tie) into each user's games."""
    return {
        user: [
            (other, 1.0 if rank < other_rank else 0.5 if rank == other_rank else 0.0)
            for other, other_rank in sorted(placements.items())
            if other != user
        ]
        for user, rank in placements.items()
    }


def rate_contest(
    placements: Mapping[int, int],
    ratings: Mapping[int, Rating],
    tau: float = TAU,
) -> dict[int, RatingChange]:
    """New ratings for everyone in one contest.

    ``placements``: ``{user_id: rank}`` for every participant (standings ranks;
    ties share a rank). ``ratings``: pre-contest ratings; anyone missing starts
    at the defaults. A contest with fewer than two participants rates nobody
    (returns {}). Everyone's change is computed from pre-contest ratings only.
    """
    if len(placements) < 2:
        return {}
    before = {user: ratings.get(user, Rating()) for user in placements}
    games = pairwise_results(placements)
    return {
        user: RatingChange(
            user,
            before[user],
            update_rating(before[user], [(before[o], s) for o, s in games[user]], tau),
        )
        for user in sorted(placements)
    }


def placements_from_standings(rows: Iterable[StandingRow]) -> dict[int, int]:
    """``{user_id: rank}`` from final standings, ready for ``rate_contest``."""
    return {row.user_id: row.rank for row in rows}
