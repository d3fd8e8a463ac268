"""One task per streamed reply, held by reference until it ends, addressable by session.

asyncio keeps only weak references to tasks, so an unreferenced stream could be
collected mid-reply (python-socketio keeps `task_reference_holder` for the same
reason). A session slot is reserved synchronously before any await, which is
what makes "one stream per session at a time" race-free within a process.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from dataclasses import dataclass, field
from typing import Any

from coach.exceptions import shutting_down_error
from loops import cancel_all

log = logging.getLogger(__name__)


@dataclass
class ActiveStream:
    """A running reply; `shown` is the text delivered so far (what a cancel keeps)."""

    session_id: int
    message_id: int
    user_id: int
    task: asyncio.Task[None] | None = None
    shown: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.shown)


class StreamRegistry:
    """session id -> its running reply; background jobs (generation) are held here too."""

    def __init__(self) -> None:
        self._streams: dict[int, ActiveStream] = {}
        self._reserved: set[int] = set()
        self._jobs: set[asyncio.Task[Any]] = set()
        self.closed = False

    def get(self, session_id: int) -> ActiveStream | None:
        return self._streams.get(session_id)

    def busy(self, session_id: int) -> bool:
        return session_id in self._reserved or session_id in self._streams

    def reserve(self, session_id: int) -> bool:
        """Claim the session's slot; False if a reply is already running or starting."""
        if self.closed:
            raise shutting_down_error()
        if self.busy(session_id):
            return False
        self._reserved.add(session_id)
        return True

    def release(self, session_id: int) -> None:
        self._reserved.discard(session_id)

    def start(self, stream: ActiveStream, work: Coroutine[Any, Any, None]) -> ActiveStream:
        """Run `work` as the session's stream task (the slot must be reserved)."""
        self._reserved.discard(stream.session_id)
        self._refuse_if_closed(work)
        stream.task = asyncio.create_task(work, name=f"coach-stream-{stream.session_id}")
        self._streams[stream.session_id] = stream

        def done(task: asyncio.Task[None]) -> None:
            if self._streams.get(stream.session_id) is stream:
                del self._streams[stream.session_id]
            if not task.cancelled() and task.exception() is not None:
                log.error("coach stream failed", exc_info=task.exception())

        stream.task.add_done_callback(done)
        return stream

    async def cancel(self, session_id: int, wait: float = 5.0) -> ActiveStream | None:
        """Cancel the session's stream and wait (bounded) until it has recorded its end."""
        stream = self._streams.get(session_id)
        if stream is None or stream.task is None:
            return None
        if not stream.task.cancelling():  # once is enough; the reply is already ending
            stream.task.cancel()
        await asyncio.wait({stream.task}, timeout=wait)
        return stream

    def spawn(self, work: Coroutine[Any, Any, Any], name: str) -> asyncio.Task[Any]:
        """Run a background job (e.g. problem generation), holding its reference."""
        self._refuse_if_closed(work)
        task = asyncio.create_task(work, name=name)
        self._jobs.add(task)
        task.add_done_callback(self._jobs.discard)
        return task

    def _refuse_if_closed(self, work: Coroutine[Any, Any, Any]) -> None:
        """After close() nobody would cancel the task, so it must not start."""
        if self.closed:
            work.close()
            raise shutting_down_error()

    async def close(self) -> None:
        """Cancel everything still running (shutdown) and wait for it to wind down."""
        self.closed = True
        tasks = [s.task for s in self._streams.values() if s.task is not None] + list(self._jobs)
        await cancel_all(tasks, "coach task")

    def __len__(self) -> int:
        return len(self._streams)
