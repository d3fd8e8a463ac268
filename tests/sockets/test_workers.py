"""Scaled judging: two web processes, two workers, real Redis and PostgreSQL."""

from __future__ import annotations

import asyncio
import os
import signal

import aiohttp
import redis.asyncio as aioredis
import socketio
from prometheus_client.parser import text_string_to_metric_families

from judging.queue_keys import DEFAULT_GROUP, QueueKeys
from storage.database import Database
from storage.repositories import problems as problem_repo
from tests.conftest import PG_URL
from tests.inbox import CONNECT_TIMEOUT, Inbox
from tests.processes import free_port
from tests.sockets.test_scaled import login

CODE_EVENTS = ("code:progress", "code:result", "code:error", "code:timeout")
SLOW = "import time\ntime.sleep(2.5)\na, b = map(int, input().split())\nprint(a + b)\n"


async def worker_accepted(port: int) -> float:
    """`codearena_verdicts_total{mode="submit",verdict="AC"}` from a worker's metrics."""
    async with aiohttp.ClientSession() as http:
        async with http.get(f"http://127.0.0.1:{port}/metrics") as resp:
            assert resp.status == 200
            text = await resp.text()
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            if sample.name == "codearena_verdicts_total" and sample.labels == {
                "mode": "submit",
                "verdict": "AC",
            }:
                return sample.value
    return 0.0


async def insert_problem(draft) -> None:
    db = Database(PG_URL)
    try:
        async with db.session() as session:
            await problem_repo.create_problem(session, draft, author_id=None, source="bank")
    finally:
        await db.close()


async def test_worker_results_reach_client_and_killed_worker_loses_nothing(
    cluster, aplusb_draft, redis_url
):
    await insert_problem(aplusb_draft)
    env = {"CODEARENA_JUDGE_VISIBILITY_TIMEOUT": "3"}
    a = cluster.serve("web-a")
    cluster.serve("web-b")
    metrics_ports = [free_port(), free_port()]
    workers = [
        cluster.start(
            f"worker-{i}",
            "worker",
            "--concurrency",
            "1",
            extra_env={**env, "CODEARENA_WORKER_METRICS_PORT": str(metrics_ports[i])},
        )
        for i in range(2)
    ]

    alice = await login(a.url)
    inbox = Inbox()
    client = socketio.AsyncClient(reconnection=False)
    for name, handler in inbox.handlers(*CODE_EVENTS).items():
        client.on(name, handler)
    await client.connect(
        a.url, auth={"token": alice.token}, transports=["websocket"], wait_timeout=CONNECT_TIMEOUT
    )
    redis = aioredis.from_url(redis_url, decode_responses=True)
    try:
        # 1. A normal submission, judged by some worker, result delivered through web A.
        ack = await client.call(
            "code:execute",
            {
                "problem": "a-plus-b",
                "language": "python",
                "mode": "submit",
                "code": "a, b = map(int, input().split())\nprint(a + b)\n",
            },
            timeout=10,
        )
        assert ack["ok"], ack
        first = await inbox.wait_for(
            "code:result", lambda e: e["submission_id"] == ack["submission_id"], within=90
        )
        assert first["verdict"] == "AC"
        # Exactly one worker judged it, and its own /metrics counts the verdict.
        judged = [await worker_accepted(port) for port in metrics_ports]
        assert sorted(judged) == [0.0, 1.0], judged

        # 2. A slow submission: find the worker holding it and SIGKILL it mid-job.
        ack = await client.call(
            "code:execute",
            {"problem": "a-plus-b", "language": "python", "mode": "submit", "code": SLOW},
            timeout=10,
        )
        assert ack["ok"], ack
        sub_id = ack["submission_id"]
        keys = QueueKeys()
        holder = None
        for _ in range(200):
            pending = await redis.xpending_range(keys.stream, DEFAULT_GROUP, "-", "+", 10)
            if pending:
                holder = pending[0]["consumer"]
                break
            await asyncio.sleep(0.05)
        assert holder, "no worker claimed the job"
        pid = int(holder.rsplit(":", 1)[1])
        victim = next(w for w in workers if w.popen.pid == pid)
        # Kill it mid-job: once it has reported progress on the submission.
        await inbox.wait_for("code:progress", lambda e: e["submission_id"] == sub_id, within=60)
        os.kill(pid, signal.SIGKILL)
        victim.popen.wait(timeout=10)

        result = await inbox.wait_for(
            "code:result", lambda e: e["submission_id"] == sub_id, within=120
        )
        assert result["verdict"] == "AC" and result["total"] == 4
        # Once no worker holds the job any more, nothing can judge (and announce) it again.
        for _ in range(200):
            if not await redis.xpending_range(keys.stream, DEFAULT_GROUP, "-", "+", 10):
                break
            await asyncio.sleep(0.05)
        assert await redis.xpending_range(keys.stream, DEFAULT_GROUP, "-", "+", 10) == []
        assert len([e for e in inbox.events["code:result"] if e["submission_id"] == sub_id]) == 1
        survivor = next(w for w in workers if w is not victim)
        assert survivor.popen.poll() is None
    finally:
        await client.disconnect()
        await redis.aclose()


async def test_no_worker_means_code_timeout(cluster, aplusb_draft):
    await insert_problem(aplusb_draft)
    cluster.env["CODEARENA_JUDGE_TIMEOUT"] = "2"
    web = cluster.serve("web")  # scaled mode, but no `codearena worker` is running
    me = await login(web.url)
    inbox = Inbox()
    client = socketio.AsyncClient(reconnection=False)
    for name, handler in inbox.handlers(*CODE_EVENTS).items():
        client.on(name, handler)
    await client.connect(
        web.url, auth={"token": me.token}, transports=["websocket"], wait_timeout=CONNECT_TIMEOUT
    )
    try:
        ack = await client.call(
            "code:execute",
            {"problem": "a-plus-b", "language": "python", "mode": "run", "code": "print(3)"},
            timeout=10,
        )
        assert ack["ok"]
        timeout = await inbox.wait_for(
            "code:timeout", lambda e: e["submission_id"] == ack["submission_id"], within=20
        )
        assert "did not answer" in timeout["message"]
        assert not inbox.events["code:result"]
    finally:
        await client.disconnect()
