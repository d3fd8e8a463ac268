"""A contest end to end with three real Socket.IO clients and real judging."""

from __future__ import annotations

from tests.inbox import Inbox

ROOM_EVENTS = (
    "room:update",
    "room:start",
    "room:end",
    "leaderboard:update",
    "submission:new",
    "submission:result",
    "participant:progress",
    "code:result",
    "room:chat",
    "user:online",
)
GOOD = "a, b = map(int, input().split())\nprint(a + b)\n"
WRONG = "a, b = map(int, input().split())\nprint(a - b)\n"
BROKEN = "def main(:\n"


async def make_room(http, account, **overrides):
    body = {
        "kind": "contest",
        "name": "Friday sprint",
        "problems": ["a-plus-b"],
        "max_participants": 3,
        "rated": True,
        "countdown_seconds": 1,
        **overrides,
    }
    resp = await http.post("/api/rooms", json=body, headers=account.headers)
    assert resp.status == 201, await resp.text()
    return (await resp.json())["room"]


async def submit(sio, inbox, room_id, code):
    ack = await sio.call(
        "code:execute",
        {
            "problem": "a-plus-b",
            "language": "python",
            "mode": "submit",
            "code": code,
            "room": room_id,
        },
        timeout=10,
    )
    assert ack["ok"], ack
    await inbox.wait_for(
        "code:result", lambda e: e["submission_id"] == ack["submission_id"], within=60
    )
    return ack["submission_id"]


async def rename(http, account, name):
    resp = await http.put(
        "/api/users/me/profile", json={"display_name": name}, headers=account.headers
    )
    assert resp.status == 200, await resp.text()


async def test_three_player_contest(connect, make_account_on, http, aplusb):
    alice, bob, carol = [await make_account_on() for _ in range(3)]
    names = {alice.id: "Alice", bob.id: "Bob", carol.id: "Carol"}
    for account in (alice, bob, carol):
        await rename(http, account, names[account.id])
    room = await make_room(http, alice)
    rid = room["id"]
    inboxes = [Inbox() for _ in range(3)]
    socks = [
        await connect(acc.token, on=ib.handlers(*ROOM_EVENTS))
        for acc, ib in zip((alice, bob, carol), inboxes, strict=True)
    ]

    ack = await socks[0].call("room:join", {"room": rid}, timeout=5)
    assert ack["ok"] and ack["role"] == "participant"
    assert "problems" not in ack["room"] or not ack["room"]["problems"]  # hidden before the start
    assert [p["display_name"] for p in ack["room"]["participants"]] == ["Alice"]
    assert ack["room"]["creator_name"] == "Alice"
    ack = await socks[1].call("room:start", {"room": rid}, timeout=5)
    assert ack["error"]["code"] in ("not_creator", "not_participant")
    for sock in socks[1:]:
        ack = await sock.call("room:join", {"room": rid}, timeout=5)
        assert ack["ok"], ack
    # Full: countdown, then the clock starts it for everyone.
    for inbox in inboxes:
        started = await inbox.wait_for("room:start", within=15)
        assert started["room"] == rid and started["problems"] == ["a-plus-b"], started

    spectator_account = await make_account_on()
    spectator = Inbox()
    spec_sock = await connect(spectator_account.token, on=spectator.handlers(*ROOM_EVENTS))
    ack = await spec_sock.call("room:join", {"room": rid}, timeout=5)
    assert ack["ok"] is False and ack["error"]["code"] in ("room_full", "already_started")
    ack = await spec_sock.call("room:join", {"room": rid, "spectator": True}, timeout=5)
    assert ack["ok"] and ack["role"] == "spectator"
    ack = await spec_sock.call("room:chat", {"room": rid, "text": "go!"}, timeout=5)
    assert ack["error"]["code"] == "not_participant"

    await submit(socks[1], inboxes[1], rid, GOOD)  # bob: AC first try
    await submit(socks[0], inboxes[0], rid, WRONG)  # alice: WA ...
    await submit(socks[0], inboxes[0], rid, GOOD)  # ... then AC (+20 penalty)
    await submit(socks[2], inboxes[2], rid, BROKEN)  # carol: CE, not an attempt

    board = await spectator.wait_for(
        "leaderboard:update",
        lambda e: len([r for r in e["standings"] if r["solved"]]) == 2,
        within=30,
    )
    order = [r["user_id"] for r in board["standings"]]
    assert order == [bob.id, alice.id, carol.id], board
    assert {r["user_id"]: r["display_name"] for r in board["standings"]} == names
    cells = {r["user_id"]: r["problems"][0] for r in board["standings"]}
    assert cells[alice.id]["attempts"] == 2 and cells[carol.id]["attempts"] == 0
    news = spectator.events["submission:new"]
    assert len(news) == 4 and all("code" not in n for n in news)
    assert spectator.events["participant:progress"]

    ack = await socks[2].call(
        "code:execute",
        {
            "problem": "not-in-room",
            "language": "python",
            "mode": "submit",
            "code": GOOD,
            "room": rid,
        },
        timeout=5,
    )
    assert ack["error"]["code"] == "problem_not_in_room"
    ack = await socks[1].call("room:end", {"room": rid}, timeout=5)
    assert ack["ok"] is False and ack["error"]["code"] == "not_creator"

    ack = await socks[0].call("room:end", {"room": rid}, timeout=5)
    assert ack["ok"], ack
    ended = await inboxes[1].wait_for("room:end", within=10)
    assert [r["user_id"] for r in ended["standings"]] == [bob.id, alice.id, carol.id]
    changes = ended["rating_changes"]
    assert changes[str(bob.id)]["delta"] > 0 > changes[str(carol.id)]["delta"]
    again = await socks[0].call("room:end", {"room": rid}, timeout=5)  # idempotent, no new end
    # A round trip on the watcher's socket: an end announced meanwhile would be here first.
    await socks[1].call("system:ping", 1, timeout=5)
    assert len(inboxes[1].events["room:end"]) == 1, again

    ratings = await (await http.get(f"/api/users/{bob.id}/ratings")).json()
    assert ratings["rating"] > 1500 and len(ratings["history"]) == 1
    lb = await (await http.get(f"/api/rooms/{rid}/leaderboard")).json()
    assert lb["final"] is True and lb["standings"][0]["user_id"] == bob.id
    assert lb["standings"][0]["display_name"] == "Bob"
    detail = await (await http.get(f"/api/rooms/{rid}")).json()
    assert detail["room"]["status"] == "completed"
    assert {p["user_id"]: p["display_name"] for p in detail["room"]["participants"]} == names
    updates = inboxes[0].events["room:update"]
    assert updates and all("display_name" in p for u in updates for p in u["state"]["participants"])


