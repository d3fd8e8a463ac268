"""What a pair room shows its members before any start: the problem, and who is who."""

from __future__ import annotations

from tests.inbox import Inbox
from tests.rooms_live.test_contest import ROOM_EVENTS, make_room, rename


async def test_pair_members_see_the_problem_while_waiting(connect, make_account_on, http, aplusb):
    host, guest, stranger = [await make_account_on() for _ in range(3)]
    await rename(http, host, "Hana")
    await rename(http, guest, "Gus")
    room = await make_room(http, host, kind="pair", rated=False, problems=["a-plus-b"])
    assert room["problems"] == ["a-plus-b"] and room["status"] == "waiting"
    assert room["participants"][0]["display_name"] == "Hana"

    inbox = Inbox()
    sock = await connect(guest.token, on=inbox.handlers(*ROOM_EVENTS))
    ack = await sock.call("room:join", {"room": room["id"]}, timeout=5)
    assert ack["ok"] and ack["room"]["problems"] == ["a-plus-b"], ack
    assert [p["display_name"] for p in ack["room"]["participants"]] == ["Hana", "Gus"]

    seen = await (await http.get(f"/api/rooms/{room['id']}", headers=guest.headers)).json()
    assert seen["room"]["problems"] == ["a-plus-b"]
    hidden = await (await http.get(f"/api/rooms/{room['id']}", headers=stranger.headers)).json()
    assert "problems" not in hidden["room"] and hidden["room"]["problem_count"] == 1
    anonymous = await (await http.get(f"/api/rooms/{room['id']}")).json()
    assert "problems" not in anonymous["room"]
