"""`code:execute` and `session:submit`: ack at once, results stream to the user's room.

A run the whole room watches (pair and interview rooms) is announced there first as
`room:run {room, submission_id, mode, user_id, display_name}`, so the others can say
whose run the `code:progress`/`code:result` events with that `submission_id` are.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from realtime.keys import DATABASE, EXECUTION, ROOMS
from realtime.services.execution import ExecutionRefused, ExecutionRequest
from realtime.sockets.editor import rate_limit
from realtime.sockets.payloads import CodeExecute, SessionSubmit
from realtime.sockets.router import EventError, EventRouter, SocketCall
from rooms.events import user_room
from rooms.room import RoomError
from storage.errors import NotFound
from storage.models import Submission
from storage.repositories import problems as problem_repo
from storage.repositories import rooms as room_repo
from storage.repositories import sessions as session_repo

router = EventRouter()


async def _refuse(call: SocketCall, exc: ExecutionRefused) -> None:
    """Bad requests are refused in the ack and announced as `code:error` to the user's tabs."""
    await call.sio.emit(
        "code:error", {"code": exc.code, "message": exc.message}, room=user_room(call.user_id)
    )
    raise EventError(exc.code, exc.message) from exc


async def _room_rooms(call: SocketCall, data: CodeExecute) -> tuple[str, ...]:
    """Extra Socket.IO rooms that should see this run (rooms layer decides membership)."""
    if data.room is None:
        return ()
    try:
        watchers = await call.app[ROOMS].run_audience(
            data.room, call.user_id, data.mode, data.problem
        )
    except RoomError as exc:
        raise ExecutionRefused(exc.code, exc.message) from exc
    return tuple(watchers)


async def _announce_run(call: SocketCall, submission: Submission, watchers: Sequence[str]) -> None:
    """Tell the watching room who started this run (its results carry only its id)."""
    async with call.app[DATABASE].session() as s:
        names = await room_repo.display_names(s, [call.user_id])
    payload = {
        "room": submission.room_id,
        "submission_id": submission.id,
        "mode": submission.mode,
        "user_id": call.user_id,
        "display_name": names.get(call.user_id, ""),
    }
    await call.sio.emit("room:run", payload, room=[user_room(call.user_id), *watchers])


@router.on("code:execute", CodeExecute)
async def execute(call: SocketCall) -> dict[str, Any]:
    data: CodeExecute = call.data

    async def charge() -> None:  # only once the request is valid (no token for a 404)
        await rate_limit(call, "submit" if data.mode == "submit" else "execute")

    try:
        extra = await _room_rooms(call, data)
        submission = await call.app[EXECUTION].submit(
            ExecutionRequest(
                user_id=call.user_id,
                role=call.role,
                language=data.language,
                code=data.code,
                mode=data.mode,
                problem=data.problem,
                stdin=data.stdin,
                session_id=data.session,
                room_id=data.room,
                extra_rooms=extra,
            ),
            charge,
        )
    except ExecutionRefused as exc:
        await _refuse(call, exc)
        raise  # unreachable: _refuse raises
    if extra:
        await _announce_run(call, submission, extra)
    if data.room is not None:
        await call.app[ROOMS].on_submitted(submission, data.problem)
    return {"submission_id": submission.id, "status": submission.status}


@router.on("session:submit", SessionSubmit, errors={NotFound: "session_not_found"})
async def submit_session(call: SocketCall) -> dict[str, Any]:
    """Judge the session's current code (all tests) and close the session as submitted."""
    data: SessionSubmit = call.data
    async with call.app[DATABASE].session() as s:
        practice = await session_repo.get_own(s, data.session, call.user_id)
        if practice.status not in session_repo.OPEN_STATUSES:
            raise EventError("invalid_transition", f"the session is {practice.status}")
        problem = await problem_repo.get_problem_by_id(s, practice.problem_id)
        language = data.language or practice.language
        code = (practice.code or {}).get(language, "")
    if not code.strip():
        raise EventError("empty_code", f"the session has no {language} code to submit")
    try:
        submission = await call.app[EXECUTION].submit(
            ExecutionRequest(
                user_id=call.user_id,
                role=call.role,
                language=language,
                code=code,
                mode="submit",
                problem=problem.slug,
                session_id=practice.id,
            ),
            lambda: rate_limit(call, "submit"),
        )
    except ExecutionRefused as exc:
        await _refuse(call, exc)
        raise
    async with call.app[DATABASE].session() as s:
        row = await session_repo.transition(
            s, session_id=practice.id, user_id=call.user_id, action="submit"
        )
        row.submission_id = submission.id
    return {"submission_id": submission.id, "session": {"id": row.id, "status": row.status}}
