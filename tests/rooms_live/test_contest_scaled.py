"""One contest served by two web processes on PostgreSQL + Redis, judged by a worker."""

from __future__ import annotations

import asyncio
import json

import aiohttp
import redis.asyncio as aioredis
import socketio

from progress import xp
from storage.database import Database
from storage.repositories import rooms as room_repo
from tests.conftest import PG_URL
from tests.inbox import CONNECT_TIMEOUT, Inbox
from tests.rooms_live.test_contest import GOOD, ROOM_EVENTS, WRONG
from tests.sockets.test_scaled import login
from tests.sockets.test_workers import insert_problem


async def client_for(url: str, token: str, inbox: Inbox) -> socketio.AsyncClient:
    sio = socketio.AsyncClient(reconnection=False)
    for name, handler in inbox.handlers(*ROOM_EVENTS).items():
        sio.on(name, handler)
    await sio.connect(
        url, auth={"token": token}, transports=["websocket"], wait_timeout=CONNECT_TIMEOUT
    )
    return sio


async def submit(sio: socketio.AsyncClient, inbox: Inbox, room_id: str, code: str) -> None:
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
        "code:result", lambda e: e["submission_id"] == ack["submission_id"], within=90
    )


async def test_contest_across_two_processes(cluster, aplusb_draft):
    await insert_problem(aplusb_draft)
    a = cluster.serve("web-a")
    b = cluster.serve("web-b")
    cluster.start("worker", "worker", "--concurrency", "2")
    alice, bob, carol = await login(a.url), await login(b.url), await login(a.url)
    async with aiohttp.ClientSession() as http:
        resp = await http.post(
            a.url + "/api/rooms",
            json={
                "problems": ["a-plus-b"],
                "max_participants": 3,
                "rated": True,
                "countdown_seconds": 1,
            },
            headers=alice.headers,
        )
        assert resp.status == 201, await resp.text()
        rid = (await resp.json())["room"]["id"]

    inboxes = {name: Inbox() for name in ("alice", "bob", "carol", "alice2")}
    clients = {
        "alice": await client_for(a.url, alice.token, inboxes["alice"]),
        "bob": await client_for(b.url, bob.token, inboxes["bob"]),
        "carol": await client_for(a.url, carol.token, inboxes["carol"]),
    }
    try:
        for name in ("alice", "bob", "carol"):
            ack = await clients[name].call("room:join", {"room": rid}, timeout=10)
            assert ack["ok"], ack
        for inbox in list(inboxes.values())[:3]:
            await inbox.wait_for("room:start", within=20)

        await submit(clients["bob"], inboxes["bob"], rid, GOOD)
        await submit(clients["alice"], inboxes["alice"], rid, WRONG)
        # Bob's standing reaches clients on the other process too.
        board = await inboxes["carol"].wait_for(
            "leaderboard:update", lambda e: e["standings"][0]["solved"] == 1, within=30
        )
        assert board["standings"][0]["user_id"] == bob.id
        # Two judged submissions later, both processes' clocks have long had their chance
        # to start the contest again: still one start everywhere.
        for name in ("alice", "bob"):
            await inboxes[name].wait_for(
                "leaderboard:update", lambda e: e["standings"][0]["solved"] == 1, within=30
            )
        assert all(len(inboxes[n].events["room:start"]) == 1 for n in ("alice", "bob", "carol"))

        # Bob drops and reconnects to the other process: full state at once, standing kept.
        await clients["bob"].disconnect()
        inboxes["bob"] = Inbox()
        clients["bob"] = await client_for(a.url, bob.token, inboxes["bob"])
        ack = await clients["bob"].call("room:join", {"room": rid}, timeout=10)
        assert ack["ok"] and ack["role"] == "participant"
        assert ack["room"]["status"] == "in_progress"
        assert ack["leaderboard"]["standings"][0]["user_id"] == bob.id

        # The creator ends it from two tabs on two processes at once: one end, one rating update.
        clients["alice2"] = await client_for(b.url, alice.token, inboxes["alice2"])
        acks = await asyncio.gather(
            clients["alice"].call("room:end", {"room": rid}, timeout=10),
            clients["alice2"].call("room:end", {"room": rid}, timeout=10),
        )
        assert all(ack["ok"] for ack in acks), acks
        for name in ("bob", "carol"):
            end = await inboxes[name].wait_for("room:end", within=15)
            assert end["standings"][0]["user_id"] == bob.id
        await asyncio.sleep(1.5)
        for name in ("bob", "carol"):
            assert len(inboxes[name].events["room:end"]) == 1
        db = Database(PG_URL)
        try:
            async with db.session() as session:
                assert len(await room_repo.results(session, rid)) == 3
                assert len(await room_repo.rating_history(session, bob.id)) == 1
        finally:
            await db.close()

        # The worker put Bob's first solve on the Redis boards itself (no board has been
        # read, so none was built from SQL), and both web processes rank from them.
        redis = aioredis.from_url(cluster.env["REDIS_URL"])
        try:
            member = f"{bob.id:012d}"
            async with aiohttp.ClientSession() as http:
                daily = await (await http.get(a.url + "/api/daily-challenge")).json()
            # The only problem is today's challenge: the worker stored the pick and the bonus.
            assert daily["problem"]["slug"] == "a-plus-b" and daily["solved_count"] == 1
            bob_xp = 10 + xp.DAILY_BONUS_XP
            assert await redis.zscore("codearena:boards:xp", member) == -bob_xp
            assert await redis.zscore("codearena:boards:solved", member) == -1
            assert await redis.get("codearena:boards:built:xp") is None
            async with aiohttp.ClientSession() as http:
                for web in (a, b):
                    resp = await http.get(web.url + "/api/leaderboards", headers=bob.headers)
                    body = await resp.json()
                    assert [(i["user_id"], i["score"]) for i in body["items"]] == [(bob.id, bob_xp)]
                    assert body["me"]["rank"] == 1
                    profile = await (await http.get(f"{web.url}/api/users/{bob.id}")).json()
                    assert (profile["stats"]["rank"], profile["stats"]["xp"]) == (1, bob_xp)
            assert await redis.get("codearena:boards:built:xp") is not None

            # Facts logged by the worker and the web processes reach the event stream,
            # published by the web processes; the room's end is one fact.
            wanted = {"submission.judged": 2, "problem.first_solved": 1, "room.finished": 1}
            for _ in range(100):
                entries = [f for _, f in await redis.xrange("codearena:events")]
                types = [f[b"type"].decode() for f in entries]
                if all(types.count(t) >= n for t, n in wanted.items()):
                    break
                await asyncio.sleep(0.1)
            assert {t: types.count(t) for t in wanted} == wanted, types
            ids = [int(f[b"id"]) for f in entries]
            assert len(ids) == len(set(ids))  # two publishers, no event twice
            finished = json.loads(entries[types.index("room.finished")][b"payload"])
            assert finished["room_id"] == rid and finished["rated"] is True
            top = finished["results"][0]
            assert (top["user_id"], top["rank"]) == (bob.id, 1) and len(finished["results"]) == 3
            assert all(r["rating_after"] is not None for r in finished["results"])
            verdicts = {
                json.loads(f[b"payload"])["verdict"]
                for f, t in zip(entries, types, strict=True)
                if t == "submission.judged"
            }
            assert verdicts == {"AC", "WA"}
        finally:
            await redis.aclose()
    finally:
        for sio in clients.values():
            if sio.connected:
                await sio.disconnect()
