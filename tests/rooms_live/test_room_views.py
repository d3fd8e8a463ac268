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


async def test_a_shared_run_is_announced_with_its_runner(connect, make_account_on, http, aplusb):
    host, guest = [await make_account_on() for _ in range(2)]
    await rename(http, host, "Hana")
    room = await make_room(http, host, kind="pair", rated=False, problems=["a-plus-b"])
    watching = Inbox()
    host_sock = await connect(host.token)
    guest_sock = await connect(guest.token, on=watching.handlers("room:run", "code:result"))
    for sock in (host_sock, guest_sock):
        assert (await sock.call("room:join", {"room": room["id"]}, timeout=5))["ok"]
    ack = await host_sock.call(
        "code:execute",
        {
            "problem": "a-plus-b",
            "language": "python",
            "mode": "run",
            "code": "print(sum(map(int, input().split())))\n",
            "room": room["id"],
        },
        timeout=10,
    )
    assert ack["ok"], ack
    sid = ack["submission_id"]
    announced = await watching.wait_for("room:run", lambda e: e["submission_id"] == sid, within=10)
    assert announced == {
        "room": room["id"],
        "submission_id": sid,
        "mode": "run",
        "user_id": host.id,
        "display_name": "Hana",
    }
    await watching.wait_for("code:result", lambda e: e["submission_id"] == sid, within=60)
