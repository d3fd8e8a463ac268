"""Helpers for the judge queue tests: Redis access, queue builders, a background worker.

Redis tests use the real server at CODEARENA_TEST_REDIS_URL (default 127.0.0.1:6379/0),
a unique key prefix per test, and delete their keys afterwards. They are skipped when
Redis is unreachable, except on CI (CI=true), where they fail.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
import redis
import redis.asyncio as aioredis

from judging.queue import JobQueue, QueuedJob, QueueKeys, RedisStreamJobQueue

REDIS_URL = os.environ.get("CODEARENA_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
ON_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
REPO_ROOT = Path(__file__).resolve().parents[3]
VISIBILITY = 1.0

MakeQueue = Callable[..., JobQueue]


def require_redis() -> None:
    """Skip without Redis locally; on CI a missing Redis is a failure, not a skip."""
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1, socket_timeout=1)
    try:
        client.ping()
    except (redis.RedisError, OSError) as exc:
        if ON_CI:
            pytest.fail(f"Redis not reachable on CI at {REDIS_URL}: {exc!r}")
        pytest.skip(f"Redis not reachable at {REDIS_URL}")
    finally:
        client.close()


def make_redis_queue(prefix: str, **options: Any) -> RedisStreamJobQueue:
    options.setdefault("concurrency", 2)
    options.setdefault("visibility_timeout", VISIBILITY)
    options.setdefault("block", 0.1)
    options.setdefault("reclaim_interval", 0.2)
    options.setdefault("health_interval", 0.2)
    return RedisStreamJobQueue(REDIS_URL, prefix=prefix, **options)


async def wait_until(
    check: Callable[[], Any], *, within: float = 10.0, what: str = "condition"
) -> None:
    """Poll `check` (sync or async) until truthy; fail after `within` seconds."""
    deadline = time.monotonic() + within
    while True:
        result = check()
        if isinstance(result, Awaitable):
            result = await result
        if result:
            return
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


@contextlib.asynccontextmanager
async def worker(
    queue: JobQueue, handler: Callable[[QueuedJob], Awaitable[None]], **kwargs: Any
) -> AsyncIterator[tuple[asyncio.Event, asyncio.Task[None]]]:
    """Run a worker in the background; stop it (and require a clean return) on exit."""
    stop = asyncio.Event()
    task = asyncio.create_task(queue.run_worker(handler, stop=stop, **kwargs))
    try:
        yield stop, task
    finally:
        stop.set()
        if not task.done():
            await asyncio.wait_for(task, 15)
        elif not task.cancelled() and task.exception() is not None:
            raise task.exception()  # type: ignore[misc]


async def stream_counts(client: aioredis.Redis, prefix: str) -> tuple[int, int]:
    """(entries in the job stream, entries pending in the group)."""
    keys = QueueKeys(prefix)
    length = await client.xlen(keys.stream)
    pending = await client.xpending(keys.stream, "judges")
    return length, pending["pending"]


async def read_line(proc: asyncio.subprocess.Process, within: float = 10.0) -> str:
    assert proc.stdout is not None
    line = await asyncio.wait_for(proc.stdout.readline(), within)
    return line.decode().strip()


@contextlib.asynccontextmanager
async def worker_process(prefix: str, consumer: str) -> AsyncIterator[asyncio.subprocess.Process]:
    """`tests/judging/queues/worker_proc.py` in its own OS process; killed on exit."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.judging.queues.worker_proc",
        REDIS_URL,
        prefix,
        consumer,
        "--visibility-timeout",
        str(VISIBILITY),
        cwd=REPO_ROOT,
        stdout=asyncio.subprocess.PIPE,
    )
    try:
        assert await read_line(proc) == "ready"
        yield proc
    finally:
        if proc.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                proc.send_signal(signal.SIGCONT)
                proc.kill()
            await proc.wait()
