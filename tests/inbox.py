"""Collecting server events on a Socket.IO client and waiting for the ones a test expects."""

from __future__ import annotations

import asyncio
from collections import defaultdict
from typing import Any

# python-socketio waits 1 s for the namespace handshake by default; the connect handler
# reads the database, and on a busy 2-core machine that can take longer.
CONNECT_TIMEOUT = 15.0


class Inbox:
    """Records server events per name, and waits for them."""

    def __init__(self) -> None:
        self.events: dict[str, list[dict]] = defaultdict(list)
        self._changed = asyncio.Event()

    def handler(self, name: str):
        def record(data: dict) -> None:
            self.events[name].append(data)
            self._changed.set()

        return record

    def handlers(self, *names: str) -> dict:
        return {name: self.handler(name) for name in names}

    async def wait_for(self, name: str, predicate=lambda e: True, within: float = 60.0) -> dict:
        async def wait() -> dict:
            while True:
                for event in self.events[name]:
                    if predicate(event):
                        return event
                self._changed.clear()
                await self._changed.wait()

        return await asyncio.wait_for(wait(), within)


async def until_disconnected(sio: Any, within: float = 10.0) -> None:
    """Wait for the server to close a client's connection (revoked login, suspension)."""
    for _ in range(int(within / 0.05)):
        if not sio.connected:
            return
        await asyncio.sleep(0.05)
    raise AssertionError("the server never closed this connection")
