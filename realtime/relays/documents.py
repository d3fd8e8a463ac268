"""Scaled mode: each web process keeps its copy of a shared document in step with the others.

Clients already get each other's updates: the emit to `doc:<room>` goes through
the Socket.IO Redis manager to every process. The server copies need the same
updates too, because they answer a late joiner's step 1, autosave and compact.
So every update a process applies for its own clients is also published here;
the other processes apply it to their copy without storing it (its process
stores it) and remember it for a few seconds, in case their copy is being
loaded from the database before the publisher has stored it. Cursor
announcements and removals travel the same way, so a newcomer on any process
gets the cursors already there. With one process the relay is the in-process
default and publishing does nothing.

Redis pub/sub delivers at most once: a process that loses its subscription
for a while misses what was published meanwhile until it reloads the document
(when it is idle long enough to be evicted). docs/pair-editing.md has the details.
"""

from __future__ import annotations

import logging
from typing import Any

from realtime.relays.base import Relay
from rooms.doc_registry import DocumentRegistry

log = logging.getLogger(__name__)


class DocumentRelay:
    def __init__(self, relay: Relay, registry: DocumentRegistry) -> None:
        self.relay = relay
        self.registry = registry
        relay.listen(self.receive)

    async def publish(
        self, kind: str, room_id: str, data: bytes, user_id: int, conn: str = ""
    ) -> None:
        """`kind` "update" (a Yjs update) or "awareness" (an awareness update as relayed)."""
        try:
            await self.relay.publish({"k": kind, "r": room_id, "u": user_id, "c": conn}, data)
        except Exception:
            # The local copy and the clients already have it; other copies catch up on reload.
            log.exception("could not publish a document %s for room %s", kind, room_id)

    def receive(self, meta: dict[str, Any], data: bytes) -> None:
        if meta["k"] == "update":
            self.registry.apply_remote(meta["r"], data, meta["u"])
        elif meta["k"] == "awareness":
            self.registry.announce_remote(meta["r"], data, meta["c"], meta["u"])
