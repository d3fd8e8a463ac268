"""The shared document of a pair or interview room: one pycrdt Doc, one Y.Text per language
and a Y.Map `scene` for a system-design drawing.

Pure in-memory logic in the shape of pycrdt-websocket's `YRoom`: sync messages
from any member are applied to the one server copy, the update each one
really made (the Doc observer's, so duplicates and no-ops vanish) is returned
for the caller to relay and queued for the store, and the awareness states of
the connected members are kept beside it. Nothing here awaits: a handler
applies an update before its first `await`, so updates are applied in the
order their events arrived (see docs/pair-editing.md).
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from pycrdt import Doc, Map, Text, TransactionEvent, get_state, merge_updates

from rooms.awareness import AwarenessChange, AwarenessRefused, RoomAwareness
from rooms.yjs_wire import MalformedFrame, SyncType, parse_awareness, parse_sync, sync_message

EMPTY_UPDATE = b"\x00\x00"
SCENE_ROOT = "scene"  # Y.Map of Excalidraw elements by id, beside the code texts


@dataclass
class DocumentLimits:
    """Sizes that keep one document inside a Socket.IO message (4 MiB by default)."""

    max_update_bytes: int = 1024 * 1024
    max_document_bytes: int = 3 * 1024 * 1024
    max_awareness_bytes: int = 64 * 1024


class DocumentError(Exception):
    """A refused document message; nothing was applied. `code` is safe to show the sender."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


@dataclass(frozen=True)
class HistoryRow:
    """One applied update waiting for the store, with who made it and when."""

    data: bytes
    author_id: int | None
    at: datetime


@dataclass(frozen=True)
class SyncResult:
    """`replies` go back to the sender; `update` (a sync update message) to everyone else."""

    replies: list[bytes] = field(default_factory=list)
    update: bytes | None = None
    applied: bytes = b""  # the Yjs update itself (what `update` carries)


