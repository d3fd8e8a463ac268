"""The daily challenge: progress/daily.py chooses, progress/daily_store.py stores the pick."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from progress import daily_store, xp
from realtime.keys import DATABASE
from realtime.rest.analytics import today
from realtime.rest.endpoints import Call, EndpointTable
from realtime.rest.errors import NotFoundError
from realtime.schemas.progress import (
    DailyChallengeOut,
    DailyHistory,
    DailyHistoryItem,
    DailyProblem,
    HistoryQuery,
)
from storage.models import DailyChallenge, Problem
from storage.repositories import daily as daily_repo

routes = EndpointTable()
TAGS = ("daily-challenge",)


def _problem(problem: Problem) -> DailyProblem:
    return DailyProblem(
        slug=problem.slug,
        title=problem.title,
        difficulty=problem.difficulty,
        topics=problem.labels_of("topic"),
    )


async def _problems(session: AsyncSession, rows: list[DailyChallenge]) -> dict[int, Problem]:
    return {r.problem_id: p for r in rows if (p := await session.get(Problem, r.problem_id))}


@routes.get(
    "/api/daily-challenge", response=DailyChallengeOut, auth="optional", tags=TAGS, errors=(404,)
)
async def today_challenge(call: Call) -> DailyChallengeOut:
    """Today's (UTC) problem, your status on it (null when anonymous) and its solver count."""
    day = today()
    async with call.app[DATABASE].session() as session:
        row = await daily_store.challenge_for(session, day)
        if row is None:
            raise NotFoundError("the problem bank is empty", code="no_daily_challenge")
        problem = await session.get(Problem, row.problem_id)
        assert problem is not None
        status = None
        if call.user is not None:
            found = await daily_repo.statuses(session, call.user.id, [problem.id])
            status = found.get(problem.id, "none")
        solvers = await daily_repo.solved_count(session, row.day)
    return DailyChallengeOut(
        date=row.day,
        problem=_problem(problem),
        status=status,
        bonus_xp=xp.DAILY_BONUS_XP,
        solved_count=solvers,
    )


@routes.get(
    "/api/daily-challenge/history",
    query=HistoryQuery,
    response=DailyHistory,
    auth="optional",
    tags=TAGS,
)
async def history(call: Call) -> DailyHistory:
    """Stored daily challenges of the last `days` days, newest first, with your status."""
    q: HistoryQuery = call.query
    last = today()
    first = last - timedelta(days=q.days - 1)
    async with call.app[DATABASE].session() as session:
        rows = await daily_repo.history(session, first.isoformat(), last.isoformat())
        problems = await _problems(session, rows)
        found: dict[int, str] = {}
        if call.user is not None:
            found = await daily_repo.statuses(session, call.user.id, list(problems))
    return DailyHistory(
        items=[
            DailyHistoryItem(
                date=r.day,
                problem=_problem(problems[r.problem_id]),
                status=None if call.user is None else found.get(r.problem_id, "none"),
            )
            for r in rows
            if r.problem_id in problems
        ]
    )
