"""Achievements earned by room events: a contest win and a first pair session, each pushed
as `notification:new` and kept in the inbox; contest submits count as progress."""

from __future__ import annotations

from tests.inbox import Inbox
from tests.rooms_live.test_contest import GOOD, make_room, submit

EVENTS = ("room:start", "room:end", "code:result", "notification:new")


async def test_contest_winner_earns_first_contest_win(connect, make_account_on, http, aplusb):
    alice, bob = await make_account_on(), await make_account_on()
    rid = (await make_room(http, alice, max_participants=2))["id"]
    inboxes = [Inbox(), Inbox()]
    socks = [
        await connect(acc.token, on=ib.handlers(*EVENTS))
        for acc, ib in zip((alice, bob), inboxes, strict=True)
    ]
    for sock in socks:
        assert (await sock.call("room:join", {"room": rid}, timeout=5))["ok"]
    await inboxes[1].wait_for("room:start", within=15)
    await submit(socks[1], inboxes[1], rid, GOOD)  # bob solves, alice does not
    assert (await socks[0].call("room:end", {"room": rid}, timeout=5))["ok"]
    note = await inboxes[1].wait_for(
        "notification:new", lambda e: e["data"].get("code") == "first_contest_win", within=10
    )
    assert note["kind"] == "achievement"
    codes = {
        n["data"]["code"]
        for n in (await (await http.get("/api/notifications", headers=bob.headers)).json())["items"]
    }
    # the contest submit counted too (A+B is the only "math" problem)
    assert codes == {"first_solve", "topic:math", "first_contest_win"}
    alice_codes = (await (await http.get(f"/api/users/{alice.id}/achievements")).json())["earned"]
    assert alice_codes == []


async def test_first_pair_session_is_earned_once(connect, make_account_on, http, aplusb):
    host = await make_account_on()
    inbox = Inbox()
    sock = await connect(host.token, on=inbox.handlers(*EVENTS))
    for _ in range(2):
        room = await make_room(http, host, kind="pair", rated=False, problems=["a-plus-b"])
        assert (await sock.call("room:join", {"room": room["id"]}, timeout=5))["ok"]
    note = await inbox.wait_for(
        "notification:new", lambda e: e["data"].get("code") == "first_pair_session", within=10
    )
    assert note["title"]
    listed = await (await http.get("/api/notifications", headers=host.headers)).json()
    assert [n["data"]["code"] for n in listed["items"]] == ["first_pair_session"]
