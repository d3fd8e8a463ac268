"""XP: paid for a problem's first accepted submission only, so resubmitting earns nothing."""

from __future__ import annotations

XP_BY_DIFFICULTY: dict[str, int] = {"easy": 10, "medium": 20, "hard": 40}
DAILY_BONUS_XP = 25
"""Extra XP for solving the daily challenge on its own UTC day (once per day)."""


def solve_xp(difficulty: str, already_solved: bool) -> int:
    """XP for an accepted submit: the difficulty's value the first time, then nothing."""
    if already_solved:
        return 0
    return XP_BY_DIFFICULTY.get(difficulty, 0)
