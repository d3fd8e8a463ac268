"""Presence: room peers see user:online on join and user:offline when the last tab leaves."""

from __future__ import annotations

from tests.inbox import Inbox
from tests.rooms_live.test_contest import make_room


async def test_online_offline_to_room_peers(connect, make_account_on, http, aplusb):
    alice, bob = await make_account_on(), await make_account_on()
    room = await make_room(http, alice, kind="pair", rated=False)
    seen = Inbox()
    a = await connect(alice.token, on=seen.handlers("user:online", "user:offline"))
    await a.call("room:join", {"room": room["id"]}, timeout=5)
    bob_tab1 = await connect(bob.token)
    bob_tab2 = await connect(bob.token)
    for tab in (bob_tab1, bob_tab2):
        assert (await tab.call("room:join", {"room": room["id"]}, timeout=5))["ok"]
    online = await seen.wait_for("user:online", lambda e: e["user_id"] == bob.id, within=5)
    assert online["room"] == room["id"]

    await bob_tab1.disconnect()
    await bob_tab2.disconnect()
    offline = await seen.wait_for("user:offline", lambda e: e["user_id"] == bob.id, within=5)
    assert offline["user_id"] == bob.id
    # A round trip after the last tab's offline: one announcement, not one per tab.
    await a.call("system:ping", 1, timeout=5)
    assert len(seen.events["user:offline"]) == 1, "bob still had a tab open at the first"
