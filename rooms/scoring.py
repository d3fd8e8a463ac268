"""Contest standings for the three room formats, as pure functions over judged submissions.

Every format ranks rows by a sort key; rows with equal keys share a rank
("1, 2, 2, 4" competition ranking) and are listed by user id for a stable order.

``icpc``
    Solved count descending, then penalty ascending. Penalty is the sum, over
    solved problems, of whole minutes from contest start to the first accepted
    submission plus 20 minutes per earlier counted rejection on that problem.
    CE and IE are not counted (a compile error costs nothing, an internal error
    is ours), and anything after the first AC on a problem is ignored.
``score``
    Sum of the best score (0-100) per problem; an AC counts as 100. Ties go to
    whoever reached their final total first: ``penalty`` is the number of whole
    seconds from start to the last submission that raised a best score.
``first_solve``
    A race per problem: whoever submits the first AC on a problem earns one
    point for it. Two first ACs at the very same instant both earn it. Ties on
    points go to more problems solved, then to the lower ICPC penalty
    (``penalty`` holds the ICPC penalty minutes).

In every format ``solved`` counts problems with an AC, each per-problem cell
says whether it was the room's first AC on that problem (``first_solve``), and
``accepted_at`` is whole minutes from the start to the first AC.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

VERDICTS = frozenset({"AC", "WA", "TLE", "MLE", "RE", "CE", "OLE", "IE"})
# Not held against the contestant: CE never ran, IE is the judge's failure.
UNCOUNTED_VERDICTS = frozenset({"CE", "IE"})
PENALTY_MINUTES = 20
FULL_SCORE = 100

_MINUTE = timedelta(minutes=1)
_SECOND = timedelta(seconds=1)


class ContestFormat(StrEnum):
    ICPC = "icpc"
    SCORE = "score"
    FIRST_SOLVE = "first_solve"


@dataclass(frozen=True)
class Submission:
    """One judged submission in a room; ``score`` is the judge's 0-100 partial score."""

    user_id: int
    problem: str
    verdict: str
    score: float
    submitted_at: datetime
    id: int | str | None = None

    def __post_init__(self) -> None:
        if self.verdict not in VERDICTS:
            raise ValueError(f"unknown verdict {self.verdict!r}")
        if isinstance(self.score, bool) or not 0 <= self.score <= FULL_SCORE:
            raise ValueError(f"score must be within 0..100, got {self.score!r}")


@dataclass(frozen=True)
class ProblemResult:
    """One cell of the board: how a user fared on one problem.

    ``attempts`` counts submissions up to and including the first AC, CE/IE
    excluded. ``pending`` is only set on frozen boards: the viewer's own
    submissions made after the freeze, whose results the board does not show.
    """

    problem: str
    attempts: int = 0
    accepted_at: int | None = None
    best_score: float = 0
    first_solve: bool = False
    pending: int = 0

    @property
    def solved(self) -> bool:
        return self.accepted_at is not None

    def to_dict(self) -> dict[str, Any]:
        return {
            "problem": self.problem,
            "attempts": self.attempts,
            "accepted_at": self.accepted_at,
            "best_score": self.best_score,
            "first_solve": self.first_solve,
            "pending": self.pending,
        }


@dataclass(frozen=True)
class StandingRow:
    """One ranked row. ``score`` is the primary points, ``penalty`` the lower-is-better tie-break.

    icpc: score = solved, penalty = penalty minutes; score: score = summed best
    scores, penalty = seconds to the last improvement; first_solve: score =
    problems won, penalty = ICPC penalty minutes.
    """

    rank: int
    user_id: int
    solved: int
    score: float
    penalty: int
    problems: tuple[ProblemResult, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "rank": self.rank,
            "user_id": self.user_id,
            "solved": self.solved,
            "score": self.score,
            "penalty": self.penalty,
            "problems": [cell.to_dict() for cell in self.problems],
        }


@dataclass(frozen=True)
class _Tally:
    """A cell plus the exact instants the tie-breaks need."""

    cell: ProblemResult
    accepted_time: datetime | None
    improved_time: datetime | None

    @property
    def icpc_penalty(self) -> int:
        if self.cell.accepted_at is None:
            return 0
        return self.cell.accepted_at + PENALTY_MINUTES * (self.cell.attempts - 1)


