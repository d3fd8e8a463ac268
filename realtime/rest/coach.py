"""Coach REST: own session history, learning paths, recommended problems, problem generation.

Installed before `problems.routes`, so `/api/problems/recommended` and
`/api/problems/generate` are matched here and never taken for a slug.
"""

from __future__ import annotations

from aiohttp import web

from coach.exceptions import CoachError
from coach.generation.pipeline import Generated
from coach.generation.request import GenerationRequest
from realtime.auth import enforce_rate
from realtime.keys import COACH, DATABASE, PROBLEM_CACHE
from realtime.rest.endpoints import Call, EndpointTable
from realtime.rest.errors import ApiError, NotFoundError
from realtime.rest.problems import problem_out
from realtime.schemas.coach import (
    CoachMessageOut,
    CoachMessagesQuery,
    CoachSessionDetail,
    CoachSessionEnvelope,
    CoachSessionList,
    CoachSessionOut,
    CoachSessionQuery,
    GeneratedOut,
    LearningPathIn,
    LearningPathOut,
    RecommendedOut,
    RecommendedQuery,
    ValidationOut,
)
from storage.errors import NotFound
from storage.repositories import coach as coach_repo
from storage.repositories import problems as problem_repo

routes = EndpointTable()
TAGS = ("coach",)


def api_error(exc: CoachError) -> ApiError:
    error = ApiError(exc.message, code=exc.code)
    error.status = exc.status
    if exc.retry_after is not None:
        seconds = max(1, round(exc.retry_after + 0.5))
        error.details = {"retry_after": seconds}
        error.headers = {"Retry-After": str(seconds)}
    return error


@routes.get("/api/coach/sessions", query=CoachSessionQuery, response=CoachSessionList, tags=TAGS)
async def list_sessions(call: Call) -> CoachSessionList:
    """Your coach sessions, newest first (nobody else's)."""
    q: CoachSessionQuery = call.query
    async with call.app[DATABASE].session() as session:
        rows = await coach_repo.list_own_sessions(
            session,
            call.user.id,
            mode=q.mode,
            status=q.status,
            limit=q.per_page,
            offset=(q.page - 1) * q.per_page,
        )
    return CoachSessionList(
        items=[CoachSessionOut.of(row, slug, n) for row, slug, n in rows],
        page=q.page,
        per_page=q.per_page,
    )


@routes.get(
    "/api/coach/sessions/{session_id}",
    query=CoachMessagesQuery,
    response=CoachSessionEnvelope,
    tags=TAGS,
    errors=(404,),
)
async def get_session(call: Call) -> CoachSessionEnvelope:
    """One of your coach sessions with a page of its messages, oldest first (anyone
    else's is reported as not found)."""
    q: CoachMessagesQuery = call.query
    session_id = call.path_id("session_id", "session")
    async with call.app[DATABASE].session() as session:
        try:
            row = await coach_repo.get_own_session(session, session_id, call.user.id)
        except NotFound as exc:
            raise NotFoundError(exc.message, code="session_not_found") from exc
        page = await coach_repo.messages(session, row.id, after=q.after, limit=q.limit + 1)
        count = await coach_repo.message_count(session, row.id)
        slug = None
        if row.problem_id is not None:
            slug = (await problem_repo.get_problem_by_id(session, row.problem_id)).slug
    more = len(page) > q.limit
    page = page[: q.limit]
    summary = CoachSessionOut.of(row, slug, count)
    detail = CoachSessionDetail(
        **summary.model_dump(),
        messages=[CoachMessageOut.of(m) for m in page],
        next_after=page[-1].id if more else None,
    )
    return CoachSessionEnvelope(session=detail)


@routes.post(
    "/api/coach/learning-path",
    body=LearningPathIn,
    response=LearningPathOut,
    tags=TAGS,
    errors=(429,),
)
async def learning_path(call: Call) -> LearningPathOut:
    """A study plan from your own results: weak and mastered topics, ordered steps, estimates."""
    body: LearningPathIn = call.body
    await enforce_rate(call.app, "ai", str(call.user.id))
    coach = call.app[COACH]
    plan = await coach.paths.plan(
        call.user.id,
        max_steps=body.max_steps,
        per_step=body.problems_per_step,
        hours_per_week=body.hours_per_week,
    )
    return LearningPathOut(**plan.model_dump(), provider=coach.provider.name)


@routes.get(
    "/api/problems/recommended",
    query=RecommendedQuery,
    response=RecommendedOut,
    tags=TAGS,
    errors=(429,),
)
async def recommended(call: Call) -> RecommendedOut:
    """The next problems to try, from your learning path."""
    q: RecommendedQuery = call.query
    await enforce_rate(call.app, "recommend", str(call.user.id))
    items = await call.app[COACH].paths.recommended(call.user.id, q.limit)
    return RecommendedOut(items=items)


async def generated_out(app: web.Application, result: Generated) -> GeneratedOut:
    """The stored problem as its owner sees it (examples only) plus the validation report.
    Both ways of generating (REST and socket) end here, so the list cache is dropped here."""
    await app[PROBLEM_CACHE].invalidate()  # the new private problem is in its owner's list
    async with app[DATABASE].session() as session:
        problem = await problem_repo.get_problem_by_id(session, result.problem.id)
        out = await problem_out(session, problem)
    return GeneratedOut(problem=out, validation=ValidationOut.of(result.report, result.attempts))


@routes.post(
    "/api/problems/generate",
    body=GenerationRequest,
    response=GeneratedOut,
    status=201,
    tags=TAGS,
    errors=(422, 429, 502, 503),
)
async def generate(call: Call) -> GeneratedOut:
    """Generate a problem, validated by running its reference solution in the judge.

    Stored private to you (source "ai"); expected outputs come from the judge, never the model.
    """
    await enforce_rate(call.app, "generate", str(call.user.id))
    try:
        result = await call.app[COACH].generator.generate(call.user.id, call.body)
    except CoachError as exc:
        raise api_error(exc) from exc
    return await generated_out(call.app, result)
