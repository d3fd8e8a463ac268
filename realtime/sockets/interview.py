"""Interview rooms: `room:problem {room, problem}` lets the host post the problem to solve.

Acked `{ok, room, problem: {slug, title, difficulty}}`; everyone in the room
(candidate, spectators, the host's other tabs) gets `room:problem {room,
problem, problems, posted_by, at}` and a `room:update`.
"""

from __future__ import annotations

from typing import Any

from realtime.keys import DATABASE
from realtime.services.rooms import socket_room
from realtime.services.rooms_ctx import ROOMS
from realtime.sockets.payloads import RoomProblem
from realtime.sockets.router import EventError, EventRouter, SocketCall
from rooms.interview import ROOM_PROBLEM, post_problem, posted_payload
from rooms.room import RoomError
from rooms.store import now_utc
from storage.errors import NotFound
from storage.repositories import problems as problem_repo

router = EventRouter()


@router.on("room:problem", RoomProblem)
async def post(call: SocketCall) -> dict[str, Any]:
    data: RoomProblem = call.data
    viewer = problem_repo.Viewer(call.user_id, call.role)
    async with call.app[DATABASE].session() as session:
        try:
            found = await problem_repo.get_problem(session, data.problem, viewer)
        except NotFound as exc:
            raise EventError("problem_not_found", exc.message) from exc
    problem = {"slug": found.slug, "title": found.title, "difficulty": found.difficulty}
    try:
        room = await call.app[ROOMS].apply(
            data.room, lambda r, now: post_problem(r, call.user_id, found.slug, now)
        )
    except RoomError as exc:
        raise EventError(exc.code, exc.message) from exc
    payload = posted_payload(room, problem, call.user_id, now_utc())
    await call.sio.emit(ROOM_PROBLEM, payload, room=socket_room(room.id))
    return {"room": room.id, "problem": problem}