class SharedDocument:
    """A room's Doc, its awareness, its connected members and its not-yet-stored history."""

    def __init__(
        self,
        room_id: str,
        languages: Sequence[str],
        *,
        keep_history: bool = False,
        limits: DocumentLimits | None = None,
    ) -> None:
        self.room_id = room_id
        self.languages = tuple(languages)
        self.keep_history = keep_history
        self.limits = limits or DocumentLimits()
        self.doc: Doc = Doc()
        self.awareness = RoomAwareness()
        self.connections: dict[str, int] = {}  # socket id -> user id of members syncing
        self.pending: list[HistoryRow] = []  # applied, not yet stored
        self.stored_ids: list[int] = []  # rows in the store this copy already contains
        self.updates_since_snapshot = 0
        self.approx_bytes = 0  # snapshot size + updates since: bounds the document cheaply
        self.base_bytes = 0  # size of what was loaded or last compacted
        self.version = 0  # bumps on every change; autosave and compaction compare it
        self.last_change = time.monotonic()
        self.saved_texts: dict[str, str] = {}  # what autosave last wrote, per language
        self._captured: list[bytes] = []
        self.doc.observe(self._capture)

    def _capture(self, event: TransactionEvent) -> None:
        update = event.update
        if update != EMPTY_UPDATE:
            self._captured.append(update)

    # Loading

    def load(self, updates: Iterable[bytes]) -> None:
        """Apply stored history (snapshot first) without queueing it for the store again."""
        chunks = [u for u in updates if u]
        # One by one in one transaction: merging 10,000 keystrokes first is ~10x slower.
        with self.doc.transaction():
            for chunk in chunks:
                self.doc.apply_update(chunk)
        self._captured.clear()
        self.approx_bytes = self.base_bytes = sum(len(c) for c in chunks)

    # Sync protocol

    def sync(self, data: bytes, author_id: int | None, now: datetime | None = None) -> SyncResult:
        """Handle one `y-protocols/sync` message; raises DocumentError and applies nothing."""
        try:
            message = parse_sync(data)
        except MalformedFrame as exc:
            raise DocumentError("invalid_update", f"malformed sync message: {exc}") from None
        if message.type is SyncType.STEP1:
            try:
                missing = self.doc.get_update(message.payload)
            except ValueError:
                raise DocumentError("invalid_update", "malformed state vector in step 1") from None
            return SyncResult(
                replies=[
                    sync_message(SyncType.STEP2, missing),
                    sync_message(SyncType.STEP1, self.doc.get_state()),
                ]
            )
        update = self.apply(message.payload, author_id, now)
        if not update:
            return SyncResult()
        return SyncResult(update=sync_message(SyncType.UPDATE, update), applied=update)

    def apply(
        self,
        update: bytes,
        author_id: int | None,
        now: datetime | None = None,
        *,
        store: bool = True,
    ) -> bytes:
        """Apply a Yjs update; returns what it changed (b"" for nothing new).

        `store=False` for an update another process applied first and stores itself.
        """
        limits = self.limits
        if len(update) > limits.max_update_bytes:
            raise DocumentError(
                "update_too_large",
                f"update of {len(update)} bytes exceeds {limits.max_update_bytes}",
            )
        if self.approx_bytes + len(update) > limits.max_document_bytes:
            raise DocumentError(
                "document_too_large",
                f"the document would exceed {limits.max_document_bytes} bytes",
            )
        if update == EMPTY_UPDATE:
            return b""
        try:
            get_state(update)  # decodes the whole update without touching the Doc
        except ValueError:
            raise DocumentError("invalid_update", "malformed Yjs update") from None
        self._captured.clear()
        try:
            self.doc.apply_update(update)
        except ValueError:
            raise DocumentError("invalid_update", "the update does not apply") from None
        if not self._captured:
            return b""
        effective = (
            self._captured[0] if len(self._captured) == 1 else merge_updates(*self._captured)
        )
        self._captured.clear()
        if store:
            self.pending.append(HistoryRow(effective, author_id, now or datetime.now(UTC)))
        self.approx_bytes += len(effective)
        self.version += 1
        self.last_change = time.monotonic()
        return effective

    # Awareness

    def announce(self, data: bytes, conn: str, user_id: int) -> AwarenessChange:
        """Apply an awareness update from `conn`; raises DocumentError and applies nothing."""
        if len(data) > self.limits.max_awareness_bytes:
            raise DocumentError(
                "awareness_too_large",
                f"awareness update exceeds {self.limits.max_awareness_bytes} bytes",
            )
        try:
            entries = parse_awareness(data)
        except MalformedFrame as exc:
            raise DocumentError("invalid_awareness", f"malformed awareness update: {exc}") from None
        try:
            return self.awareness.apply(entries, conn, user_id)
        except AwarenessRefused as exc:
            raise DocumentError(exc.code, exc.message) from None

    # Members

    def connect(self, conn: str, user_id: int) -> None:
        self.connections[conn] = user_id

    def disconnect(self, conn: str) -> bytes | None:
        """Forget a connection; returns the awareness removal to send to the others."""
        self.connections.pop(conn, None)
        return self.awareness.disconnect(conn)

    # Reading

    def text(self, language: str) -> str:
        if language not in self.doc.keys():
            return ""
        return str(self.doc.get(language, type=Text))

    def texts(self) -> dict[str, str]:
        """The text of every known language that has a root in the document."""
        present = set(self.doc.keys())
        return {lang: self.text(lang) for lang in self.languages if lang in present}

    def scene_elements(self) -> list[dict[str, Any]]:
        """The shared system-design scene: the `scene` Y.Map's values (element id -> element).

        Empty when nobody drew yet, or when a client made `scene` some other type.
        """
        if SCENE_ROOT not in self.doc.keys():
            return []
        try:
            scene = self.doc.get(SCENE_ROOT, type=Map).to_py() or {}
        except (TypeError, ValueError):
            return []
        return [e for _, e in sorted(scene.items()) if isinstance(e, dict)]

    def snapshot(self) -> bytes:
        return self.doc.get_update()
