"""A per-user daily token budget on AI calls (estimated tokens, reset at UTC midnight).

Checked before a call and charged after it, so one request can overshoot the
budget by its own size; the next one is refused with the time until reset.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from coach.exceptions import CoachError
from storage.database import Database
from storage.repositories import coach as coach_repo


def utc_day(now: datetime | None = None) -> str:
    return (now or datetime.now(UTC)).strftime("%Y-%m-%d")


def seconds_to_reset(now: datetime | None = None) -> float:
    now = now or datetime.now(UTC)
    midnight = (now + timedelta(days=1)).replace(hour=0, minute=0, second=0, microsecond=0)
    return (midnight - now).total_seconds()


class TokenBudget:
    """daily_tokens: allowance per user per UTC day; 0 disables the budget.

    metered: False for a provider that costs nothing per token (the offline coach):
    usage is still recorded, but nobody is refused for it.
    """

    def __init__(self, db: Database, daily_tokens: int, *, metered: bool = True) -> None:
        self.db = db
        self.daily_tokens = daily_tokens
        self.metered = metered

    async def used(self, user_id: int) -> int:
        async with self.db.session() as session:
            return await coach_repo.usage_on(session, user_id, utc_day())

    async def check(self, user_id: int) -> None:
        """Raise `budget_exhausted` (with seconds until reset) when today's allowance is spent."""
        if self.daily_tokens <= 0 or not self.metered:
            return
        if await self.used(user_id) >= self.daily_tokens:
            wait = seconds_to_reset()
            raise CoachError(
                "budget_exhausted",
                f"you used today's AI allowance of {self.daily_tokens} tokens; it resets at "
                f"00:00 UTC (in {wait / 3600:.1f} h)",
                retry_after=wait,
                status=429,
            )

    async def charge(self, user_id: int, tokens: int) -> None:
        if tokens > 0:
            async with self.db.session() as session:
                await self.charge_in(session, user_id, tokens)

    async def charge_in(self, session: AsyncSession, user_id: int, tokens: int) -> None:
        """Charge within the caller's transaction."""
        if tokens > 0:
            await coach_repo.add_usage(session, user_id, utc_day(), tokens)
