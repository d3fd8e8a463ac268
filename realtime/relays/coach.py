"""Scaled mode: `ai:cancel` reaches the process that streams the reply.

A user's tabs may be connected to different web processes; the reply streams
in the process that received the question. A cancel arriving elsewhere is
published here and every process cancels its own stream of that session, if
it has one. Pub/sub loses messages only while a subscription is renewed; the
canceller then answers `cancel_pending` and the user can press stop again.
"""

from __future__ import annotations

from typing import Any

from coach.streams import StreamRegistry
from realtime.relays.base import Relay, Spawner


class CoachCancelRelay:
    def __init__(self, relay: Relay, streams: StreamRegistry) -> None:
        self.relay = relay
        self.streams = streams
        self.tasks = Spawner()
        relay.listen(self.receive)

    async def publish(self, session_id: int) -> None:
        await self.relay.publish({"s": session_id})

    def receive(self, meta: dict[str, Any], data: bytes) -> None:
        session_id = int(meta["s"])
        if self.streams.get(session_id) is None:
            return
        self.tasks.spawn(self.streams.cancel(session_id))
