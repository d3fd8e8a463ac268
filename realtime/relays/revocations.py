"""Scaled mode: a revoked login's sockets are closed in every process at once.

The process that revokes a login closes its own sockets of that login and
publishes the login's family here; every other process closes its sockets of
it. Pub/sub may lose the message while a subscription is renewed: the socket
is then refused at its next event, when the revocation (cached a few seconds)
is seen, as before this relay.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Any

from realtime.relays.base import Relay, Spawner

CloseLogin = Callable[[str], Coroutine[Any, Any, None]]
"""close(family): tell and close this process's sockets of that login."""


class RevocationRelay:
    def __init__(self, relay: Relay, close: CloseLogin) -> None:
        self.relay = relay
        self.close = close
        self.tasks = Spawner()
        relay.listen(self.receive)

    async def publish(self, family: str) -> None:
        await self.relay.publish({"f": family})

    def receive(self, meta: dict[str, Any], data: bytes) -> None:
        self.tasks.spawn(self.close(str(meta["f"])))
