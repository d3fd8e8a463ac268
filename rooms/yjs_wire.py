"""The y-protocols wire forms, read strictly: sync messages and awareness updates.

pycrdt's own decoder is lenient (it reads past the end or ignores trailing
bytes), which is right for a trusted peer but not for bytes from any socket.
These readers accept exactly what `y-protocols/sync` and
`y-protocols/awareness` write and raise `MalformedFrame` for anything else, so
a handler can refuse bad input before it touches a document.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from pycrdt import write_var_uint

MAX_VAR_UINT_BYTES = 8  # lib0 writes JS numbers up to 2**53: at most 8 bytes of 7 bits


class MalformedFrame(ValueError):
    """Bytes that are not the y-protocols message they claim to be."""


class SyncType(IntEnum):
    STEP1 = 0  # payload: a state vector
    STEP2 = 1  # payload: an update (the answer to a step 1)
    UPDATE = 2  # payload: an update


@dataclass(frozen=True)
class SyncMessage:
    type: SyncType
    payload: bytes


@dataclass(frozen=True)
class AwarenessEntry:
    """One client's awareness state; `state` None means the client is gone."""

    client_id: int
    clock: int
    state: Any


class _Reader:
    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def var_uint(self) -> int:
        value = shift = 0
        for _ in range(MAX_VAR_UINT_BYTES):
            if self.pos >= len(self.data):
                raise MalformedFrame("message ends inside a number")
            byte = self.data[self.pos]
            self.pos += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                return value
        raise MalformedFrame("number longer than 53 bits")

    def var_bytes(self) -> bytes:
        length = self.var_uint()
        end = self.pos + length
        if end > len(self.data):
            raise MalformedFrame(f"length {length} runs past the end of the message")
        chunk = self.data[self.pos : end]
        self.pos = end
        return chunk

    def end(self) -> None:
        if self.pos != len(self.data):
            raise MalformedFrame(f"{len(self.data) - self.pos} unexpected trailing bytes")


def parse_sync(data: bytes) -> SyncMessage:
    """Read `varUint(type) varUint8Array(payload)` with nothing after it."""
    reader = _Reader(data)
    kind = reader.var_uint()
    if kind not in SyncType._value2member_map_:
        raise MalformedFrame(f"unknown sync message type {kind}")
    payload = reader.var_bytes()
    reader.end()
    return SyncMessage(SyncType(kind), payload)


def sync_message(kind: SyncType, payload: bytes) -> bytes:
    """The sync message `y-protocols/sync` would write (no outer y-websocket byte)."""
    return bytes([kind]) + write_var_uint(len(payload)) + payload


def parse_awareness(data: bytes) -> list[AwarenessEntry]:
    """Read an `encodeAwarenessUpdate` message: count, then (id, clock, JSON state) each."""
    reader = _Reader(data)
    entries = []
    for _ in range(reader.var_uint()):
        client_id, clock = reader.var_uint(), reader.var_uint()
        raw = reader.var_bytes()
        try:
            state = json.loads(raw.decode("utf-8")) if raw else None
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise MalformedFrame(f"awareness state of {client_id} is not JSON") from exc
        entries.append(AwarenessEntry(client_id, clock, state))
    reader.end()
    return entries


def awareness_message(entries: list[AwarenessEntry]) -> bytes:
    """Encode entries exactly as `encodeAwarenessUpdate` does."""
    out = [write_var_uint(len(entries))]
    for entry in entries:
        text = json.dumps(entry.state, separators=(",", ":")).encode()
        out += [
            write_var_uint(entry.client_id),
            write_var_uint(entry.clock),
            write_var_uint(len(text)),
            text,
        ]
    return b"".join(out)
