"""One Redis pub/sub subscription kept alive: the loop the process-to-process relays share.

Redis pub/sub is at most once: what is published while the subscription is
being renewed is lost, so relays built on it carry hints (apply this update,
cancel that stream) whose loss the receiver can survive.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)
MAX_BACKOFF = 5.0


async def listen(
    redis: Any,
    channel: str,
    handle: Callable[[bytes], None],
    stop: asyncio.Event,
    subscribed: asyncio.Event | None = None,
) -> None:
    """Call `handle(data)` per message until `stop`; renew a broken subscription with backoff.

    A message `handle` cannot process is logged and skipped.
    """
    backoff = 0.0
    while not stop.is_set():
        try:
            async with redis.pubsub() as pubsub:
                await pubsub.subscribe(channel)
                if subscribed is not None:
                    subscribed.set()
                backoff = 0.0
                while not stop.is_set():
                    message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=0.5)
                    if message and message.get("type") == "message":
                        try:
                            handle(message["data"])
                        except Exception:
                            log.exception("bad message on %s", channel)
        except asyncio.CancelledError:
            raise
        except Exception:
            if subscribed is not None:
                subscribed.clear()
            backoff = min(MAX_BACKOFF, backoff * 2 or 0.2)
            log.exception("subscription to %s failed; retrying in %.1f s", channel, backoff)
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(backoff):
                    await stop.wait()
