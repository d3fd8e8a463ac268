"""Who is in a shared document and where their cursor is: y-protocols awareness, server side.

The server keeps the last state of every awareness client id (a Yjs client,
not a user) together with the connection that announced it, so it can hand a
newcomer every state already there and, when a connection leaves, tell the
others exactly which ids are gone. Announcements are relayed in the server's
own encoding, which lets it fix the clock of a client that comes back after a
removal: peers ignore a re-announced id whose clock they have already seen
removed, so the server bumps it (and echoes the bump to the sender, whose
next local change then carries a clock the peers accept).

pycrdt's `Awareness` does the same bookkeeping for a local peer; here there
is no local state and ownership matters, so a few dicts are clearer.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rooms.yjs_wire import AwarenessEntry, awareness_message

MAX_CLIENTS = 256  # awareness ids one document keeps; more is a misbehaving client


class AwarenessRefused(Exception):
    """An announcement that is refused as a whole; `code` is safe to show the sender."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass
class _Client:
    clock: int
    state: Any  # None once removed; the clock is kept so stale re-announcements lose
    owner: str | None  # connection (socket id) that announced the live state
    user_id: int | None


@dataclass(frozen=True)
class AwarenessChange:
    """What to send after an announcement: `relay` to the others, `echo` back to the sender."""

    relay: bytes | None
    echo: bytes | None


class RoomAwareness:
    def __init__(self) -> None:
        self.clients: dict[int, _Client] = {}

    def apply(self, entries: list[AwarenessEntry], conn: str, user_id: int) -> AwarenessChange:
        """Record what `conn` (a socket of `user_id`) announced; refuse another user's ids."""
        for entry in entries:
            known = self.clients.get(entry.client_id)
            if known and known.state is not None and known.user_id not in (None, user_id):
                raise AwarenessRefused(
                    "not_owner", f"awareness id {entry.client_id} belongs to another member"
                )
        live = sum(1 for c in self.clients.values() if c.state is not None)
        if live + len(entries) > MAX_CLIENTS and any(
            e.client_id not in self.clients for e in entries
        ):
            raise AwarenessRefused("too_many_clients", "this document has too many cursors")
        changed: list[AwarenessEntry] = []
        bumped = False
        for entry in entries:
            accepted = self._accept(entry)
            if accepted is None:
                continue
            bumped |= accepted.clock != entry.clock
            owned = accepted.state is not None
            self.clients[entry.client_id] = _Client(
                accepted.clock,
                accepted.state,
                conn if owned else None,
                user_id if owned else None,
            )
            changed.append(accepted)
        relay = awareness_message(changed) if changed else None
        return AwarenessChange(relay, relay if bumped else None)

    def _accept(self, entry: AwarenessEntry) -> AwarenessEntry | None:
        """The entry as the server will store and relay it, or None if it changes nothing."""
        known = self.clients.get(entry.client_id)
        if known is None:
            return entry if entry.state is not None else None
        if entry.clock > known.clock:
            return entry
        if entry.state is None:  # same-clock removal of a live state, as y-protocols allows
            return entry if entry.clock == known.clock and known.state is not None else None
        if known.state is None:  # a client back after its removal: peers need a newer clock
            return AwarenessEntry(entry.client_id, known.clock + 1, entry.state)
        return None

    def disconnect(self, conn: str) -> bytes | None:
        """Drop every live state `conn` announced; the removal message for the others."""
        gone = []
        for client_id, client in self.clients.items():
            if client.owner == conn and client.state is not None:
                client.state, client.owner, client.user_id = None, None, None
                gone.append(AwarenessEntry(client_id, client.clock, None))
        if len(self.clients) > 2 * MAX_CLIENTS:
            # Removed ids only guard against stale re-announcements for a while: forget them.
            self.clients = {k: c for k, c in self.clients.items() if c.state is not None}
        return awareness_message(gone) if gone else None

    def snapshot(self) -> bytes | None:
        """Every live state, for a newcomer."""
        live = [
            AwarenessEntry(cid, c.clock, c.state)
            for cid, c in self.clients.items()
            if c.state is not None
        ]
        return awareness_message(live) if live else None

    def adopt(self, other: RoomAwareness) -> None:
        """Take over the live states of `other` (cursors of another process's members)."""
        for client_id, client in other.clients.items():
            if client.state is not None:
                self.clients[client_id] = _Client(
                    client.clock, client.state, client.owner, client.user_id
                )

    def states(self) -> dict[int, Any]:
        return {cid: c.state for cid, c in self.clients.items() if c.state is not None}
