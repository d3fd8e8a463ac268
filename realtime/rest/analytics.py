"""Learner analytics: the signed-in user's dashboard and daily series, and a problem's
stats for its author (or an admin). Figures are SQL aggregates (repositories.analytics)."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from progress import streaks
from realtime.keys import DATABASE
from realtime.rest.endpoints import Call, EndpointTable
from realtime.rest.errors import Forbidden, NotFoundError
from realtime.rest.problems import checked_slug, visible_problem
from realtime.schemas.progress import (
    Activity,
    ActivityDay,
    ActivityQuery,
    Dashboard,
    DifficultyCount,
    LanguageBest,
    LanguageCount,
    MyProblemProgress,
    ProblemAnalytics,
    RecentItem,
    StreakOut,
    TopicCount,
    Totals,
)
from storage.errors import NotFound
from storage.models import UserStats
from storage.models.problems import DIFFICULTIES
from storage.repositories import analytics as analytics_repo
from storage.repositories import problems as problem_repo
from storage.repositories import progress as progress_repo

routes = EndpointTable()
TAGS = ("analytics",)


def today() -> date:
    return datetime.now(UTC).date()


def rate(part: int, whole: int) -> float:
    return round(100.0 * part / whole, 1) if whole else 0.0


def streak_of(stats: UserStats | None, on: date) -> StreakOut:
    """Current (as of `on`, see progress/streaks.py) and longest streak."""
    if stats is None:
        return StreakOut(current=0, longest=0)
    last = date.fromisoformat(stats.last_active_day) if stats.last_active_day else None
    state = streaks.Streak(stats.current_streak, stats.longest_streak, last)
    return StreakOut(current=streaks.current_on(state, on), longest=stats.longest_streak)


@routes.get("/api/analytics/dashboard", response=Dashboard, tags=TAGS)
async def dashboard(call: Call) -> Dashboard:
    """Your totals, solved per difficulty and topic against the bank, languages, recent
    submits, streak and XP."""
    user_id = call.user.id
    async with call.app[DATABASE].session() as session:
        stats = await analytics_repo.user_stats(session, user_id)
        difficulty = {d: (s, t) for d, s, t in await analytics_repo.by_difficulty(session, user_id)}
        topics = await analytics_repo.by_topic(session, user_id)
        langs = await analytics_repo.languages(session, user_id)
        recent = await analytics_repo.recent(session, user_id)
    submissions = stats.submissions if stats else 0
    accepted = stats.accepted if stats else 0
    return Dashboard(
        totals=Totals(
            attempted=stats.attempted if stats else 0,
            solved=stats.solved if stats else 0,
            submissions=submissions,
            accepted=accepted,
            acceptance_rate=rate(accepted, submissions),
        ),
        by_difficulty=[
            DifficultyCount(
                difficulty=d,
                solved=difficulty.get(d, (0, 0))[0],
                total=difficulty.get(d, (0, 0))[1],
            )
            for d in DIFFICULTIES
        ],
        by_topic=[TopicCount(topic=t, solved=s, total=n) for t, s, n in topics],
        languages=[LanguageCount(language=lang, submissions=n, solved=s) for lang, n, s in langs],
        recent=[RecentItem(**item) for item in recent],
        streak=streak_of(stats, today()),
        xp=stats.xp if stats else 0,
    )


@routes.get("/api/analytics/activity", query=ActivityQuery, response=Activity, tags=TAGS)
async def activity(call: Call) -> Activity:
    """One entry per UTC day for the last `days` days (today included), oldest first."""
    q: ActivityQuery = call.query
    last = today()
    first = last - timedelta(days=q.days - 1)
    async with call.app[DATABASE].session() as session:
        found = await analytics_repo.activity(
            session, call.user.id, first.isoformat(), last.isoformat()
        )
    days = []
    for offset in range(q.days):
        day = (first + timedelta(days=offset)).isoformat()
        n, a, x = found.get(day, (0, 0, 0))
        days.append(ActivityDay(date=day, submissions=n, accepted=a, xp=x))
    return Activity(days=days)


@routes.get(
    "/api/analytics/problems/{slug}", response=ProblemAnalytics, tags=TAGS, errors=(403, 404)
)
async def problem_analytics(call: Call) -> ProblemAnalytics:
    """Attempts, users, acceptance rate and verdict mix of a problem: its author or an admin."""
    slug = call.path["slug"]
    async with call.app[DATABASE].session() as session:
        try:
            problem = await problem_repo.get_problem(session, slug)
        except NotFound as exc:
            raise NotFoundError(exc.message, code="problem_not_found") from exc
        is_author = problem.author_id is not None and problem.author_id == call.user.id
        if call.user.role != "admin" and not is_author:
            if problem.visibility != "public":
                raise NotFoundError(f"problem '{slug}' not found", code="problem_not_found")
            raise Forbidden("only the problem's author or an admin sees its stats")
        stats = await analytics_repo.problem_stats(session, problem.id)
    accepted = stats.verdicts.get("AC", 0)
    return ProblemAnalytics(
        slug=problem.slug,
        attempts=stats.attempts,
        users_attempted=stats.users_attempted,
        users_solved=stats.users_solved,
        acceptance_rate=rate(accepted, sum(stats.verdicts.values())),
        verdicts=stats.verdicts,
    )


@routes.get("/api/problems/{slug}/progress", response=MyProblemProgress, tags=TAGS, errors=(404,))
async def my_problem_progress(call: Call) -> MyProblemProgress:
    """Your standing on one problem: status, attempts, best score, and your best accepted
    runtime and memory in each language you solved it in."""
    slug = checked_slug(call.path["slug"])
    async with call.app[DATABASE].session() as session:
        problem = await visible_problem(session, slug, call.user)
        row = await progress_repo.get_problem_progress(session, call.user.id, problem.id)
        best = await analytics_repo.best_by_language(session, call.user.id, problem.id)
    return MyProblemProgress(
        slug=problem.slug,
        status=row.status if row is not None else "new",
        attempts=row.attempts if row is not None else 0,
        best_score=row.best_score if row is not None else 0.0,
        first_solved_at=row.first_solved_at if row is not None else None,
        last_attempted_at=row.last_attempted_at if row is not None else None,
        best_by_language=[
            LanguageBest(language=lang, runtime_ms=t, memory_kb=m) for lang, t, m in best
        ],
    )
