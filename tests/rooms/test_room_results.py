"""A finished contest's results: who is rated, the rounded changes, the `room:end` payload."""

from __future__ import annotations

from rooms.events import LEADERBOARD_UPDATE, ROOM_END, RoomEvent
from rooms.rating import Rating
from rooms.results import change_summary, rating_changes, with_results
from rooms.standings_freeze import full_standings
from tests.rooms.builders import ALICE, BOB, CREATOR, PROBLEMS, running_room, sub


def standings(room):
    return full_standings(room, [sub(ALICE, PROBLEMS[0], "AC", 5), sub(BOB, PROBLEMS[0], "WA", 6)])


def test_only_rated_contests_with_two_players_are_rated() -> None:
    rated = running_room(rated=True)
    rows = standings(rated)
    changes = rating_changes(rated, rows, {ALICE: Rating(1600.0)})
    assert set(changes) == {CREATOR, ALICE, BOB}
    assert changes[ALICE].before == Rating(1600.0)  # stored ratings are the starting point
    assert changes[ALICE].after.rating > 1600.0 and changes[BOB].delta < 0
    assert rating_changes(running_room(), standings(running_room()), {}) == {}  # unrated
    assert rating_changes(rated, rows[:1], {}) == {}  # one player: nobody is rated


def test_summary_and_room_end_payload() -> None:
    rated = running_room(rated=True)
    summary = change_summary(rating_changes(rated, standings(rated), {}))
    assert all(set(s) == {"before", "after", "delta"} for s in summary.values())
    assert all(abs(s["delta"] - (s["after"] - s["before"])) < 0.02 for s in summary.values())
    end = RoomEvent(ROOM_END, {"room": "room-1"})
    board = RoomEvent(LEADERBOARD_UPDATE, {"room": "room-1"})
    final = [{"user_id": ALICE, "rank": 1}]
    out = with_results([board, end], final, summary)
    assert out[0] is board
    assert out[1].payload == {"room": "room-1", "standings": final, "rating_changes": summary}
