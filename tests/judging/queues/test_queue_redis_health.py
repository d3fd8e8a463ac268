"""Redis queue plumbing: worker health keys, lost connections, key names, backend choice."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import json
import uuid

import pytest
import redis
import redis.asyncio as aioredis

from judging.queue import (
    MemoryJobQueue,
    QueuedJob,
    QueueKeys,
    RedisStreamJobQueue,
    create_job_queue,
    live_workers,
)
from tests.judging.queues.support import (
    REDIS_URL,
    VISIBILITY,
    make_redis_queue,
    wait_until,
    worker,
)

pytestmark = pytest.mark.timeout(60)


async def test_health_key_lists_live_workers_and_goes_away(
    redis_client: aioredis.Redis, prefix: str
) -> None:
    queue = make_redis_queue(prefix, consumer="w1", health_interval=0.2)
    keys = QueueKeys(prefix)

    async def handler(job: QueuedJob) -> None:
        pass

    async with worker(queue, handler):
        await wait_until(queue.live_workers, what="health key written")
        [health] = await live_workers(redis_client, prefix=prefix)
        assert (health.consumer, health.concurrency, health.draining) == ("w1", 2, False)
        ttl = await redis_client.pttl(keys.worker("w1"))
        assert 0 < ttl <= 600  # 3 x health_interval: a dead worker vanishes quickly
    # A worker that stops cleanly removes itself at once.
    assert await queue.live_workers() == []
    # A worker that dies just stops refreshing: its key expires.
    record = {**dataclasses.asdict(health), "consumer": "ghost"}
    await redis_client.set(keys.worker("ghost"), json.dumps(record), px=100)
    assert [w.consumer for w in await live_workers(redis_client, prefix=prefix)] == ["ghost"]
    await wait_until(lambda: _none_live(redis_client, prefix), what="ghost key expires")
    await queue.close()


async def _none_live(client: aioredis.Redis, prefix: str) -> bool:
    return await live_workers(client, prefix=prefix) == []


async def test_worker_recovers_after_its_connections_are_killed(
    redis_client: aioredis.Redis, prefix: str
) -> None:
    name = f"judge-{uuid.uuid4().hex[:8]}"
    client = aioredis.Redis.from_url(REDIS_URL, decode_responses=True, client_name=name)
    queue = RedisStreamJobQueue(
        client, prefix=prefix, block=0.1, reclaim_interval=0.2, visibility_timeout=VISIBILITY
    )
    producer = make_redis_queue(prefix)  # its connections stay up: only the worker's die
    handled: list[str] = []

    async def handler(job: QueuedJob) -> None:
        handled.append(job.job_id)

    async with worker(queue, handler):
        await producer.enqueue(QueuedJob("before", {}))
        await wait_until(lambda: handled == ["before"], what="first job")
        for _ in range(3):
            for info in await redis_client.client_list():
                if info.get("name") == name:
                    with contextlib.suppress(redis.RedisError):
                        await redis_client.client_kill_filter(_id=info["id"])
            await asyncio.sleep(0.15)
        await producer.enqueue(QueuedJob("after", {}))
        await wait_until(lambda: handled == ["before", "after"], what="job after kills")
    await client.aclose()
    await producer.close()


# No server needed


async def test_unreachable_redis_is_retried_not_fatal(
    caplog: pytest.LogCaptureFixture,
) -> None:
    queue = RedisStreamJobQueue(
        "redis://127.0.0.1:1/0", prefix="unused", block=0.1, reclaim_interval=0.1
    )

    async def handler(job: QueuedJob) -> None:
        raise AssertionError("no job can arrive")

    async with worker(queue, handler) as (_, task):
        await wait_until(lambda: "retrying in" in caplog.text, what="a retry logged")
        assert not task.done()
    await queue.close()


def test_key_names_live_under_one_prefix() -> None:
    keys = QueueKeys()
    assert keys.stream == "codearena:judge:jobs"
    assert keys.worker("host-1-ab") == "codearena:judge:worker:host-1-ab"
    assert keys.job("s1") == "codearena:judge:job:s1"
    assert keys.result("s1") == "codearena:judge:result:s1"
    assert QueueKeys("t").failed == "t:failed"


async def test_create_job_queue_picks_backend_from_redis_url() -> None:
    memory = create_job_queue(None, concurrency=3)
    assert isinstance(memory, MemoryJobQueue) and memory.concurrency == 3
    scaled = create_job_queue(REDIS_URL, visibility_timeout=5)
    assert isinstance(scaled, RedisStreamJobQueue) and scaled.visibility_timeout == 5
    await scaled.close()
