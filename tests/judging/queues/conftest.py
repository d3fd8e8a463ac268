"""Fixtures for the judge queue tests: a private key prefix and queues of either backend."""

from __future__ import annotations

import contextlib
import uuid
from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest
import redis
import redis.asyncio as aioredis

from judging.queue import JobQueue, MemoryJobQueue, RedisStreamJobQueue
from tests.judging.queues.support import REDIS_URL, VISIBILITY, MakeQueue, require_redis


@pytest.fixture
def prefix() -> Iterator[str]:
    """A key prefix no other test uses; its keys are deleted afterwards."""
    name = f"test:{uuid.uuid4().hex[:12]}:judge"
    yield name
    with contextlib.suppress(redis.RedisError, OSError):
        client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1)
        keys = list(client.scan_iter(match=f"{name}:*"))
        if keys:
            client.delete(*keys)
        client.close()


@pytest.fixture
async def redis_client(prefix: str) -> AsyncIterator[aioredis.Redis]:
    require_redis()
    client = aioredis.Redis.from_url(REDIS_URL, decode_responses=True)
    yield client
    await client.aclose()


@pytest.fixture(params=["memory", "redis"])
def kind(request: pytest.FixtureRequest) -> str:
    if request.param == "redis":
        require_redis()
    return request.param


@pytest.fixture
async def make_queue(kind: str, prefix: str) -> AsyncIterator[MakeQueue]:
    """Build queues of the test's backend; Redis ones share the test's prefix."""
    made: list[JobQueue] = []

    def make(**options: Any) -> JobQueue:
        options.setdefault("concurrency", 2)
        queue: JobQueue
        if kind == "memory":
            queue = MemoryJobQueue(**options)
        else:
            options.setdefault("visibility_timeout", VISIBILITY)
            options.setdefault("block", 0.1)
            options.setdefault("reclaim_interval", 0.2)
            options.setdefault("health_interval", 0.2)
            queue = RedisStreamJobQueue(REDIS_URL, prefix=prefix, **options)
        made.append(queue)
        return queue

    yield make
    for queue in made:
        await queue.close()
