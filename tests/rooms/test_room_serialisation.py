"""Room <-> JSON for stores, and the public view sent to clients."""

from __future__ import annotations

import json

import pytest

from rooms.state import Room, RoomStatus, cancel, join, leave, start
from tests.rooms.builders import (
    ALICE,
    CREATOR,
    DAVE,
    PROBLEMS,
    T0,
    at,
    refused,
    running_room,
    waiting_room,
)


def _rooms() -> list[Room]:
    private = waiting_room(
        visibility="private", invite_code="s3cret", format="score", rated=True, freeze_minutes=5
    )
    countdown, _ = start(waiting_room(), CREATOR, at(1))
    running, _ = leave(running_room(), ALICE, at(3))
    running, _ = join(running, DAVE, at(4), spectator=True)
    cancelled, _ = cancel(waiting_room(), CREATOR, at(1))
    return [waiting_room(), private, countdown, running, cancelled]


@pytest.mark.parametrize("room", _rooms(), ids=lambda r: f"{r.status}-{r.visibility}")
def test_round_trip_through_json(room: Room) -> None:
    text = json.dumps(room.to_dict())
    back = Room.from_dict(json.loads(text))
    assert back == room
    assert back.status is room.status
    assert isinstance(back.status, RoomStatus)


def test_to_dict_keeps_the_invite_code_for_the_store() -> None:
    room = waiting_room(visibility="private", invite_code="s3cret")
    assert room.to_dict()["invite_code"] == "s3cret"


def test_view_hides_the_invite_code_and_problems_until_start() -> None:
    room = waiting_room(visibility="private", invite_code="s3cret")
    view = room.view()
    assert "invite_code" not in view
    assert "problems" not in view
    assert view["problem_count"] == len(PROBLEMS)
    assert "s3cret" not in json.dumps(view)
    for slug in PROBLEMS:
        assert slug not in json.dumps(view)
    started = running_room().view()
    assert started["problems"] == list(PROBLEMS)
    assert started["started_at"] == T0.isoformat()


def test_view_shows_freeze_and_countdown_times() -> None:
    room, _ = start(waiting_room(freeze_minutes=5), CREATOR, at(1))
    assert room.view()["countdown_ends_at"] == at(1, 10).isoformat()
    assert room.view()["freeze_at"] is None
    running = running_room(freeze_minutes=5)
    assert running.view()["freeze_at"] == at(25).isoformat()


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.pop("id"),
        lambda d: d.update(status="paused"),
        lambda d: d.update(created_at="yesterday"),
        lambda d: d.update(participants=[{"user_id": 1}]),
        lambda d: d.update(surprise=True),
        lambda d: d.update(max_participants=1, participants=d["participants"] * 2),
    ],
)
def test_from_dict_rejects_malformed_data(mutate) -> None:
    data = running_room().to_dict()
    mutate(data)
    with refused("invalid_room"):
        Room.from_dict(data)
