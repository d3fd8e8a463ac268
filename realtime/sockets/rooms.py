"""Room events: join/leave/start/end/chat; room state changes fan out to `room:<id>`."""

from __future__ import annotations

from functools import partial
from typing import Any

from realtime.keys import DATABASE, SERVICES
from realtime.services.execution import ExecutionRefused
from realtime.services.rooms import RoomService, socket_room
from realtime.services.rooms_ctx import ROOMS
from realtime.sockets.editor import rate_limit
from realtime.sockets.payloads import CodeExecute, RoomChat, RoomJoin, RoomRef
from realtime.sockets.router import EventError, EventRouter, SocketCall
from rooms import state as room_state
from rooms.room import Room, RoomError, RoomKind, RoomStatus
from rooms.store import now_utc
from storage.repositories import rooms as room_repo

router = EventRouter()


def refused(exc: RoomError) -> EventError:
    return EventError(exc.code, exc.message)


def role_in(room: Room, user_id: int) -> str | None:
    if user_id in room.participant_ids:
        return "participant"
    if user_id == room.creator_id:
        return "host"
    if user_id in room.spectators:
        return "spectator"
    return None


async def room_snapshot(service: RoomService, call: SocketCall, room: Room) -> dict[str, Any]:
    """Everything a (re)joining client needs at once."""
    view = room.view()
    if call.user_id == room.creator_id and room.invite_code:
        view["invite_code"] = room.invite_code
    async with call.app[DATABASE].session() as s:
        chat = await room_repo.recent_messages(s, room.id)
        names = await room_repo.display_names(s, list({m.user_id for m in chat}))
    out: dict[str, Any] = {
        "room": view,
        "role": role_in(room, call.user_id),
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
    transition = partial(
        _join, actor=call.user_id, spectator=data.spectator, invite_code=data.invite_code
    )
    try:
        room = await service.apply(data.room, transition)
    except RoomError as exc:
        raise refused(exc) from exc
    await call.sio.enter_room(call.sid, socket_room(room.id))
    await call.sio.emit(
        "user:online",
        {"user_id": call.user_id, "room": room.id},
        room=socket_room(room.id),
        skip_sid=call.sid,
    )
    return await room_snapshot(service, call, room)


def _join(room: Room, now: Any, *, actor: int, spectator: bool, invite_code: str | None) -> Any:
    # The host of a pair/interview room who did not take a seat rejoins as host.
    if (
        actor == room.creator_id
        and actor not in room.participant_ids
        and room.kind != RoomKind.CONTEST
    ):
        return room, []
    return room_state.join(room, actor, now, spectator=spectator, invite_code=invite_code)


@router.on("room:leave", RoomRef)
async def leave(call: SocketCall) -> dict[str, Any]:
    data: RoomRef = call.data
    try:
        room = await call.app[ROOMS].apply(data.room, partial(_leave, actor=call.user_id))
    except RoomError as exc:
        raise refused(exc) from exc
    await call.sio.leave_room(call.sid, socket_room(room.id))
    for hook in call.app[SERVICES].get("room_leave_hooks", []):  # e.g. leave the shared document
        await hook(call.sid, call.user_id, room.id)
    return {"room": room.view()}


def _leave(room: Room, now: Any, *, actor: int) -> Any:
    return room_state.leave(room, actor, now)


def _creator_action(action: Any) -> Any:
    async def handle(call: SocketCall) -> dict[str, Any]:
        data: RoomRef = call.data
        try:
            room = await call.app[ROOMS].apply(data.room, partial(_as_actor, action, call.user_id))
        except RoomError as exc:
            raise refused(exc) from exc
        return {"room": room.view()}

    return handle


def _as_actor(action: Any, actor: int, room: Room, now: Any) -> Any:
    return action(room, actor, now)


router.on("room:start", RoomRef)(_creator_action(room_state.start))
router.on("room:end", RoomRef)(_creator_action(room_state.end))


@router.on("room:chat", RoomChat)
async def chat(call: SocketCall) -> dict[str, Any]:
    data: RoomChat = call.data
    await rate_limit(call, "chat")
    service = call.app[ROOMS]
    try:
        room = await service.store.load(data.room)
    except RoomError as exc:
        raise refused(exc) from exc
    role = role_in(room, call.user_id)
    if role not in ("participant", "host"):
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


async def execution_check(app: Any, user_id: int, data: CodeExecute) -> list[str]:
    """Who may run code in a room, and which Socket.IO rooms see the run."""
    service: RoomService = app[ROOMS]
    try:
        room = await service.store.load(data.room or "")
    except RoomError as exc:
        raise ExecutionRefused(exc.code, exc.message) from exc
    if room.kind == RoomKind.CONTEST:
        if data.problem is None:
            raise ExecutionRefused("problem_required", "contest runs name a problem of the room")
        try:
            if data.mode == "submit":
                room_state.check_submission(room, user_id, data.problem, now_utc())
            elif user_id not in room.participant_ids:
                raise RoomError("not_participant", "only participants may run code in a contest")
            elif data.problem not in room.problems or room.status != RoomStatus.IN_PROGRESS:
                raise RoomError("problem_not_in_room", f"{data.problem!r} is not open in this room")
        except RoomError as exc:
            raise ExecutionRefused(exc.code, exc.message) from exc
        return []
    if role_in(room, user_id) not in ("participant", "host"):
        raise ExecutionRefused("not_participant", "only members of the room may run code in it")
    return [socket_room(room.id)]  # pair/interview: the whole room watches the run


def install_hooks(app: Any) -> None:
    app[SERVICES]["room_execution_check"] = partial(execution_check, app)
