"""Daily streaks in UTC days.

Rule: a UTC day is *active* when the user has at least one accepted submit whose
submission was created that day (00:00:00-23:59:59 UTC). The streak is the number of
consecutive active days. It is still *current* on the day after the last active day
(you have until the end of today to keep it); once a whole UTC day passes with no
accepted submit, the current streak is 0. The longest streak never decreases.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class Streak:
    current: int = 0
    longest: int = 0
    last_day: date | None = None


def advance(streak: Streak, day: date) -> Streak:
    """The streak after an accepted submit on `day` (a day already counted changes nothing;
    a day older than the last counted one, e.g. a late judge result, changes nothing)."""
    last = streak.last_day
    if last is not None and day <= last:
        return streak
    current = streak.current + 1 if last is not None and day == last + timedelta(days=1) else 1
    return Streak(current, max(streak.longest, current), day)


def current_on(streak: Streak, today: date) -> int:
    """The streak as shown on `today`: kept through today if yesterday was active."""
    if streak.last_day is None or today - streak.last_day > timedelta(days=1):
        return 0
    return streak.current
