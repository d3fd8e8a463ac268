"""Operator actions: announcements to everyone and notifications to one user.

Both go through the Socket.IO manager, so with Redis they reach sockets on
every process, not just the one that took the request.
"""

from __future__ import annotations

from datetime import UTC, datetime

from pydantic import BaseModel, ConfigDict, Field

from realtime.keys import DATABASE, SIO
from realtime.rest.endpoints import Call, EndpointTable
from realtime.rest.errors import NotFoundError
from realtime.schemas.progress import notification_payload
from rooms.events import user_room
from storage.errors import NotFound
from storage.repositories import audit
from storage.repositories import progress as progress_repo
from storage.repositories import users as user_repo

routes = EndpointTable()
TAGS = ("admin",)


class AnnouncementIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    message: str = Field(min_length=1, max_length=2000)
    level: str = Field("info", pattern="^(info|warning|maintenance)$")


class NotificationIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    user_id: int = Field(ge=1)
    title: str = Field(min_length=1, max_length=200)
    body: str = Field("", max_length=2000)
    kind: str = Field("admin", max_length=32)


class SentOut(BaseModel):
    ok: bool = True
    event: str
    sent_at: datetime
    notification_id: int | None = None  # the stored inbox entry (notifications only)


@routes.post(
    "/api/admin/announcements",
    body=AnnouncementIn,
    response=SentOut,
    status=202,
    roles=("admin",),
    tags=TAGS,
)
async def announce(call: Call) -> SentOut:
    """Broadcast `system:announcement` to every connected client."""
    body: AnnouncementIn = call.body
    now = datetime.now(UTC)
    async with call.app[DATABASE].session() as session:
        await audit.record(
            session,
            call.user.id,
            "announcement.sent",
            "site",
            "all",
            {"level": body.level, "message": body.message},
        )
    await call.app[SIO].emit(
        "system:announcement",
        {
            "kind": "announcement",
            "level": body.level,
            "message": body.message,
            "sent_at": now.isoformat(),
        },
    )
    return SentOut(event="system:announcement", sent_at=now)


@routes.post(
    "/api/admin/notifications",
    body=NotificationIn,
    response=SentOut,
    status=202,
    roles=("admin",),
    tags=TAGS,
    errors=(404,),
)
async def notify(call: Call) -> SentOut:
    """Store a notification in one user's inbox and send `notification:new` to all of
    their tabs, on whichever process they are (offline, they find it in the inbox)."""
    body: NotificationIn = call.body
    now = datetime.now(UTC)
    async with call.app[DATABASE].session() as s:
        try:
            await user_repo.get_user(s, body.user_id)
        except NotFound as exc:
            raise NotFoundError("user not found", code="user_not_found") from exc
        note = await progress_repo.add_notification(
            s, body.user_id, kind=body.kind, title=body.title, body=body.body, at=now
        )
        await audit.record(
            s, call.user.id, "notification.sent", "user", body.user_id, {"title": body.title}
        )
    payload = {**notification_payload(note), "sent_at": now.isoformat()}
    await call.app[SIO].emit("notification:new", payload, room=user_room(body.user_id))
    return SentOut(event="notification:new", sent_at=now, notification_id=note.id)
