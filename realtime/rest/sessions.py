"""History of one's own practice sessions and their playback snapshots."""

from __future__ import annotations

from realtime.keys import DATABASE
from realtime.rest.endpoints import Call, EndpointTable
from realtime.rest.errors import NotFoundError
from realtime.schemas.sessions import (
    SessionEnvelope,
    SessionList,
    SessionOut,
    SessionQuery,
    SnapshotList,
    SnapshotOut,
)
from storage.errors import NotFound
from storage.repositories import sessions as session_repo

routes = EndpointTable()
TAGS = ("sessions",)


@routes.get("/api/sessions", query=SessionQuery, response=SessionList, tags=TAGS)
async def list_sessions(call: Call) -> SessionList:
    """Your practice sessions, newest first, optionally by status."""
    q: SessionQuery = call.query
    async with call.app[DATABASE].session() as s:
        rows = await session_repo.list_own(
            s, call.user.id, q.status, q.per_page, (q.page - 1) * q.per_page
        )
        problems = await session_repo.problem_names(s, (r.problem_id for r in rows))
    items = [SessionOut.of(r, problems.get(r.problem_id, ("", ""))) for r in rows]
    return SessionList(items=items, page=q.page, per_page=q.per_page)


@routes.get("/api/sessions/{session_id}", response=SessionEnvelope, tags=TAGS, errors=(404,))
async def get_session(call: Call) -> SessionEnvelope:
    """One of your sessions (someone else's is reported as not found)."""
    session_id = call.path_id("session_id", "session")
    async with call.app[DATABASE].session() as s:
        try:
            row = await session_repo.get_own(s, session_id, call.user.id)
        except NotFound as exc:
            raise NotFoundError(exc.message, code="session_not_found") from exc
        problems = await session_repo.problem_names(s, [row.problem_id])
    return SessionEnvelope(session=SessionOut.of(row, problems.get(row.problem_id, ("", ""))))


@routes.get("/api/sessions/{session_id}/snapshots", response=SnapshotList, tags=TAGS, errors=(404,))
async def get_snapshots(call: Call) -> SnapshotList:
    """The session's code over time, at most one snapshot per snapshot interval."""
    session_id = call.path_id("session_id", "session")
    async with call.app[DATABASE].session() as s:
        try:
            await session_repo.get_own(s, session_id, call.user.id)
        except NotFound as exc:
            raise NotFoundError(exc.message, code="session_not_found") from exc
        rows = await session_repo.snapshots(s, session_id)
    return SnapshotList(session_id=session_id, items=[SnapshotOut.of(r) for r in rows])
