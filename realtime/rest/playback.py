"""Replay of a pair/interview room's shared document: `GET /api/rooms/{id}/playback`.

Members only (participants and the host). The timeline has one frame per
stored update and language it changed, holding that language's full text
right after it. Interview rooms keep every update, so they replay keystroke
by keystroke from the first edit; pair rooms squash their history when they
compact, so their replay starts at the newest snapshot (`complete: false`).
"""

from __future__ import annotations

import asyncio

from pydantic import BaseModel, ConfigDict, Field

from realtime.keys import DATABASE, DOCUMENTS, ROOMS
from realtime.rest.endpoints import Call, EndpointTable
from realtime.rest.errors import Forbidden, NotFoundError
from rooms import roles
from rooms.doc_history import timeline
from rooms.room import RoomError
from storage.languages import LANGUAGE_IDS
from storage.repositories import rooms as room_repo

routes = EndpointTable()


class PlaybackQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    offset: int = Field(0, ge=0)
    limit: int = Field(1000, ge=1, le=5000)


class Author(BaseModel):
    id: int
    display_name: str


class PlaybackFrame(BaseModel):
    index: int
    time: str
    kind: str = Field(description="update, or snapshot for the state a compaction squashed")
    author: Author | None
    language: str
    text: str


class Playback(BaseModel):
    room: str
    complete: bool = Field(description="true when the history reaches back to the first edit")
    total: int
    offset: int
    frames: list[PlaybackFrame]


@routes.get(
    "/api/rooms/{room_id}/playback",
    query=PlaybackQuery,
    response=Playback,
    tags=("rooms",),
    errors=(403, 404),
)
async def playback(call: Call) -> Playback:
    """The shared document's timeline: the text of a language after each stored edit."""
    q: PlaybackQuery = call.query
    try:
        room = await call.app[ROOMS].store.load(call.path["room_id"])
    except RoomError as exc:
        raise NotFoundError("room not found", code="room_not_found") from exc
    if not roles.is_member(room, call.user.id):
        raise Forbidden("only the room's participants and host may replay it", code="not_member")
    registry = call.app[DOCUMENTS]
    await registry.flush(room.id)  # what this process applied but has not stored yet
    rows = await registry.store.history(room.id)
    # Replaying is CPU work proportional to the history: keep it off the event loop.
    frames, total = await asyncio.to_thread(timeline, rows, LANGUAGE_IDS, q.offset, q.limit)
    async with call.app[DATABASE].session() as session:
        names = await room_repo.display_names(
            session, sorted({f.author_id for f in frames if f.author_id is not None})
        )
    return Playback(
        room=room.id,
        complete=not rows or rows[0].kind == "update",
        total=total,
        offset=q.offset,
        frames=[
            PlaybackFrame(
                index=f.index,
                time=f.at.isoformat(),
                kind=f.kind,
                author=None
                if f.author_id is None
                else Author(id=f.author_id, display_name=names.get(f.author_id, "")),
                language=f.language,
                text=f.text,
            )
            for f in frames
        ],
    )
