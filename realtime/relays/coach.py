"""Scaled mode: `ai:cancel` reaches the process that streams the reply.

A user's tabs may be connected to different web processes; the reply streams
in the process that received the question. A cancel arriving elsewhere is
published here and every process cancels its own stream of that session, if
it has one. Pub/sub loses messages only while a subscription is renewed; the
canceller then answers `cancel_pending` and the user can press stop again.
"""

from __future__ import annotations

import asyncio
import json
import uuid
from typing import Any

from coach.streams import StreamRegistry
from realtime.relays.pubsub import listen


class CoachCancelRelay:
    def __init__(self, redis: Any, channel: str, streams: StreamRegistry) -> None:
        self.redis = redis
        self.channel = channel
        self.streams = streams
        self.host = uuid.uuid4().hex
        self.subscribed = asyncio.Event()
        self._tasks: set[asyncio.Task[Any]] = set()

    async def publish(self, session_id: int) -> None:
        await self.redis.publish(self.channel, json.dumps({"h": self.host, "s": session_id}))

    def receive(self, raw: bytes) -> None:
        message = json.loads(raw)
        if message["h"] == self.host or self.streams.get(int(message["s"])) is None:
            return
        task = asyncio.get_running_loop().create_task(self.streams.cancel(int(message["s"])))
        self._tasks.add(task)  # held until done: the loop keeps only weak references
        task.add_done_callback(self._tasks.discard)

    async def run(self, stop: asyncio.Event) -> None:
        await listen(self.redis, self.channel, self.receive, stop, self.subscribed)
