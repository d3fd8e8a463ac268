"""The notifications inbox: stored, so what arrived while you were offline is still here."""

from __future__ import annotations

from realtime.keys import DATABASE
from realtime.rest.endpoints import Call, EndpointTable
from realtime.schemas.progress import (
    MarkReadIn,
    NotificationList,
    NotificationOut,
    NotificationQuery,
    UnreadOut,
)
from storage.repositories import notifications as notification_repo

routes = EndpointTable()
TAGS = ("notifications",)


@routes.get("/api/notifications", query=NotificationQuery, response=NotificationList, tags=TAGS)
async def list_notifications(call: Call) -> NotificationList:
    """Your notifications, newest first; `before` (an id) pages back; with the unread count."""
    q: NotificationQuery = call.query
    async with call.app[DATABASE].session() as session:
        rows = await notification_repo.list_for(
            session, call.user.id, unread_only=q.unread_only, limit=q.limit, before=q.before
        )
        unread = await notification_repo.unread_count(session, call.user.id)
    return NotificationList(items=[NotificationOut.of(r) for r in rows], unread=unread)


@routes.post("/api/notifications/read", body=MarkReadIn, response=UnreadOut, tags=TAGS)
async def mark_read(call: Call) -> UnreadOut:
    """Mark some (`ids`) or all (`all: true`) of your notifications read."""
    body: MarkReadIn = call.body
    async with call.app[DATABASE].session() as session:
        await notification_repo.mark_read(session, call.user.id, None if body.all else body.ids)
    async with call.app[DATABASE].session() as session:
        return UnreadOut(unread=await notification_repo.unread_count(session, call.user.id))
