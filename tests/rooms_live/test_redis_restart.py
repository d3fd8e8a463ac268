"""Redis killed and restarted (empty: it keeps nothing on disk) during a contest on two web
processes and a worker, on a redis-server of the test's own: the clients stay connected,
submissions after the restart are judged, their results and the scoreboard again cross
processes, and nothing stored before the outage is lost."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
import redis.asyncio as aioredis

from tests.conftest import ON_CI, PG_URL, _pg_reachable, reset_postgres
from tests.inbox import Inbox
from tests.processes import ProcessGroup, base_env, free_port
from tests.realtime.test_health_probes import _redis_server
from tests.rooms_live.test_contest import GOOD
from tests.rooms_live.test_contest_scaled import client_for, submit
from tests.sockets.test_scaled import login
from tests.sockets.test_workers import insert_problem

CHANNEL = f"restart-{uuid.uuid4().hex}"


class OwnRedis:
    def __init__(self, workdir: Any) -> None:
        self.port, self.workdir = free_port(), workdir
        self.proc = _redis_server(self.port, workdir)

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait()

    def restart(self) -> None:
        self.proc = _redis_server(self.port, self.workdir)


@pytest.fixture
async def scaled_on_own_redis(tmp_path: Any) -> AsyncIterator[tuple[ProcessGroup, OwnRedis]]:
    if not _pg_reachable():
        if ON_CI:
            pytest.fail("PostgreSQL is not reachable on CI")
        pytest.skip("PostgreSQL not reachable")
    await reset_postgres(PG_URL)
    from storage.migrate import upgrade

    await upgrade(PG_URL)
    redis = OwnRedis(tmp_path)
    group = ProcessGroup(
        tmp_path,
        base_env(
            DATABASE_URL=PG_URL,
            REDIS_URL=f"redis://127.0.0.1:{redis.port}/0",
            CODEARENA_SECRET="restart-secret-" + "r" * 32,
            CODEARENA_ENV="test",
            CODEARENA_LOAD_BANK="false",
            CODEARENA_SOCKETIO_CHANNEL=CHANNEL,
        ),
    )
    try:
        yield group, redis
    finally:
        group.stop_all()
        redis.kill()


async def _listeners_back(port: int, channel: str, count: int, within: float = 30.0) -> None:
    client = aioredis.Redis(port=port)
    try:
        for _ in range(int(within / 0.1)):
            [(_, subscribers)] = await client.pubsub_numsub(channel)
            if subscribers >= count:
                return
            await asyncio.sleep(0.1)
    finally:
        await client.aclose()
    raise AssertionError(f"fewer than {count} listeners on {channel}")


async def _ready(url: str, within: float = 30.0) -> None:
    async with aiohttp.ClientSession() as http:
        for _ in range(int(within / 0.2)):
            async with http.get(url + "/api/health/ready") as resp:
                if resp.status == 200:
                    return
            await asyncio.sleep(0.2)
    raise AssertionError(f"{url} never became ready again")


@pytest.mark.timeout(240)
async def test_a_redis_restart_during_a_contest_loses_nothing(scaled_on_own_redis, aplusb_draft):
    group, redis = scaled_on_own_redis
    channel = CHANNEL
    await insert_problem(aplusb_draft)
    a, b = group.serve("web-a"), group.serve("web-b")
    group.start("worker", "worker", "--concurrency", "2")
    # carol never solves, so the contest keeps running after alice and bob have
    alice, bob, carol = await login(a.url), await login(b.url), await login(a.url)
    async with aiohttp.ClientSession() as http:
        resp = await http.post(
            a.url + "/api/rooms",
            json={"problems": ["a-plus-b"], "max_participants": 3, "countdown_seconds": 1},
            headers=alice.headers,
        )
        assert resp.status == 201, await resp.text()
        rid = (await resp.json())["room"]["id"]
    inboxes = {"alice": Inbox(), "bob": Inbox(), "carol": Inbox()}
    on_a = await client_for(a.url, alice.token, inboxes["alice"])
    on_b = await client_for(b.url, bob.token, inboxes["bob"])
    carol_on_a = await client_for(a.url, carol.token, inboxes["carol"])
    try:
        for sio in (on_a, on_b, carol_on_a):
            assert (await sio.call("room:join", {"room": rid}, timeout=10))["ok"]
        for inbox in inboxes.values():
            await inbox.wait_for("room:start", within=20)
        await submit(on_a, inboxes["alice"], rid, GOOD)

        redis.kill()
        await asyncio.sleep(1.0)
        redis.restart()
        await _ready(a.url)
        await _ready(b.url)
        assert on_a.connected and on_b.connected  # sockets are direct: they never dropped

        # Judged by the worker after the restart; its result was published while web-b's
        # Socket.IO listener may still have been resubscribing, and web-b re-sends it
        # from the database (ExecutionService.note_outage).
        await submit(on_b, inboxes["bob"], rid, GOOD)
        # Nothing stored was lost: a rejoin shows alice's solve from before the outage.
        ack = await on_b.call("room:join", {"room": rid}, timeout=10)
        solved = {r["user_id"]: r["solved"] for r in ack["leaderboard"]["standings"]}
        assert solved == {alice.id: 1, bob.id: 1, carol.id: 0}

        # Once both web processes' Socket.IO listeners are subscribed again, events cross
        # processes as before: carol's solve ends the contest for everyone on both.
        await _listeners_back(redis.port, channel, count=2)
        await submit(carol_on_a, inboxes["carol"], rid, GOOD)
        for name in ("alice", "bob"):
            end = await inboxes[name].wait_for("room:end", within=30)
            assert [r["solved"] for r in end["standings"]] == [1, 1, 1]
        for proc in (a, b):
            assert proc.popen.poll() is None, proc.output()
    finally:
        for sio in (on_a, on_b, carol_on_a):
            if sio.connected:
                await sio.disconnect()