def _tally(problem: str, subs: Sequence[Submission], started_at: datetime) -> _Tally:
    """Fold one user's submissions on one problem, oldest first."""
    attempts = 0
    best: float = 0
    improved: datetime | None = None
    for sub in subs:
        if sub.verdict in UNCOUNTED_VERDICTS:
            continue
        attempts += 1
        value = FULL_SCORE if sub.verdict == "AC" else sub.score
        if value > best:
            best, improved = value, sub.submitted_at
        if sub.verdict == "AC":
            minutes = (sub.submitted_at - started_at) // _MINUTE
            cell = ProblemResult(problem, attempts, minutes, best)
            return _Tally(cell, sub.submitted_at, improved)
    return _Tally(ProblemResult(problem, attempts, None, best), None, improved)


def _relevant(
    submissions: Iterable[Submission],
    problems: Sequence[str],
    participants: Iterable[int],
    started_at: datetime,
    until: datetime | None,
) -> dict[tuple[int, str], list[Submission]]:
    """Group in-window submissions by (user, problem), oldest first (stable for equal times)."""
    users, wanted = set(participants), set(problems)
    grouped: dict[tuple[int, str], list[Submission]] = {}
    for sub in sorted(submissions, key=lambda s: s.submitted_at):
        if sub.user_id not in users or sub.problem not in wanted:
            continue
        if sub.submitted_at < started_at or (until is not None and sub.submitted_at >= until):
            continue
        grouped.setdefault((sub.user_id, sub.problem), []).append(sub)
    return grouped


def compute_standings(
    fmt: ContestFormat | str,
    problems: Sequence[str],
    participants: Iterable[int],
    started_at: datetime,
    submissions: Iterable[Submission],
    until: datetime | None = None,
) -> tuple[StandingRow, ...]:
    """Rank every participant (even those who never submitted) in the given format.

    ``problems``: the room's problem slugs, in display order. ``participants``:
    user ids to rank; submissions by anyone else are ignored, as are those for
    other problems, before ``started_at`` or at/after ``until`` (exclusive
    cutoff: contest end, or freeze time for a frozen board; default none).
    """
    fmt = ContestFormat(fmt)
    users = list(dict.fromkeys(participants))
    grouped = _relevant(submissions, problems, users, started_at, until)
    tallies = {
        (user, p): _tally(p, grouped.get((user, p), ()), started_at)
        for user in users
        for p in problems
    }
    first_times = {
        p: min(
            (t.accepted_time for (_, q), t in tallies.items() if q == p and t.accepted_time),
            default=None,
        )
        for p in problems
    }

    keyed: list[tuple[tuple[float, ...], StandingRow]] = []
    for user in users:
        row_tallies = [tallies[user, p] for p in problems]
        cells = tuple(
            _with_first(t.cell, t.accepted_time is not None and t.accepted_time == first_times[p])
            for p, t in zip(problems, row_tallies, strict=True)
        )
        solved = sum(cell.solved for cell in cells)
        icpc_penalty = sum(t.icpc_penalty for t in row_tallies)
        if fmt is ContestFormat.ICPC:
            score: float = solved
            penalty = icpc_penalty
            key: tuple[float, ...] = (-solved, penalty)
        elif fmt is ContestFormat.SCORE:
            score = sum(cell.best_score for cell in cells)
            last = max((t.improved_time for t in row_tallies if t.improved_time), default=None)
            penalty = 0 if last is None else (last - started_at) // _SECOND
            key = (-score, penalty)
        else:
            score = sum(cell.first_solve for cell in cells)
            penalty = icpc_penalty
            key = (-score, -solved, penalty)
        keyed.append((key, StandingRow(0, user, solved, score, penalty, cells)))
    return _ranked(keyed)


def _with_first(cell: ProblemResult, first: bool) -> ProblemResult:
    return cell if cell.first_solve == first else replace(cell, first_solve=first)


def _ranked(keyed: list[tuple[tuple[float, ...], StandingRow]]) -> tuple[StandingRow, ...]:
    """Competition ranking: equal keys share a rank, the next rank skips past them."""
    keyed.sort(key=lambda kr: (kr[0], kr[1].user_id))
    rows: list[StandingRow] = []
    rank = 0
    previous: tuple[float, ...] | None = None
    for position, (key, row) in enumerate(keyed, start=1):
        if key != previous:
            rank, previous = position, key
        rows.append(replace(row, rank=rank))
    return tuple(rows)


def standings_to_list(rows: Iterable[StandingRow]) -> list[dict[str, Any]]:
    """JSON-ready form of a board, for ``leaderboard:update`` payloads and storage."""
    return [row.to_dict() for row in rows]
