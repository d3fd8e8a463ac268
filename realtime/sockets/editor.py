"""Editor sessions over Socket.IO: open, autosave with conflicts, pause/resume/abandon."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from realtime.auth import enforce_rate
from realtime.keys import DATABASE, SETTINGS
from realtime.sockets.payloads import SessionAutosave, SessionOpen, SessionRef
from realtime.sockets.router import EventError, EventRouter, SocketCall
from storage.errors import NotFound
from storage.models import PracticeSession
from storage.repositories import problems as problem_repo
from storage.repositories import sessions as session_repo

router = EventRouter()


def session_view(row: PracticeSession, problem_slug: str | None = None) -> dict[str, Any]:
    view: dict[str, Any] = {
        "id": row.id,
        "problem_id": row.problem_id,
        "language": row.language,
        "code": dict(row.code),
        "revision": row.revision,
        "status": row.status,
        "time_spent": row.time_spent_seconds,
        "updated_at": row.updated_at.isoformat() if row.updated_at else None,
    }
    if problem_slug:
        view["problem"] = problem_slug
    return view


async def rate_limit(call: SocketCall, action: str) -> None:
    """Spend one of the user's `action` tokens; RateLimited (`rate_limited`) when none is left."""
    await enforce_rate(call.app, action, str(call.user_id))


@router.on("session:open", SessionOpen, errors={NotFound: "problem_not_found"})
async def open_session(call: SocketCall) -> dict[str, Any]:
    data: SessionOpen = call.data
    async with call.app[DATABASE].session() as s:
        viewer = problem_repo.Viewer(call.user_id, call.role)
        problem = await problem_repo.get_problem(s, data.problem, viewer)
        starter = (problem.starter_code or {}).get(data.language, "")
        row, created = await session_repo.open_session(
            s, user_id=call.user_id, problem_id=problem.id, language=data.language, starter=starter
        )
    return {"session": session_view(row, problem.slug), "created": created}


@router.on(
    "session:autosave",
    SessionAutosave,
    errors={NotFound: "session_not_found", session_repo.InvalidTransition: "session_closed"},
)
async def autosave(call: SocketCall) -> dict[str, Any]:
    data: SessionAutosave = call.data
    await rate_limit(call, "autosave")
    every = timedelta(seconds=call.app[SETTINGS].snapshot_interval_seconds)
    try:
        async with call.app[DATABASE].session() as s:
            result = await session_repo.autosave(
                s,
                session_id=data.session,
                user_id=call.user_id,
                language=data.language,
                code=data.code,
                base_revision=data.base_revision,
                time_spent=data.time_spent,
                snapshot_every=every,
            )
    except session_repo.RevisionConflict as exc:
        raise EventError(
            "conflict",
            f"stale base_revision {data.base_revision}; the session is at {exc.revision}",
            {"revision": exc.revision, "code": exc.code, "language": exc.language},
        ) from exc
    return {
        "revision": result.session.revision,
        "saved": result.changed,
        "snapshot": result.snapshot,
    }


def _transition_handler(action: str) -> Any:
    async def handle(call: SocketCall) -> dict[str, Any]:
        data: SessionRef = call.data
        async with call.app[DATABASE].session() as s:
            row = await session_repo.transition(
                s, session_id=data.session, user_id=call.user_id, action=action
            )
        return {"session": session_view(row)}

    handle.__name__ = f"session_{action}"
    return handle


TRANSITION_ERRORS = {
    NotFound: "session_not_found",
    session_repo.InvalidTransition: "invalid_transition",
}
for _action in ("pause", "resume", "abandon"):
    router.on(f"session:{_action}", SessionRef, errors=TRANSITION_ERRORS)(
        _transition_handler(_action)
    )
