"""Waiting that a stop event or shutdown can cut short, and cancelling that never hangs."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Collection
from typing import Any, TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)

# Seconds cancelled tasks get to unwind at shutdown before we stop waiting for them.
CANCEL_WAIT = 10.0


async def sleep_or_stop(delay: float, stop: asyncio.Event) -> bool:
    """Sleep up to `delay` seconds; True (early) if `stop` was set meanwhile."""
    if stop.is_set():
        return True
    try:
        async with asyncio.timeout(delay):
            await stop.wait()
    except TimeoutError:
        return False
    return True


async def first_or_stop(aw: Awaitable[T], stop: asyncio.Event) -> T | None:
    """Await `aw` unless `stop` is set first (then cancel it and return None).

    If both finish together the result wins, so a dequeued job is never dropped.
    """
    task = asyncio.ensure_future(aw)
    stopper = asyncio.ensure_future(stop.wait())
    try:
        await asyncio.wait({task, stopper}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        stopper.cancel()
        if not task.done():
            task.cancel()
    if task.done() and not task.cancelled():
        return task.result()
    return None


async def cancel_all(tasks: Collection[asyncio.Task[Any]], what: str) -> None:
    """Cancel `tasks` and wait (boundedly) for them: shutdown must end even if a job
    does not unwind."""
    for task in tasks:
        task.cancel()
    if not tasks:
        return
    done, stuck = await asyncio.wait(tasks, timeout=CANCEL_WAIT)
    for task in done:
        if not task.cancelled() and task.exception() is not None:
            log.warning("%s ended with %r while being cancelled", what, task.exception())
    if stuck:
        log.error("%d %s(s) still running %.0f s after cancel", len(stuck), what, CANCEL_WAIT)
