"""Leaderboards as values: which board a score is on, the scores a submit changed, and the
ranks of a page. Shared by the SQL boards and the Redis sorted sets, so both rank alike.

Ranking rule (both stores): best score first; ties share a rank (1, 1, 3) and are listed
by user id; a score of 0 is not on the board.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

BoardName = Literal["xp", "solved", "daily", "weekly", "topic"]


@dataclass(frozen=True, slots=True)
class BoardRef:
    """One board: `scope` is the week's Monday (YYYY-MM-DD) for weekly, the topic for topic."""

    board: BoardName
    scope: str | None = None

    @property
    def key(self) -> str:
        return self.board if self.scope is None else f"{self.board}:{self.scope}"


@dataclass(frozen=True, slots=True)
class Score:
    """A user's whole score on a board after a change (absolute, so applying it twice is
    harmless and applying an old one after a newer one cannot lower it)."""

    ref: BoardRef
    user_id: int
    score: int


def week_start(day: date) -> date:
    """Weekly boards run Monday 00:00 UTC to Sunday 23:59:59 UTC."""
    return day - timedelta(days=day.weekday())


def weekly(day: date) -> BoardRef:
    return BoardRef("weekly", week_start(day).isoformat())


def changed_scores(
    user_id: int,
    *,
    xp: int | None = None,
    solved: int | None = None,
    daily: int | None = None,
    week: BoardRef | None = None,
    week_xp: int | None = None,
    topics: Mapping[str, int] | None = None,
) -> list[Score]:
    """The scores a submit changed (None: unchanged); zero scores are not on any board."""
    out: list[Score] = []
    for ref, value in (
        (BoardRef("xp"), xp),
        (BoardRef("solved"), solved),
        (BoardRef("daily"), daily),
        (week, week_xp),
    ):
        if ref is not None and value:
            out.append(Score(ref, user_id, value))
    for topic, value in sorted((topics or {}).items()):
        if value:
            out.append(Score(BoardRef("topic", topic), user_id, value))
    return out


def page_ranks(first_rank: int, offset: int, scores: Sequence[int]) -> list[int]:
    """Ranks of consecutive entries in board order, starting at place `offset` (0-based)
    whose rank is `first_rank`: an entry tied with the one before shares its rank, any
    other is ranked by its place (everyone before it scored more)."""
    ranks: list[int] = []
    for i, score in enumerate(scores):
        if i > 0 and score == scores[i - 1]:
            ranks.append(ranks[-1])
        else:
            ranks.append(first_rank if i == 0 else offset + i + 1)
    return ranks
