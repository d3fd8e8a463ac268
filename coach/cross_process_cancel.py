"""Stopping a reply that streams in another process (scaled mode), seen through its row.

Every streaming reply has a "streaming" message row. A process that does not
hold the stream asks the others to cancel it (through `publish`, wired by the
realtime layer to a Redis relay) and waits for the row to change; a row older
than `STALE_STREAM` was left by a dead process and is cleared instead.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import timedelta
from typing import Any

from coach.exceptions import CoachError, stream_in_progress_error
from storage.database import Database
from storage.models import utcnow
from storage.repositories import coach as coach_repo

REMOTE_CANCEL_WAIT = 5.0  # seconds a cancel waits for another process to stop its stream
STALE_STREAM = timedelta(minutes=10)  # a "streaming" row this old was left by a dead process

Publish = Callable[[int], Awaitable[None]]
"""publish(session_id): ask every other process to cancel its stream of that session"""


class CrossProcessCancel:
    """Finds and stops replies streaming in other processes.

    publish: asks the other processes to cancel; None in a single process,
    where nothing streams elsewhere.
    """

    def __init__(self, db: Database, publish: Publish | None = None) -> None:
        self.db = db
        self.publish = publish

    async def refuse_if_streaming_elsewhere(self, session: Any, session_id: int) -> None:
        """Another process may be streaming this session: its row says so, unless stale.

        session: the open database session of the caller's transaction.
        """
        other = await coach_repo.streaming_message(session, session_id)
        if other is None:
            return
        if utcnow() - other.created_at < STALE_STREAM:
            raise stream_in_progress_error()
        await coach_repo.finish_message(
            session,
            other.id,
            content=other.content,
            status="error",
            meta={**(other.meta or {}), "error": {"code": "ai_interrupted"}},
        )

    async def cancel(self, session_id: int) -> dict[str, Any] | None:
        """The reply streams in another process; ask it to stop, wait for the row.

        Returns the stopped message as stored, or None when nothing is streaming.
        """
        async with self.db.session() as session:
            other = await coach_repo.streaming_message(session, session_id)
        if other is None or self.publish is None:
            return None
        if utcnow() - other.created_at >= STALE_STREAM:
            return None  # left by a dead process; the next question clears it
        await self.publish(session_id)
        loop = asyncio.get_running_loop()
        deadline = loop.time() + REMOTE_CANCEL_WAIT
        while True:
            async with self.db.session() as session:
                message = await coach_repo.get_message(session, other.id)
            if message.status != "streaming":
                return {
                    "message_id": message.id,
                    "status": message.status,
                    "content": message.content,
                }
            if loop.time() >= deadline:
                raise CoachError(
                    "cancel_pending",
                    "the stop request was sent to the server streaming this reply; "
                    "it has not confirmed yet",
                    retry_after=1,
                    status=503,
                )
            await asyncio.sleep(0.05)
