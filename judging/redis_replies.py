"""Reading Redis replies whichever way the client was built.

A caller may hand the queue a client with or without decode_responses, speaking RESP2
or RESP3, and Lua scripts return raw flat lists; these turn all of them into str data.
"""

from __future__ import annotations

import json
from typing import Any


def text(value: Any) -> str:
    """Decode a reply element; callers may pass a client without decode_responses."""
    return value.decode() if isinstance(value, bytes) else str(value)


def field_map(fields: Any) -> dict[str, str]:
    """Entry fields as a dict, from a parsed reply (dict) or a raw Lua reply (flat list)."""
    if isinstance(fields, dict):
        return {text(k): text(v) for k, v in fields.items()}
    items = list(fields)
    return {text(k): text(v) for k, v in zip(items[::2], items[1::2], strict=True)}


def decode_payload(raw: str) -> dict[str, Any]:
    """A stored payload, or {} if it is unreadable (that may be why the job failed)."""
    try:
        payload = json.loads(raw)
    except ValueError:
        return {}
    return payload if isinstance(payload, dict) else {}


def stream_entries(reply: Any) -> list[tuple[str, dict[str, str]]]:
    """(id, fields) pairs from an XREADGROUP reply, RESP2 (list) or RESP3 (dict)."""
    if not reply:
        return []
    streams = reply.values() if isinstance(reply, dict) else (item[1] for item in reply)
    found: list[tuple[str, dict[str, str]]] = []
    for entries in streams:
        for entry in entries:
            entry_id, fields = entry[0], entry[1]
            if fields is None:  # entry deleted while pending
                continue
            found.append((text(entry_id), field_map(fields)))
    return found
