"""The stored daily challenge: chosen by progress/daily.py on a day's first need.

Both the REST endpoint and the result recorder ask here, so a day's pick exists as soon
as anyone needs it: the first solve of a day counts for the bonus even when nobody
opened the daily-challenge page first.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from progress import daily
from storage.models import DailyChallenge
from storage.repositories import daily as daily_repo


def _picker(day: date) -> daily_repo.Picker:
    def pick(bank: list[tuple[int, str, str]], recent: set[int]) -> int | None:
        chosen = daily.pick(day, [daily.Candidate(*row) for row in bank], recent)
        return chosen.problem_id if chosen else None

    return pick


async def challenge_for(session: AsyncSession, day: date) -> DailyChallenge | None:
    """The day's challenge, stored now if nobody needed it yet; None if the bank is empty."""
    return await daily_repo.get_or_create(
        session,
        day.isoformat(),
        (day - timedelta(days=daily.RECENT_DAYS)).isoformat(),
        _picker(day),
    )
