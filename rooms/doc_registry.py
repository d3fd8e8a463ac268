"""The shared documents a process holds: load once, keep stored, autosave, drop when idle.

Like pycrdt-websocket's `WebsocketServer.get_room`, a document is created on
first use (here: loaded from the store) and dropped once nobody has been
connected to it for a while. One keeper task per process does all the store
work in order: it wakes when a document changes and, `flush_delay` later,
appends every update applied meanwhile in one transaction; it compacts after
`compact_every` updates or `compact_idle` seconds of quiet, and autosaves at
most every `autosave_every` seconds. Handlers never wait for the store. A
graceful stop stores everything; a crash can lose the last `flush_delay` of
updates on the server, which the clients that made them send again in their
next sync (the server's step 1 shows what it lacks).

Two locks per room: `gate` orders the slow path of a message (authorise,
load, connect, apply) and eviction; `io` keeps store writes of one document
in order. A message from a connected member takes the fast path only while
nobody holds or waits for the gate, so a connection's messages are applied
in the order they arrived.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections import deque
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from datetime import timedelta

from loops import Backoff, LoopService, sleep_or_stop
from rooms.awareness import AwarenessRefused, RoomAwareness
from rooms.document_store import DocumentStore
from rooms.documents import DocumentError, DocumentLimits, SharedDocument
from rooms.room import Room, RoomError
from rooms.yjs_wire import MalformedFrame, parse_awareness

log = logging.getLogger(__name__)

RoomLoader = Callable[[str], Awaitable[Room]]
MAX_BACKOFF = 5.0


@dataclass
class DocPolicy:
    """When the keeper compacts, autosaves and evicts; mutable so tests can speed it up."""

    compact_every: int = 500  # updates since the last snapshot
    compact_idle: float = 10.0  # seconds without a change before compacting what is there
    autosave_every: float = 3.0  # at most one practice-session autosave per document per period
    evict_idle: float = 120.0  # seconds with nobody connected before the copy is dropped
    tick: float = 0.5  # how often the keeper looks at timers when nothing wakes it
    flush_delay: float = 0.1  # gather this long after a change: one transaction per batch
    snapshot_every: timedelta = timedelta(seconds=30)  # practice-session playback snapshots
    remote_memory: float = 5.0  # seconds other processes' updates are kept for loading copies
    limits: DocumentLimits = field(default_factory=DocumentLimits)


@dataclass
class _Gate:
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)
    users: int = 0


@dataclass
class _Timers:
    autosaved_version: int = 0
    autosaved_at: float = 0.0
    io: asyncio.Lock = field(default_factory=asyncio.Lock)


class DocumentRegistry(LoopService):
    """This process's shared documents; `async with registry` runs the keeper."""

    loop_name = "document-keeper"

    def __init__(
        self,
        store: DocumentStore,
        load_room: RoomLoader,
        languages: Sequence[str],
        policy: DocPolicy | None = None,
    ) -> None:
        self.store = store
        self.load_room = load_room
        self.languages = tuple(languages)
        self.policy = policy or DocPolicy()
        self.docs: dict[str, SharedDocument] = {}
        self._timers: dict[str, _Timers] = {}
        self._gates: dict[str, _Gate] = {}
        self._by_conn: dict[str, set[str]] = {}
        self._recent: dict[str, deque[tuple[float, bytes]]] = {}  # other processes' updates
        self._remote_cursors: dict[str, RoomAwareness] = {}  # other processes' members
        self._wake = asyncio.Event()

    # Access

    def get(self, room_id: str) -> SharedDocument | None:
        return self.docs.get(room_id)

    def connected(self, room_id: str, conn: str) -> SharedDocument | None:
        """The document if `conn` may take the fast path for it, else None."""
        doc = self.docs.get(room_id)
        if doc is None or conn not in doc.connections or room_id in self._gates:
            return None
        return doc

    @contextlib.asynccontextmanager
    async def gate(self, room_id: str) -> AsyncIterator[None]:
        """Hold the room's slow-path lock; entries vanish when unused, so ids cost nothing."""
        entry = self._gates.setdefault(room_id, _Gate())
        entry.users += 1
        try:
            async with entry.lock:
                yield
        finally:
            entry.users -= 1
            if entry.users == 0:
                del self._gates[room_id]

    async def open(self, room_id: str, keep_history: bool) -> SharedDocument:
        """The loaded document, loading it first if needed; call it holding `gate(room_id)`."""
        doc = self.docs.get(room_id)
        if doc is None:
            doc = SharedDocument(
                room_id, self.languages, keep_history=keep_history, limits=self.policy.limits
            )
            await self.store.load(doc)
            self._trim(room_id)
            for _, update in self._recent.get(room_id, ()):  # not stored by their process yet
                self._apply_quietly(doc, update, None)
            if room_id in self._remote_cursors:
                doc.awareness.adopt(self._remote_cursors[room_id])
            doc.saved_texts = doc.texts()  # what is stored was autosaved when it was written
            self.docs[room_id] = doc
            self._timers[room_id] = _Timers(autosaved_version=doc.version)
        return doc

    def connect(self, doc: SharedDocument, conn: str, user_id: int) -> None:
        doc.connect(conn, user_id)
        self._by_conn.setdefault(conn, set()).add(doc.room_id)

    def disconnect(self, conn: str, room_id: str | None = None) -> list[tuple[str, bytes]]:
        """Detach `conn` from one room (or all); the awareness removals to broadcast."""
        rooms = self._by_conn.get(conn, set())
        targets = [room_id] if room_id is not None else list(rooms)
        removals = []
        for rid in targets:
            rooms.discard(rid)
            doc = self.docs.get(rid)
            removal = doc.disconnect(conn) if doc else None
            if removal:
                removals.append((rid, removal))
        if not rooms:
            self._by_conn.pop(conn, None)
        return removals

    # Other processes (scaled mode): their updates and cursors, applied to our copy

    def apply_remote(self, room_id: str, update: bytes, author_id: int | None) -> None:
        """An update another process applied (and stores); kept a while for a copy loading now."""
        recent = self._recent.setdefault(room_id, deque())
        recent.append((time.monotonic(), update))
        self._trim(room_id)
        doc = self.docs.get(room_id)
        if doc is not None:
            self._apply_quietly(doc, update, author_id)

    def announce_remote(self, room_id: str, data: bytes, conn: str, user_id: int) -> None:
        """Cursors announced to (or removed by) another process, for our newcomers.

        Kept even while the document is not loaded here (a cursor lives as long as its
        connection), and handed to the document when it loads.
        """
        try:
            entries = parse_awareness(data)
            cursors = self._remote_cursors.setdefault(room_id, RoomAwareness())
            cursors.apply(entries, f"remote:{conn}", user_id)
            doc = self.docs.get(room_id)
            if doc is not None:
                doc.awareness.apply(entries, f"remote:{conn}", user_id)
        except (MalformedFrame, AwarenessRefused):
            log.warning("ignored a remote awareness update for room %s", room_id)
        if room_id in self._remote_cursors and not self._remote_cursors[room_id].states():
            del self._remote_cursors[room_id]

    def _apply_quietly(self, doc: SharedDocument, update: bytes, author_id: int | None) -> None:
        try:
            doc.apply(update, author_id, store=False)
        except DocumentError as exc:
            log.warning("remote update for room %s refused: %s", doc.room_id, exc.message)

    def _trim(self, room_id: str) -> None:
        recent = self._recent.get(room_id)
        horizon = time.monotonic() - self.policy.remote_memory
        while recent and recent[0][0] < horizon:
            recent.popleft()
        if not recent:
            self._recent.pop(room_id, None)

    def changed(self) -> None:
        """Wake the keeper: a document has updates to store."""
        self._wake.set()

    # Keeper

    async def run(self, stop: asyncio.Event) -> None:
        """Store, compact, autosave and evict until `stop` is set; failures retry with backoff."""
        backoff, delay = Backoff(base=0.1, cap=MAX_BACKOFF), 0.0
        while not stop.is_set():
            if await sleep_or_stop(self.policy.tick + delay, self._wake):
                # A change: let its neighbours join it.
                await sleep_or_stop(self.policy.flush_delay, stop)
            self._wake.clear()
            for room_id in list(self._recent):
                self._trim(room_id)
            failed = False
            for room_id in list(self.docs):
                try:
                    await self.maintain(room_id)
                except asyncio.CancelledError:
                    raise
                except Exception:
                    failed = True
                    log.exception("keeping shared document of room %s failed", room_id)
            if failed:
                delay = backoff.next_delay()
            else:
                backoff.reset()
                delay = 0.0

    async def maintain(self, room_id: str, *, final: bool = False) -> None:
        """Do whatever store work is due for one document (all of it when `final`)."""
        doc, timers = self.docs.get(room_id), self._timers.get(room_id)
        if doc is None or timers is None:
            return
        policy, now = self.policy, time.monotonic()
        async with timers.io:
            await self.store.flush(doc)
            quiet = now - doc.last_change >= policy.compact_idle
            # Near the size limit, a snapshot drops the deleted text the estimate still counts.
            limit = policy.limits.max_document_bytes
            crowded = (
                doc.approx_bytes > 0.8 * limit and doc.approx_bytes - doc.base_bytes > 0.1 * limit
            )
            if doc.updates_since_snapshot >= policy.compact_every or (
                doc.updates_since_snapshot and (quiet or final or crowded)
            ):
                await self.store.compact(doc)
            if doc.version != timers.autosaved_version and (
                final or now - timers.autosaved_at >= policy.autosave_every
            ):
                version = doc.version
                try:
                    room = await self.load_room(room_id)
                except RoomError:
                    room = None  # the room is gone (its history went with it)
                complete = room is None or await self.store.autosave(
                    doc, room, policy.snapshot_every
                )
                timers.autosaved_at = now
                if complete:  # else the next period tries again, even with no new edit
                    timers.autosaved_version = version
        if not final and not doc.connections and now - doc.last_change >= policy.evict_idle:
            await self.evict(room_id)

    async def evict(self, room_id: str) -> None:
        async with self.gate(room_id):
            doc = self.docs.get(room_id)
            if doc is None or doc.connections:
                return
            await self.maintain(room_id, final=True)
            del self.docs[room_id]
            del self._timers[room_id]

    async def flush(self, room_id: str) -> None:
        """Store what a loaded document has pending now (before reading its history)."""
        doc, timers = self.docs.get(room_id), self._timers.get(room_id)
        if doc is not None and timers is not None:
            async with timers.io:
                await self.store.flush(doc)

    async def stop(self) -> None:
        """Stop the keeper, then store everything (shutdown)."""
        await super().stop()
        await self.close()

    async def close(self) -> None:
        """Store, compact and autosave everything (shutdown)."""
        for room_id in list(self.docs):
            try:
                await self.maintain(room_id, final=True)
            except Exception:
                log.exception("final store of shared document of room %s failed", room_id)
