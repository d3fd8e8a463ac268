"""A background loop opened with `start()` and closed with `stop()`, or with `async with`."""

from __future__ import annotations

import abc
import asyncio
from typing import Any, Self


class LoopService(abc.ABC):
    """Runs `run(stop)` as one task from `start()` until `stop()` sets `stop` and awaits it.

    The lifecycle of pycrdt-websocket's `WebsocketServer` (start/stop, or
    `async with server`): the owner opens it at start-up and closes it at
    shutdown; a service that is never started (e.g. one used only for its
    methods in a judge worker) runs nothing.
    """

    loop_name = "service"
    _task: asyncio.Task[None] | None = None
    _stop: asyncio.Event | None = None

    @abc.abstractmethod
    async def run(self, stop: asyncio.Event) -> None:
        """The loop: return once `stop` is set; failures inside should be logged and retried."""

    async def start(self) -> None:
        if self._task is None:
            self._stop = asyncio.Event()
            self._task = asyncio.create_task(self.run(self._stop), name=self.loop_name)

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None and self._stop is not None:
            self._stop.set()
            await task

    async def __aenter__(self) -> Self:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: Any) -> None:
        await self.stop()
