"""Run and submit over REST (the Socket.IO events' twins), submission history, languages."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from progress import percentiles
from realtime.auth import enforce_rate
from realtime.keys import DATABASE, EXECUTION, SETTINGS
from realtime.rest.endpoints import Call, EndpointTable
from realtime.rest.errors import ApiError, NotFoundError
from realtime.schemas.submissions import (
    ExecuteIn,
    LanguageList,
    LanguageOut,
    SubmissionEnvelope,
    SubmissionList,
    SubmissionOut,
    SubmissionQuery,
    SubmitIn,
    WaitQuery,
)
from realtime.services.execution import ExecutionRefused, ExecutionRequest
from storage.errors import NotFound
from storage.models import Submission
from storage.repositories import problems as problem_repo
from storage.repositories import submissions as submission_repo

routes = EndpointTable()
TAGS = ("judge",)

_REFUSAL_STATUS = {
    "unknown_language": 422,
    "language_unavailable": 422,
    "problem_required": 422,
    "problem_not_found": 404,
    "session_not_found": 404,
    "session_mismatch": 422,
}


# Run and submit answer alike: 202 with the queued submission, 200 once it is judged.
QUEUED: dict[str, Any] = {
    "query": WaitQuery,
    "response": SubmissionEnvelope,
    "status": 202,
    "also": (200,),
    "tags": TAGS,
    "errors": (404, 429),
}


async def _queue(
    call: Call, mode: str, stdin: str | None = None
) -> SubmissionEnvelope | web.Response:
    """Queue the run: 202 while pending; with `?wait=true` 200 once the result is final."""
    body: ExecuteIn | SubmitIn = call.body
    action = "execute" if mode == "run" else "submit"

    async def charge() -> None:
        await enforce_rate(call.app, action, str(call.user.id))

    req = ExecutionRequest(
        user_id=call.user.id,
        role=call.user.role,
        language=body.language,
        code=body.code,
        mode=mode,
        problem=body.problem,
        stdin=stdin,
    )
    try:
        submission = await call.app[EXECUTION].submit(req, charge)
    except ExecutionRefused as exc:
        error = ApiError(exc.message, code=exc.code)
        error.status = _REFUSAL_STATUS.get(exc.code, 400)
        raise error from exc
    if call.query.wait:
        done = await call.app[EXECUTION].wait_done(
            submission.id, call.app[SETTINGS].judge_timeout_seconds
        )
        if done is not None:
            beats = await _percentiles(call, done)
            envelope = SubmissionEnvelope(submission=SubmissionOut.of(done, req.problem, beats))
            return web.json_response(envelope.model_dump(mode="json"), status=200)
    return SubmissionEnvelope(submission=SubmissionOut.of(submission, req.problem))


@routes.post("/api/execute", body=ExecuteIn, **QUEUED)
async def execute(call: Call) -> SubmissionEnvelope | web.Response:
    """Run code on a problem's visible tests, or on custom stdin; `?wait=true` waits."""
    body: ExecuteIn = call.body
    return await _queue(call, "run", stdin=body.stdin)


@routes.post("/api/submissions", body=SubmitIn, **QUEUED)
async def submit(call: Call) -> SubmissionEnvelope | web.Response:
    """Judge code on all of a problem's tests; `?wait=true` returns the final result."""
    return await _queue(call, "submit")


async def _percentiles(call: Call, row: Submission) -> dict[str, float] | None:
    """ "Beats x%" of an accepted submit (None for anything else)."""
    if row.verdict != "AC" or row.mode != "submit":
        return None
    async with call.app[DATABASE].session() as session:
        beats = await percentiles.of_submission(session, row)
    return beats.as_payload() if beats else None


async def _slug(call: Call, row: Submission) -> str | None:
    if row.problem_id is None:
        return None
    async with call.app[DATABASE].session() as session:
        return (await problem_repo.get_problem_by_id(session, row.problem_id)).slug


@routes.get(
    "/api/submissions/{submission_id}", response=SubmissionEnvelope, tags=TAGS, errors=(404,)
)
async def get_submission(call: Call) -> SubmissionEnvelope:
    """One of your submissions (anyone else's is reported as not found)."""
    submission_id = call.path_id("submission_id", "submission")
    async with call.app[DATABASE].session() as session:
        try:
            row = await submission_repo.get_own(session, submission_id, call.user.id)
        except NotFound as exc:
            raise NotFoundError(exc.message, code="submission_not_found") from exc
    beats = await _percentiles(call, row)
    return SubmissionEnvelope(submission=SubmissionOut.of(row, await _slug(call, row), beats))


@routes.get("/api/submissions", query=SubmissionQuery, response=SubmissionList, tags=TAGS)
async def list_submissions(call: Call) -> SubmissionList:
    """Your submissions, newest first, filtered by problem, verdict or mode."""
    q: SubmissionQuery = call.query
    async with call.app[DATABASE].session() as session:
        rows = await submission_repo.list_own(
            session,
            call.user.id,
            problem_slug=q.problem,
            verdict=q.verdict,
            mode=q.mode,
            limit=q.per_page,
            offset=(q.page - 1) * q.per_page,
        )
    return SubmissionList(
        items=[SubmissionOut.of(row, slug) for row, slug in rows], page=q.page, per_page=q.per_page
    )


@routes.get("/api/languages", response=LanguageList, auth="none", tags=TAGS)
async def languages(call: Call) -> LanguageList:
    """Every language with whether this server can run it (and why not)."""
    statuses = await call.app[EXECUTION].languages()
    return LanguageList(
        languages=[
            LanguageOut(
                id=s.id, name=s.name, available=s.available, version=s.version, reason=s.reason
            )
            for s in statuses.values()
        ]
    )
