""" "Beats x%": the share of the other accepted submissions (same problem, language) that are
strictly slower, or use strictly more memory, than this one."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Submission
from storage.repositories import analytics as analytics_repo


def beats(worse: int, total: int) -> float:
    """`worse` of the `total` accepted submissions (this one included) are strictly slower
    (or bigger); alone, a submission beats 100%."""
    others = total - 1
    if others <= 0:
        return 100.0
    return round(100.0 * worse / others, 1)


@dataclass(frozen=True)
class Percentiles:
    runtime_beats: float
    memory_beats: float

    def as_payload(self) -> dict[str, float]:
        return {"runtime_beats": self.runtime_beats, "memory_beats": self.memory_beats}


async def of_submission(session: AsyncSession, submission: Submission) -> Percentiles | None:
    """Beats-x% of an accepted submit among its problem and language; None otherwise."""
    counts = await analytics_repo.percentile_counts(session, submission)
    if counts is None:
        return None
    total, slower, bigger = counts
    return Percentiles(beats(slower, total), beats(bigger, total))
