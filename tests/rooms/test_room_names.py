"""Names next to ids in what a room is told: which ids to look up, and where they go."""

from __future__ import annotations

from rooms import feed, names
from rooms.events import SUBMISSION_NEW, RoomEvent
from rooms.state import join
from tests.rooms.builders import ALICE, BOB, CREATOR, T0, at, running_room, sub, waiting_room

NAMES = {ALICE: "Alice", BOB: "Bob", CREATOR: "Cleo"}


def test_board_rows_and_room_participants_get_names_from_one_lookup() -> None:
    room = running_room()
    board = feed.leaderboard_events(room, [sub(ALICE, "two-sum", "AC", minutes=3)], at(5))
    update = RoomEvent("room:update", {"room": room.id, "state": room.view()})
    chat = RoomEvent(SUBMISSION_NEW, {"room": room.id, "user_id": 99, "problem": "lis"})
    events = [*board, update, chat]
    assert names.ids_to_name(events) == {ALICE, BOB, CREATOR}
    named = [names.named_event(e, NAMES) for e in events]
    rows = named[0].payload["standings"]
    assert {(r["user_id"], r["display_name"]) for r in rows} == {
        (CREATOR, "Cleo"),
        (ALICE, "Alice"),
        (BOB, "Bob"),
    }
    state = named[1].payload["state"]
    assert [p["display_name"] for p in state["participants"]] == ["Cleo", "Alice", "Bob"]
    assert state["creator_name"] == "Cleo"
    assert named[2] is chat  # other events pass through unchanged
    assert "display_name" not in board[0].payload["standings"][0]  # the input is not mutated


def test_an_unknown_id_gets_an_empty_name() -> None:
    room, _ = join(waiting_room(), ALICE, T0)
    view = names.named_view(room.view(), {})
    assert {p["display_name"] for p in view["participants"]} == {""}
    assert view["creator_name"] == ""
    assert names.view_ids(room.view()) == {ALICE, CREATOR}
