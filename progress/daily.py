"""The daily challenge: one problem per UTC day, chosen deterministically.

Rule: day D wants the difficulty ROTATION[D.toordinal() % 3] (easy, medium, hard in
turn). Candidates are public problems not used in the previous RECENT_DAYS days; among
those of the wanted difficulty (or, if none, all candidates; or, if every problem was
used recently, all problems) the pick is the one at index sha256(D) mod n of the list
sorted by slug. Same bank, same history -> same pick, on every process. The pick is
stored when first asked, so later bank changes never rewrite history.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import date

ROTATION = ("easy", "medium", "hard")
RECENT_DAYS = 30


@dataclass(frozen=True)
class Candidate:
    problem_id: int
    slug: str
    difficulty: str


def wanted_difficulty(day: date) -> str:
    return ROTATION[day.toordinal() % len(ROTATION)]


def pick(day: date, problems: list[Candidate], recent_ids: set[int]) -> Candidate | None:
    """The day's problem; `recent_ids` are the problems of the last RECENT_DAYS days."""
    if not problems:
        return None
    fresh = [p for p in problems if p.problem_id not in recent_ids] or list(problems)
    wanted = [p for p in fresh if p.difficulty == wanted_difficulty(day)] or fresh
    ordered = sorted(wanted, key=lambda p: p.slug)
    digest = hashlib.sha256(day.isoformat().encode()).digest()
    return ordered[int.from_bytes(digest[:8], "big") % len(ordered)]
