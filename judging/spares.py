"""Pre-built sandboxes ("spares") for runs that repeat, such as a submission's tests.

While one test runs, the pool builds the sandbox for the next identical run, so that
run starts at once and its setup happens outside the per-core slots. A spare is used
once, exactly like a sandbox built on the spot; only its timing differs.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Coroutine, Hashable
from typing import Any

from judging.sandbox_process import SandboxProcess

log = logging.getLogger(__name__)

Build = Callable[[Any], Awaitable[SandboxProcess]]
Discard = Callable[[SandboxProcess], Awaitable[None]]


class SparePool:
    """Spares by run key, at most `limit` of them, each dropped after `ttl_s` unused.

    build(key) makes a sandbox for the run `key` describes; discard(process) ends one
    and waits until it is gone. Keys are kept in order of last use, so when the pool is
    full the spare of the run that went idle longest makes room.
    """

    def __init__(self, build: Build, discard: Discard, *, limit: int, ttl_s: float) -> None:
        self._build = build
        self._discard = discard
        self.limit = limit
        self.ttl_s = ttl_s
        self._spares: dict[Hashable, list[SandboxProcess]] = {}
        self._building: dict[asyncio.Task[None], Hashable] = {}
        self._cleanups: set[asyncio.Task[None]] = set()

    def take(self, key: Hashable) -> SandboxProcess | None:
        """A ready spare for `key`, if there is one."""
        spares = self._spares[key] = self._spares.pop(key, [])  # re-insert: most recent
        while spares:
            process = spares.pop()
            if process.alive:
                return process
            self._in_background(self._discard(process))
        return None

    def replenish(self, key: Hashable) -> None:
        """Start building one spare for `key` (unless the pool is full of busier runs)."""
        if self.limit <= 0:
            return
        count = sum(len(s) for s in self._spares.values()) + len(self._building)
        if count >= self.limit and not self._evict_other_than(key):
            return

        async def build() -> None:
            try:
                process = await self._build(key)
            except asyncio.CancelledError:
                raise
            except Exception:  # a spare is an optimisation: the run will build its own
                log.debug("building a spare sandbox failed", exc_info=True)
                return
            self._spares.setdefault(key, []).append(process)
            asyncio.get_running_loop().call_later(self.ttl_s, self._expire, key, process)

        task = asyncio.ensure_future(build())
        self._building[task] = key
        task.add_done_callback(lambda done: self._building.pop(done, None))

    async def drop(self, matches: Callable[[Any], bool]) -> None:
        """Cancel builds and discard spares for matching keys; return when all are gone."""
        tasks = [task for task, key in self._building.items() if matches(key)]
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)
        doomed = [p for k in [k for k in self._spares if matches(k)] for p in self._spares.pop(k)]
        await asyncio.gather(*(self._discard(process) for process in doomed))
        if self._cleanups:  # spares evicted or expired a moment ago may be among them
            await asyncio.gather(*list(self._cleanups), return_exceptions=True)

    async def close(self) -> None:
        await self.drop(lambda key: True)
        if self._cleanups:
            await asyncio.gather(*self._cleanups, return_exceptions=True)

    def _evict_other_than(self, key: Hashable) -> bool:
        for other in self._spares:  # least recently used first
            if other != key and self._spares[other]:
                self._in_background(self._discard(self._spares[other].pop(0)))
                if not self._spares[other]:
                    del self._spares[other]
                return True
        return False

    def _expire(self, key: Hashable, process: SandboxProcess) -> None:
        spares = self._spares.get(key, [])
        if process in spares:
            spares.remove(process)
            self._in_background(self._discard(process))
        if not spares:
            self._spares.pop(key, None)

    def _in_background(self, coro: Coroutine[Any, Any, None]) -> None:
        """Run a clean-up without waiting for it, keeping a reference until it ends."""
        task = asyncio.ensure_future(coro)
        self._cleanups.add(task)
        task.add_done_callback(self._cleanups.discard)
