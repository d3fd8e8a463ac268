"""Achievements earned by room events: a contest win and a first pair session, each pushed
as `notification:new` and kept in the inbox; contest submits count as progress."""

from __future__ import annotations

from sqlalchemy import select

from realtime.keys import DATABASE
from storage.domain_events import RoomClosed
from storage.models import DomainEvent
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


async def test_a_pair_room_end_is_logged_as_a_domain_event(connect, make_account_on, http, aplusb):
    """A pair room that never started ends by cancel or by everyone leaving: `room.closed`."""
    host, guest = await make_account_on(), await make_account_on()
    inbox = Inbox()
    socks = [await connect(acc.token, on=inbox.handlers(*EVENTS)) for acc in (host, guest)]
    cancelled = await make_room(http, host, kind="pair", rated=False, problems=["a-plus-b"])
    left = await make_room(http, host, kind="pair", rated=False, problems=["a-plus-b"])
    for sock in socks:
        for room in (cancelled, left):
            assert (await sock.call("room:join", {"room": room["id"]}, timeout=5))["ok"]
    ack = await socks[0].call("room:end", {"room": cancelled["id"]}, timeout=5)
    assert ack["error"]["code"] == "not_started" and "contest" not in ack["error"]["message"]
    assert (await socks[0].call("room:cancel", {"room": cancelled["id"]}, timeout=5))["ok"]
    for sock in socks:
        assert (await sock.call("room:leave", {"room": left["id"]}, timeout=5))["ok"]
    for _ in range(2):
        await inbox.wait_for("room:end", within=10)
    async with http.server.app[DATABASE].session() as session:
        rows = (
            await session.scalars(
                select(DomainEvent)
                .where(DomainEvent.type.in_(["room.closed", "room.finished"]))
                .order_by(DomainEvent.id)
            )
        ).all()
    closed = [RoomClosed.model_validate(r.payload) for r in rows]
    assert [r.type for r in rows] == ["room.closed", "room.closed"]
    assert [(c.room_id, c.kind, c.reason) for c in closed] == [
        (cancelled["id"], "pair", "cancelled_by_creator"),
        (left["id"], "pair", "everyone_left"),
    ]
    assert closed[0].participants == [host.id, guest.id] and closed[1].participants == []
    # the host left first, handing the creator's rights to the guest
    assert (closed[0].creator_id, closed[1].creator_id) == (host.id, guest.id)
