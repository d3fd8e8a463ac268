"""Shared-document events: `doc:sync`, `doc:update`, `doc:awareness` (y-protocols over Socket.IO).

Contract (docs/pair-editing.md has the full one):
- `doc:sync {room, data}`: a `y-protocols/sync` message. Step 1 is acked with
  `{ok, replies: [step 2, server step 1], awareness: bytes | null}`; feed each
  reply to `readSyncMessage` and send the answer to the server's step 1 back
  as `doc:sync`. Step 2 or update: acked `{ok, applied}`.
- `doc:update {room, data}`: an update (or step 2) message; same as `doc:sync`.
  The server sends `doc:update {room, data}` to the other members for every
  update that changed its copy.
- `doc:awareness {room, data}`: an `encodeAwarenessUpdate`; acked `{ok}` and
  relayed to the other members as `doc:awareness {room, data}`.
Only participants and the host may read or write (`not_member` otherwise).
A message is applied before the handler's first `await` on the fast path, or
under the room's gate on the slow path (first message of a connection).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from aiohttp import web

from realtime.keys import DOC_RELAY, DOCUMENTS, ROOMS, SIO
from realtime.sockets.payloads import DocFrame
from realtime.sockets.router import EventError, EventRouter, SocketCall
from rooms import roles
from rooms.documents import SharedDocument
from rooms.room import DOCUMENT_KINDS, RoomKind
from rooms.yjs_wire import SyncType

router = EventRouter()
T = TypeVar("T")


def doc_room(room_id: str) -> str:
    """The Socket.IO room of the members syncing a document (spectators never enter it)."""
    return f"doc:{room_id}"


async def open_for_member(call: SocketCall, room_id: str) -> SharedDocument:
    """Authorise the caller, load the document and connect the socket to it."""
    room = await call.app[ROOMS].store.load(room_id)
    if room.kind not in DOCUMENT_KINDS:
        raise EventError("not_document_room", "only pair and interview rooms share a document")
    if not roles.is_member(room, call.user_id):
        raise EventError(
            "not_member", "only the room's participants and host may read or write its document"
        )
    registry = call.app[DOCUMENTS]
    doc = await registry.open(room.id, keep_history=room.kind == RoomKind.INTERVIEW)
    if call.sid not in doc.connections:
        registry.connect(doc, call.sid, call.user_id)
        await call.sio.enter_room(call.sid, doc_room(room.id))
        if not call.sio.manager.is_connected(call.sid, "/"):
            registry.disconnect(call.sid, room.id)  # it went away while we authorised it
            raise EventError("not_connected", "the connection closed")
    return doc


async def with_document(call: SocketCall, room_id: str, action: Callable[[SharedDocument], T]) -> T:
    """Run `action` on the document: at once if connected, else after authorising."""
    registry = call.app[DOCUMENTS]
    doc = registry.connected(room_id, call.sid)
    if doc is not None:
        return action(doc)  # no await between the event's arrival and the apply
    async with registry.gate(room_id):
        return action(await open_for_member(call, room_id))


async def _sync(call: SocketCall) -> dict[str, Any]:
    data: DocFrame = call.data

    def apply(doc: SharedDocument) -> tuple[Any, bytes | None]:
        result = doc.sync(data.data, call.user_id)
        return result, doc.awareness.snapshot() if result.replies else None

    result, awareness = await with_document(call, data.room, apply)
    if result.replies:
        return {"replies": result.replies, "awareness": awareness}
    if result.update:
        call.app[DOCUMENTS].changed()
        await call.sio.emit(
            "doc:update",
            {"room": data.room, "data": result.update},
            room=doc_room(data.room),
            skip_sid=call.sid,
        )
        await call.app[DOC_RELAY].publish("update", data.room, result.applied, call.user_id)
    return {"applied": result.update is not None}


router.on("doc:sync", DocFrame, binary=True)(_sync)


@router.on("doc:update", DocFrame, binary=True)
async def update(call: SocketCall) -> dict[str, Any]:
    if call.data.data[:1] == bytes([SyncType.STEP1]):
        raise EventError("invalid_update", "doc:update carries updates; send step 1 as doc:sync")
    return await _sync(call)


@router.on("doc:awareness", DocFrame, binary=True)
async def awareness(call: SocketCall) -> dict[str, Any]:
    data: DocFrame = call.data
    change = await with_document(
        call, data.room, lambda doc: doc.announce(data.data, call.sid, call.user_id)
    )
    if change.relay:
        await call.sio.emit(
            "doc:awareness",
            {"room": data.room, "data": change.relay},
            room=doc_room(data.room),
            skip_sid=call.sid,
        )
        await call.app[DOC_RELAY].publish(
            "awareness", data.room, change.relay, call.user_id, call.sid
        )
    if change.echo:  # a returning client's clock was bumped: let it adopt the new clock
        await call.sio.emit("doc:awareness", {"room": data.room, "data": change.echo}, to=call.sid)
    return {}


class DocumentSockets:
    """Follows sockets out of rooms (a `SocketListener`): a socket that leaves the room or
    disconnects stops getting updates, and its cursors disappear for everyone still editing."""

    def __init__(self, app: web.Application) -> None:
        self.app = app

    async def left_room(self, sid: str, user_id: int, room_id: str) -> None:
        removals = self.app[DOCUMENTS].disconnect(sid, room_id)
        await self.app[SIO].leave_room(sid, doc_room(room_id))
        await self._remove_cursors(sid, user_id, removals)

    async def disconnected(self, sid: str, user_id: int) -> None:
        await self._remove_cursors(sid, user_id, self.app[DOCUMENTS].disconnect(sid))

    async def _remove_cursors(
        self, sid: str, user_id: int, removals: list[tuple[str, bytes]]
    ) -> None:
        for room_id, removal in removals:
            await self.app[SIO].emit(
                "doc:awareness", {"room": room_id, "data": removal}, room=doc_room(room_id)
            )
            await self.app[DOC_RELAY].publish("awareness", room_id, removal, user_id, sid)
