"""Read side of learner progress: dashboard figures, daily series, per-problem stats and
"beats x%". Every figure is one SQL aggregate on an index, never rows loaded to Python."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, case, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    Problem,
    ProblemLabel,
    ProblemProgress,
    Submission,
    UserActivity,
    UserStats,
)


async def user_stats(session: AsyncSession, user_id: int) -> UserStats | None:
    return await session.get(UserStats, user_id)


async def by_difficulty(session: AsyncSession, user_id: int) -> list[tuple[str, int, int]]:
    """(difficulty, solved, total public) for every difficulty the bank has."""
    solved = func.count(ProblemProgress.id)
    stmt = (
        select(Problem.difficulty, solved, func.count(Problem.id))
        .outerjoin(
            ProblemProgress,
            and_(
                ProblemProgress.problem_id == Problem.id,
                ProblemProgress.user_id == user_id,
                ProblemProgress.status == "solved",
            ),
        )
        .where(Problem.visibility == "public")
        .group_by(Problem.difficulty)
    )
    return [(d, s, t) for d, s, t in (await session.execute(stmt)).all()]


async def by_topic(session: AsyncSession, user_id: int) -> list[tuple[str, int, int]]:
    """(topic, solved, total public), by topic name."""
    solved = func.count(ProblemProgress.id)
    stmt = (
        select(ProblemLabel.value, solved, func.count(ProblemLabel.id))
        .join(Problem, Problem.id == ProblemLabel.problem_id)
        .outerjoin(
            ProblemProgress,
            and_(
                ProblemProgress.problem_id == ProblemLabel.problem_id,
                ProblemProgress.user_id == user_id,
                ProblemProgress.status == "solved",
            ),
        )
        .where(ProblemLabel.kind == "topic", Problem.visibility == "public")
        .group_by(ProblemLabel.value)
        .order_by(ProblemLabel.value)
    )
    return [(t, s, n) for t, s, n in (await session.execute(stmt)).all()]


async def languages(session: AsyncSession, user_id: int) -> list[tuple[str, int, int]]:
    """(language, submits, distinct problems accepted in it), most used first."""
    accepted_problem = case((Submission.verdict == "AC", Submission.problem_id))
    stmt = (
        select(
            Submission.language,
            func.count(Submission.id),
            func.count(func.distinct(accepted_problem)),
        )
        .where(Submission.user_id == user_id, Submission.mode == "submit")
        .group_by(Submission.language)
        .order_by(func.count(Submission.id).desc(), Submission.language)
    )
    return [(lang, n, s) for lang, n, s in (await session.execute(stmt)).all()]


async def recent(session: AsyncSession, user_id: int, limit: int = 10) -> list[dict[str, Any]]:
    stmt = (
        select(
            Submission.id,
            Problem.slug,
            Problem.title,
            Submission.language,
            Submission.verdict,
            Submission.created_at,
        )
        .outerjoin(Problem, Problem.id == Submission.problem_id)
        .where(Submission.user_id == user_id, Submission.mode == "submit")
        .order_by(Submission.id.desc())
        .limit(limit)
    )
    return [
        {
            "submission_id": sid,
            "problem_slug": slug,
            "problem_title": title,
            "language": lang,
            "verdict": verdict,
            "created_at": at,
        }
        for sid, slug, title, lang, verdict, at in (await session.execute(stmt)).all()
    ]


async def activity(
    session: AsyncSession, user_id: int, first_day: str, last_day: str
) -> dict[str, tuple[int, int, int]]:
    """day -> (submissions, accepted, xp) for the user's active days in the range."""
    stmt = select(
        UserActivity.day, UserActivity.submissions, UserActivity.accepted, UserActivity.xp
    ).where(
        UserActivity.user_id == user_id,
        UserActivity.day >= first_day,
        UserActivity.day <= last_day,
    )
    return {d: (n, a, x) for d, n, a, x in (await session.execute(stmt)).all()}


@dataclass(frozen=True)
class ProblemStats:
    attempts: int
    users_attempted: int
    users_solved: int
    verdicts: dict[str, int]


async def problem_stats(session: AsyncSession, problem_id: int) -> ProblemStats:
    counts = select(
        func.count(ProblemProgress.id),
        func.count(case((ProblemProgress.status == "solved", 1))),
        func.coalesce(func.sum(ProblemProgress.attempts), 0),
    ).where(ProblemProgress.problem_id == problem_id)
    users, solved, attempts = (await session.execute(counts)).one()
    mix = (
        select(Submission.verdict, func.count(Submission.id))
        .where(
            Submission.problem_id == problem_id,
            Submission.mode == "submit",
            Submission.verdict.is_not(None),
        )
        .group_by(Submission.verdict)
    )
    verdicts = {v: n for v, n in (await session.execute(mix)).all()}
    return ProblemStats(int(attempts), int(users), int(solved), verdicts)


async def percentile_counts(
    session: AsyncSession, submission: Submission
) -> tuple[int, int, int] | None:
    """(total accepted, strictly slower, strictly bigger) among accepted submits of the
    same problem and language; None unless `submission` is an accepted submit."""
    if (
        submission.verdict != "AC"
        or submission.mode != "submit"
        or submission.problem_id is None
        or submission.time_ms is None
        or submission.memory_kb is None
    ):
        return None
    same = (
        Submission.problem_id == submission.problem_id,
        Submission.language == submission.language,
        Submission.mode == "submit",
        Submission.verdict == "AC",
    )
    total = await session.scalar(select(func.count()).select_from(Submission).where(*same))
    slower = await session.scalar(
        select(func.count())
        .select_from(Submission)
        .where(*same, Submission.time_ms > submission.time_ms)
    )
    bigger = await session.scalar(
        select(func.count())
        .select_from(Submission)
        .where(*same, Submission.memory_kb > submission.memory_kb)
    )
    return int(total or 0), int(slower or 0), int(bigger or 0)


async def best_by_language(
    session: AsyncSession, user_id: int, problem_id: int
) -> list[tuple[str, int, int]]:
    """(language, best runtime ms, best memory KB) of the user's accepted submits."""
    stmt = (
        select(Submission.language, func.min(Submission.time_ms), func.min(Submission.memory_kb))
        .where(
            Submission.user_id == user_id,
            Submission.problem_id == problem_id,
            Submission.mode == "submit",
            Submission.verdict == "AC",
        )
        .group_by(Submission.language)
    )
    return [(lang, t, m) for lang, t, m in (await session.execute(stmt)).all()]
