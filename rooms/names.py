"""People's names in what a room is told: next to every `user_id` a client draws.

Rooms know people by id only; clients draw names. These plain functions say
which ids an outgoing payload needs named (`ids_to_name`) and add the names
(`named_event`, `named_view`), so the realtime layer looks all of them up in
one query per room event instead of once per row.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import Any

from rooms.events import LEADERBOARD_UPDATE, ROOM_UPDATE, RoomEvent

Names = Mapping[int, str]


def view_ids(view: Mapping[str, Any]) -> set[int]:
    """Ids a room view names: its participants and its creator."""
    ids = {int(p["user_id"]) for p in view.get("participants", ())}
    if "creator_id" in view:
        ids.add(int(view["creator_id"]))
    return ids


def ids_to_name(events: Iterable[RoomEvent]) -> set[int]:
    """Every id the events below will name (standings rows, room participants)."""
    ids: set[int] = set()
    for event in events:
        if event.name == LEADERBOARD_UPDATE:
            ids.update(int(row["user_id"]) for row in event.payload.get("standings", ()))
        elif event.name == ROOM_UPDATE and isinstance(event.payload.get("state"), Mapping):
            ids.update(view_ids(event.payload["state"]))
    return ids


def named_rows(rows: Iterable[Mapping[str, Any]], names: Names) -> list[dict[str, Any]]:
    """Rows with `display_name` next to `user_id` ("" for an unknown id)."""
    return [{**row, "display_name": names.get(int(row["user_id"]), "")} for row in rows]


def named_view(view: Mapping[str, Any], names: Names) -> dict[str, Any]:
    """A room view whose participants carry `display_name`, plus `creator_name`."""
    out = dict(view)
    if "participants" in out:
        out["participants"] = named_rows(out["participants"], names)
    if "creator_id" in out:
        out["creator_name"] = names.get(int(out["creator_id"]), "")
    return out


def named_event(event: RoomEvent, names: Names) -> RoomEvent:
    """`leaderboard:update` rows and `room:update` participants with their names."""
    if event.name == LEADERBOARD_UPDATE and "standings" in event.payload:
        payload = {**event.payload, "standings": named_rows(event.payload["standings"], names)}
        return replace(event, payload=payload)
    if event.name == ROOM_UPDATE and isinstance(event.payload.get("state"), Mapping):
        payload = {**event.payload, "state": named_view(event.payload["state"], names)}
        return replace(event, payload=payload)
    return event
