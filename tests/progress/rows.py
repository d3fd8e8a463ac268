"""Crafted progress data: problems with topics and judged submits recorded as judging does."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from progress import recorder
from storage.database import Database
from storage.models import DailyChallenge, Problem, ProblemLabel, Submission


async def add_problem(
    db: Database, slug: str, difficulty: str = "easy", topics: tuple[str, ...] = (), **fields: Any
) -> int:
    async with db.session() as session:
        values: dict[str, Any] = {"visibility": "public", **fields}
        problem = Problem(
            slug=slug, title=slug.title(), statement="s", difficulty=difficulty, **values
        )
        problem.labels = [ProblemLabel(kind="topic", value=t) for t in topics]
        session.add(problem)
        await session.flush()
        return problem.id


async def judged(
    db: Database,
    user_id: int,
    problem_id: int,
    verdict: str,
    at: datetime,
    **fields: Any,
) -> recorder.SubmitOutcome:
    """Store a judged submit created at `at` and record its progress, as judging does."""
    values: dict[str, Any] = {
        "language": "python",
        "code": "x",
        "mode": "submit",
        "status": "done",
        "score": 100.0 if verdict == "AC" else 0.0,
        "time_ms": 10,
        "memory_kb": 1000,
    }
    values.update(fields)
    async with db.session() as session:
        row = Submission(
            user_id=user_id, problem_id=problem_id, verdict=verdict, created_at=at, **values
        )
        session.add(row)
        await session.flush()
        return await recorder.record_submit(session, row)


async def daily_elsewhere(db: Database, *ats: datetime) -> int:
    """Make the days of `ats` have as daily challenge a problem nobody in the test solves, so
    XP is by difficulty only (a solve creates its day's pick when none is stored). The
    problem is private so that the bank's totals do not change."""
    elsewhere = await add_problem(db, "daily-elsewhere", "easy", visibility="private")
    async with db.session() as session:
        for day in {at.astimezone(UTC).date().isoformat() for at in ats}:
            session.add(DailyChallenge(day=day, problem_id=elsewhere))
    return elsewhere
