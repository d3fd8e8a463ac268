"""The shape of every process-to-process relay: python-socketio's pub/sub manager pattern.

A handler first applies a change in its own process, then publishes it for
the app's other processes. `Relay` is the in-process default: with a single
process there is nobody else to tell, so publishing does nothing. `RedisRelay`
publishes on a Redis channel under this process's host id, hands every other
process's message to the relay's receiver, and ignores its own echo. Redis
pub/sub is at most once: what is published while the subscription is renewed
is lost, so relays carry hints (apply this update, cancel that stream) whose
loss the receiver can survive.
"""

from __future__ import annotations

import asyncio
import json
import logging
import uuid
from collections.abc import Callable, Coroutine
from typing import Any

from redis.asyncio import Redis

from loops import Backoff, LoopService, sleep_or_stop

log = logging.getLogger(__name__)
MAX_BACKOFF = 5.0

Receiver = Callable[[dict[str, Any], bytes], None]
"""receive(meta, data): apply one message another process published."""


def _ignore(meta: dict[str, Any], data: bytes) -> None:
    return None


class Relay(LoopService):
    """In-process default: one process, nobody to tell; `async with` opens nothing."""

    reaches_others = False
    loop_name = "relay"

    def __init__(self) -> None:
        self.receive: Receiver = _ignore

    def listen(self, receive: Receiver) -> None:
        """Hand other processes' messages to `receive` (the relay built on this one)."""
        self.receive = receive

    async def publish(self, meta: dict[str, Any], data: bytes = b"") -> None:
        """Send `meta` (JSON-ready) and `data` to the other processes: here, none."""
        return None

    async def run(self, stop: asyncio.Event) -> None:
        return None  # nothing to listen to


class RedisRelay(Relay):
    """Scaled mode: messages travel on one Redis channel; a broken subscription is renewed."""

    reaches_others = True

    def __init__(self, redis: Redis, channel: str) -> None:
        super().__init__()
        self.redis = redis
        self.channel = channel
        self.host = uuid.uuid4().hex
        self.loop_name = f"relay {channel}"
        self.subscribed = asyncio.Event()  # set while the subscription is up
        # Called when the subscription is back after a failure: pub/sub messages sent in
        # the gap are gone, so whoever can re-deliver from storage does (execution.py).
        self.on_resubscribed: list[Callable[[], None]] = []

    async def publish(self, meta: dict[str, Any], data: bytes = b"") -> None:
        header = json.dumps({**meta, "h": self.host}).encode()
        await self.redis.publish(self.channel, header + b"\n" + data)

    def deliver(self, raw: bytes) -> None:
        """One message off the channel: drop our own echo, hand on the rest."""
        head, _, data = raw.partition(b"\n")
        meta = json.loads(head)
        if meta.pop("h", None) != self.host:
            self.receive(meta, data)

    async def run(self, stop: asyncio.Event) -> None:
        """Deliver messages until `stop`; a message that cannot be handled is logged and skipped."""
        backoff = Backoff(base=0.2, cap=MAX_BACKOFF)
        failed = False
        while not stop.is_set():
            try:
                async with self.redis.pubsub() as pubsub:
                    await pubsub.subscribe(self.channel)
                    self.subscribed.set()
                    backoff.reset()
                    if failed:
                        failed = False
                        for callback in self.on_resubscribed:
                            callback()
                    while not stop.is_set():
                        message = await pubsub.get_message(
                            ignore_subscribe_messages=True, timeout=0.5
                        )
                        if message and message.get("type") == "message":
                            try:
                                self.deliver(message["data"])
                            except Exception:
                                log.exception("bad message on %s", self.channel)
            except asyncio.CancelledError:
                raise
            except Exception:
                self.subscribed.clear()
                failed = True
                delay = backoff.next_delay()
                log.exception("subscription to %s failed; retrying in %.1f s", self.channel, delay)
                await sleep_or_stop(delay, stop)


class Spawner:
    """Starts the work a receiver (a plain callback) hands on, and holds each task until
    it is done: the event loop keeps only weak references to tasks."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[Any]] = set()

    def spawn(self, work: Coroutine[Any, Any, Any]) -> None:
        task = asyncio.get_running_loop().create_task(work)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)


def relay_for(redis: Redis | None, channel: str) -> Relay:
    """A Redis relay on `channel` when the app has Redis, else the in-process default."""
    return RedisRelay(redis, channel) if redis is not None else Relay()
