"""A web process SIGKILLed in the middle of a contest (PostgreSQL + Redis, two web processes,
a worker): its client notices, connects to the other process, rejoins with its standing
kept, and goes on submitting; the other process's client never noticed anything."""

from __future__ import annotations

import asyncio

import aiohttp

from tests.inbox import Inbox
from tests.rooms_live.test_contest import GOOD, WRONG
from tests.rooms_live.test_contest_scaled import client_for, submit
from tests.sockets.test_scaled import login
from tests.sockets.test_workers import insert_problem


async def test_clients_of_a_killed_process_resume_on_the_other(cluster, aplusb_draft):
    await insert_problem(aplusb_draft)
    a, b = cluster.serve("web-a"), cluster.serve("web-b")
    cluster.start("worker", "worker", "--concurrency", "2")
    alice, bob = await login(a.url), await login(b.url)
    async with aiohttp.ClientSession() as http:
        resp = await http.post(
            a.url + "/api/rooms",
            json={"problems": ["a-plus-b"], "max_participants": 2, "countdown_seconds": 1},
            headers=alice.headers,
        )
        assert resp.status == 201, await resp.text()
        rid = (await resp.json())["room"]["id"]

    inboxes = {"alice": Inbox(), "bob": Inbox()}
    on_a = await client_for(a.url, alice.token, inboxes["alice"])
    on_b = await client_for(b.url, bob.token, inboxes["bob"])
    clients = [on_a, on_b]
    try:
        for sio in (on_a, on_b):
            assert (await sio.call("room:join", {"room": rid}, timeout=10))["ok"]
        for inbox in inboxes.values():
            await inbox.wait_for("room:start", within=20)
        await submit(on_a, inboxes["alice"], rid, GOOD)

        a.kill()  # SIGKILL: no shutdown, no goodbye to its clients
        for _ in range(200):
            if not on_a.connected:
                break
            await asyncio.sleep(0.05)
        assert not on_a.connected, "the client never noticed its process died"

        inboxes["alice"] = Inbox()
        resumed = await client_for(b.url, alice.token, inboxes["alice"])
        clients.append(resumed)
        ack = await resumed.call("room:join", {"room": rid}, timeout=10)
        assert ack["ok"] and ack["role"] == "participant", ack
        assert ack["room"]["status"] == "in_progress"
        top = ack["leaderboard"]["standings"][0]
        assert (top["user_id"], top["solved"]) == (alice.id, 1)  # her solve survived

        await submit(resumed, inboxes["alice"], rid, WRONG)
        await submit(on_b, inboxes["bob"], rid, GOOD)
        board = await inboxes["alice"].wait_for(
            "leaderboard:update",
            lambda e: sum(r["solved"] for r in e["standings"]) == 2,
            within=30,
        )
        assert {r["user_id"] for r in board["standings"]} == {alice.id, bob.id}
        assert on_b.connected  # the other process's client saw nothing of it
        assert b.popen.poll() is None, b.output()
    finally:
        for sio in clients:
            if sio.connected:
                await sio.disconnect()
