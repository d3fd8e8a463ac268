"""Event names match the wire contract; events refuse unknown names and targets."""

from __future__ import annotations

import pytest

from rooms import events
from rooms.events import RoomEvent, user_room


def test_names_match_the_wire_contract() -> None:
    assert events.ROOM_UPDATE == "room:update"
    assert events.ROOM_START == "room:start"
    assert events.ROOM_END == "room:end"
    assert events.LEADERBOARD_UPDATE == "leaderboard:update"
    assert events.SUBMISSION_NEW == "submission:new"
    assert events.SUBMISSION_RESULT == "submission:result"
    assert events.PARTICIPANT_PROGRESS == "participant:progress"
    assert events.ROOM_JOIN == "room:join"
    assert events.ROOM_LEAVE == "room:leave"
    assert events.ROOM_CHAT == "room:chat"


def test_targets() -> None:
    assert user_room(42) == "user:42"
    assert RoomEvent(events.ROOM_UPDATE, {"room": "r"}).target == "room"
    assert RoomEvent(events.ROOM_UPDATE, {}, "user:7").target == "user:7"


@pytest.mark.parametrize(
    ("name", "target"),
    [("room:explode", "room"), (events.ROOM_JOIN, "room"), (events.ROOM_UPDATE, "everyone")],
)
def test_bad_events_are_refused(name: str, target: str) -> None:
    with pytest.raises(ValueError):
        RoomEvent(name, {}, target)
