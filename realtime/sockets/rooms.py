"""Room events: join/leave/start/end/chat and an interview's `room:problem`; room state
changes fan out to `room:<id>`.

`room:problem {room, problem}` lets the host of an interview room post the
problem to solve: acked `{ok, room, problem: {slug, title, difficulty}}`;
everyone in the room (candidate, spectators, the host's other tabs) gets
`room:problem {room, problem, problems, posted_by, at}` and a `room:update`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from functools import partial
from typing import Any

from realtime.keys import DATABASE, ROOMS, SOCKET_LISTENERS
from realtime.services.rooms import RoomService, socket_room
from realtime.sockets.editor import rate_limit
from realtime.sockets.payloads import RoomChat, RoomJoin, RoomProblem, RoomRef
from realtime.sockets.router import EventError, EventRouter, SocketCall
from rooms import roles
from rooms import state as room_state
from rooms.events import RoomEvent
from rooms.interview_problems import ROOM_PROBLEM, post_problem, posted_payload
from rooms.room import Room, RoomKind
from rooms.room_store import Transition, now_utc
from storage.errors import NotFound
from storage.repositories import problems as problem_repo
from storage.repositories import rooms as room_repo

router = EventRouter()
Action = Callable[[Room, int, datetime], tuple[Room, list[RoomEvent]]]


def by(actor: int, action: Action) -> Transition:
    """The transition `action(room, actor, now)`, ready for `RoomService.apply`."""
    return lambda room, now: action(room, actor, now)


async def room_snapshot(service: RoomService, call: SocketCall, room: Room) -> dict[str, Any]:
    """Everything a (re)joining client needs at once."""
    async with call.app[DATABASE].session() as s:
        chat = await room_repo.recent_messages(s, room.id)
        names = await room_repo.display_names(s, list({m.user_id for m in chat}))
    out: dict[str, Any] = {
        "room": await service.view_for(room, call.user_id),
        "role": roles.role_in(room, call.user_id),
        "chat": [
            {
                "user_id": m.user_id,
                "display_name": names.get(m.user_id, ""),
                "text": m.text,
                "at": m.created_at.isoformat(),
            }
            for m in chat
        ],
    }
    if room.kind == RoomKind.CONTEST and room.started_at is not None:
        out["leaderboard"] = await service.standings_for(room, call.user_id)
    return out


@router.on("room:join", RoomJoin)
async def join(call: SocketCall) -> dict[str, Any]:
    data: RoomJoin = call.data
    service = call.app[ROOMS]
    action = partial(roles.join, spectator=data.spectator, invite_code=data.invite_code)
    room = await service.apply(data.room, by(call.user_id, action))
    await call.sio.enter_room(call.sid, socket_room(room.id))
    if room.kind == RoomKind.PAIR and not data.spectator:
        await service.award(call.user_id, "first_pair_session")
    await call.sio.emit(
        "user:online",
        {"user_id": call.user_id, "room": room.id},
        room=socket_room(room.id),
        skip_sid=call.sid,
    )
    return await room_snapshot(service, call, room)


@router.on("room:leave", RoomRef)
async def leave(call: SocketCall) -> dict[str, Any]:
    data: RoomRef = call.data
    room = await call.app[ROOMS].apply(data.room, by(call.user_id, room_state.leave))
    await call.sio.leave_room(call.sid, socket_room(room.id))
    for listener in call.app[SOCKET_LISTENERS]:  # e.g. leave the shared document
        await listener.left_room(call.sid, call.user_id, room.id)
    return {"room": room.view()}


def _creator_action(action: Action) -> Any:
    async def handle(call: SocketCall) -> dict[str, Any]:
        data: RoomRef = call.data
        room = await call.app[ROOMS].apply(data.room, by(call.user_id, action))
        return {"room": room.view()}

    return handle


router.on("room:start", RoomRef)(_creator_action(room_state.start))
router.on("room:end", RoomRef)(_creator_action(room_state.end))
router.on("room:cancel", RoomRef)(_creator_action(room_state.cancel))


@router.on("room:chat", RoomChat)
async def chat(call: SocketCall) -> dict[str, Any]:
    data: RoomChat = call.data
    await rate_limit(call, "chat")
    room = await call.app[ROOMS].store.load(data.room)
    if not roles.is_member(room, call.user_id):
        raise EventError("not_participant", "only members of the room may chat (spectators read)")
    async with call.app[DATABASE].session() as s:
        message = await room_repo.add_message(
            s, room.id, call.user_id, data.text.strip() or data.text
        )
        names = await room_repo.display_names(s, [call.user_id])
    payload = {
        "room": room.id,
        "id": message.id,
        "user_id": call.user_id,
        "display_name": names.get(call.user_id, ""),
        "text": message.text,
        "at": message.created_at.isoformat(),
    }
    await call.sio.emit("room:chat", payload, room=socket_room(room.id))
    return {"message_id": message.id}


@router.on("room:problem", RoomProblem, errors={NotFound: "problem_not_found"})
async def post(call: SocketCall) -> dict[str, Any]:
    data: RoomProblem = call.data
    viewer = problem_repo.Viewer(call.user_id, call.role)
    async with call.app[DATABASE].session() as session:
        found = await problem_repo.get_problem(session, data.problem, viewer)
    problem = {"slug": found.slug, "title": found.title, "difficulty": found.difficulty}
    room = await call.app[ROOMS].apply(
        data.room, lambda r, now: post_problem(r, call.user_id, found.slug, now)
    )
    payload = posted_payload(room, problem, call.user_id, now_utc())
    await call.sio.emit(ROOM_PROBLEM, payload, room=socket_room(room.id))
    return {"room": room.id, "problem": problem}