async def test_private_room_needs_code_and_listing(connect, make_account_on, http, aplusb):
    host, guest = await make_account_on(), await make_account_on()
    room = await make_room(http, host, visibility="private")
    assert room["invite_code"]
    sock = await connect(guest.token)
    ack = await sock.call("room:join", {"room": room["id"]}, timeout=5)
    assert ack["error"]["code"] == "bad_invite_code"
    ack = await sock.call("room:join", {"room": room["id"], "invite_code": "nope"}, timeout=5)
    assert ack["error"]["code"] == "bad_invite_code"
    ack = await sock.call(
        "room:join", {"room": room["id"], "invite_code": room["invite_code"]}, timeout=5
    )
    assert ack["ok"] and "invite_code" not in ack["room"]
    resp = await http.get(f"/api/rooms/{room['id']}")
    assert resp.status == 404  # private: members only
    public = await make_room(http, host)
    listing = await (await http.get("/api/rooms?status=waiting&kind=contest")).json()
    assert [r["id"] for r in listing["items"]] == [public["id"]]
    for bad in ({"room": "no-such-room"}, {"room": ""}, {"x": 1}):
        ack = await sock.call("room:join", bad, timeout=5)
        assert ack["ok"] is False
    resp = await http.post(
        "/api/rooms", json={"problems": ["does-not-exist"]}, headers=host.headers
    )
    assert resp.status == 422


async def test_chat_history_on_join(connect, make_account_on, http, aplusb):
    host, guest = await make_account_on(), await make_account_on()
    room = await make_room(http, host, kind="pair", rated=False)
    a = await connect(host.token)
    await a.call("room:join", {"room": room["id"]}, timeout=5)
    ack = await a.call("room:chat", {"room": room["id"], "text": "hello pair"}, timeout=5)
    assert ack["ok"]
    b = await connect(guest.token)
    ack = await b.call("room:join", {"room": room["id"]}, timeout=5)
    assert [m["text"] for m in ack["chat"]] == ["hello pair"]
