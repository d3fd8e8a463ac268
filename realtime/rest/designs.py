"""System-design practice over REST: the briefs, your sessions, scene autosave, submit and review.

The same rules as the `design:*` socket events (realtime/services/designs.py).
A design's rubric never leaves the server; its review shows what was missing.
"""

from __future__ import annotations

from aiohttp import web

from designs.scene import read_scene
from realtime.keys import CONTENT, DATABASE, DOCUMENTS, ROOMS
from realtime.rest.endpoints import Call, EndpointTable
from realtime.rest.errors import ConflictError, Forbidden, NotFoundError
from realtime.schemas.designs import (
    DesignEnvelope,
    DesignList,
    DesignOut,
    DesignSessionEnvelope,
    DesignSessionList,
    DesignSessionOut,
    DesignSessionQuery,
    DesignSnapshotList,
    DesignSnapshotOut,
    DesignSummary,
    ReviewEnvelope,
    RoomScene,
    SceneSave,
    SceneSaved,
)
from realtime.services import designs as service
from rooms import roles
from rooms.room import DOCUMENT_KINDS, RoomError, RoomKind
from storage.repositories import design_sessions as repo

routes = EndpointTable()
TAGS = ("system design",)


@routes.get("/api/system-design", response=DesignList, tags=TAGS)
async def list_designs(call: Call) -> DesignList:
    """Every system-design problem with your sessions, best score and open session."""
    async with call.app[DATABASE].session() as s:
        stats = await repo.stats(s, call.user.id)
    designs = sorted(
        call.app[CONTENT].designs.values(), key=lambda d: (d.difficulty != "easy", d.slug)
    )
    return DesignList(items=[DesignSummary.of(d, stats.get(d.slug)) for d in designs])


@routes.get("/api/system-design/{slug}", response=DesignEnvelope, tags=TAGS, errors=(404,))
async def get_design(call: Call) -> DesignEnvelope:
    """One brief: statement, requirements, constraints, hints and estimated time."""
    design = service.design_of(call.app, call.path["slug"])
    async with call.app[DATABASE].session() as s:
        stats = (await repo.stats(s, call.user.id)).get(design.slug)
    return DesignEnvelope(design=DesignOut.full(design, stats))


@routes.post(
    "/api/system-design/{slug}/sessions",
    response=DesignSessionEnvelope,
    status=201,
    also=(200,),
    tags=TAGS,
    errors=(404,),
)
async def open_session(call: Call) -> web.Response:
    """Resume your open session on this design (200), or start one on an empty canvas (201)."""
    row, created = await service.open_session(call.app, call.user.id, call.path["slug"])
    envelope = DesignSessionEnvelope(session=DesignSessionOut.of(row), created=created)
    return web.json_response(envelope.model_dump(mode="json"), status=201 if created else 200)


@routes.get("/api/design-sessions", query=DesignSessionQuery, response=DesignSessionList, tags=TAGS)
async def list_sessions(call: Call) -> DesignSessionList:
    """Your design sessions, newest first, without their scenes."""
    q: DesignSessionQuery = call.query
    async with call.app[DATABASE].session() as s:
        rows = await repo.list_own(
            s,
            call.user.id,
            status=q.status,
            slug=q.design,
            limit=q.per_page,
            offset=(q.page - 1) * q.per_page,
        )
    items = [DesignSessionOut.of(r, with_scene=False) for r in rows]
    return DesignSessionList(items=items, page=q.page, per_page=q.per_page)


@routes.get(
    "/api/design-sessions/{session_id}", response=DesignSessionEnvelope, tags=TAGS, errors=(404,)
)
async def get_session(call: Call) -> DesignSessionEnvelope:
    """One of your sessions with its scene and review (someone else's is not found)."""
    row = await service.get_session(call.app, call.user.id, call.path_id("session_id", "session"))
    return DesignSessionEnvelope(session=DesignSessionOut.of(row))


@routes.put(
    "/api/design-sessions/{session_id}/scene",
    body=SceneSave,
    response=SceneSaved,
    tags=TAGS,
    errors=(404, 409, 413, 429),
)
async def save_scene(call: Call) -> SceneSaved:
    """Autosave the scene made on `base_revision`; a stale one is 409 with the server's scene."""
    body: SceneSave = call.body
    result = await service.save_scene(
        call.app,
        call.user.id,
        call.path_id("session_id", "session"),
        body.scene,
        body.base_revision,
        body.time_spent,
    )
    return SceneSaved(
        revision=result.session.revision, saved=result.changed, snapshot=result.snapshot
    )


def _mover(action: str):
    async def handle(call: Call) -> DesignSessionEnvelope:
        row = await service.move(
            call.app, call.user.id, call.path_id("session_id", "session"), action
        )
        return DesignSessionEnvelope(session=DesignSessionOut.of(row))

    handle.__name__ = f"{action}_session"
    handle.__doc__ = f"{action.capitalize()} your design session."
    return handle


for _action in ("pause", "resume", "abandon"):
    routes.post(
        f"/api/design-sessions/{{session_id}}/{_action}",
        response=DesignSessionEnvelope,
        tags=TAGS,
        errors=(404, 409),
    )(_mover(_action))


@routes.post(
    "/api/design-sessions/{session_id}/submit",
    response=ReviewEnvelope,
    tags=TAGS,
    errors=(404, 409, 429),
)
async def submit(call: Call) -> ReviewEnvelope:
    """End the session and review the scene; a failed review leaves it submitted, retry by
    submitting again."""
    done = await service.submit(call.app, call.user.id, call.path_id("session_id", "session"))
    return ReviewEnvelope(
        session=DesignSessionOut.of(done.session), review=done.review, unreviewed=done.unreviewed
    )


@routes.get(
    "/api/design-sessions/{session_id}/snapshots",
    response=DesignSnapshotList,
    tags=TAGS,
    errors=(404,),
)
async def get_snapshots(call: Call) -> DesignSnapshotList:
    """The scene over time, at most one snapshot per snapshot interval."""
    session_id = call.path_id("session_id", "session")
    await service.get_session(call.app, call.user.id, session_id)
    async with call.app[DATABASE].session() as s:
        rows = await repo.snapshots(s, session_id)
    return DesignSnapshotList(session_id=session_id, items=[DesignSnapshotOut.of(r) for r in rows])


@routes.get(
    "/api/rooms/{room_id}/scene",
    response=RoomScene,
    tags=(*TAGS, "rooms"),
    errors=(403, 404, 409),
)
async def room_scene(call: Call) -> RoomScene:
    """The pair or interview room's shared drawing (the document's `scene` Y.Map), as the
    server holds it, with the diagram it reads from it."""
    try:
        room = await call.app[ROOMS].store.load(call.path["room_id"])
    except RoomError as exc:
        raise NotFoundError("room not found", code="room_not_found") from exc
    if room.kind not in DOCUMENT_KINDS:
        raise ConflictError(
            "only pair and interview rooms share a document", code="not_document_room"
        )
    if not roles.is_member(room, call.user.id):
        raise Forbidden(
            "only the room's participants and host may see its scene", code="not_member"
        )
    doc = await call.app[DOCUMENTS].open(room.id, keep_history=room.kind == RoomKind.INTERVIEW)
    elements = doc.scene_elements()
    return RoomScene(room=room.id, elements=elements, diagram=read_scene(elements).describe())
