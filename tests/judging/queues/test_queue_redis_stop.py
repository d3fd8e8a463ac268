"""Stopping a Redis-queue worker always ends, whatever Redis is doing at the time.

Two ways it used to hang. A cancel that lands while redis-py writes a command is lost on
Python 3.11 (it wraps writes in asyncio.wait_for, CPython gh-86296), so loops that only
ended on a cancel (worker health, claim refresh) could run on forever. And a Redis that
stops answering held the reader, and with it shutdown.

A client without a socket timeout (redis-py's default before 8.0; reads block on
purpose) waits forever on a stalled server or a half-open connection, so the worker must
bound its own wait after `stop`. A local TCP server that answers the connection
handshake and then nothing plays that Redis.
"""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import AsyncIterator

import pytest
import redis.asyncio as aioredis

from judging.queue import QueuedJob, RedisStreamJobQueue
from tests.judging.queues.support import REDIS_URL, require_redis

pytestmark = pytest.mark.timeout(60)

READER_COMMANDS = (b"XGROUP", b"XREADGROUP", b"EVALSHA", b"EVAL")
HELLO_REPLY = b"%2\r\n+server\r\n+redis\r\n+proto\r\n:3\r\n"


async def read_command(reader: asyncio.StreamReader) -> list[bytes]:
    """One RESP command (an array of bulk strings), as a client sends it."""
    header = await reader.readuntil(b"\r\n")
    words = []
    for _ in range(int(header[1:-2])):
        size = int((await reader.readuntil(b"\r\n"))[1:-2])
        words.append((await reader.readexactly(size + 2))[:-2])
    return words


@pytest.fixture
async def stalled_redis() -> AsyncIterator[tuple[str, asyncio.Event]]:
    """A redis:// URL whose server completes the connection handshake, then goes silent;
    the event is set once the worker's reader waits on it."""
    held: list[asyncio.StreamWriter] = []
    ignored = asyncio.Event()

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        held.append(writer)
        with contextlib.suppress(asyncio.IncompleteReadError, ConnectionError):
            while True:
                command = await read_command(reader)
                if command[0].upper() == b"HELLO":
                    writer.write(HELLO_REPLY)
                    await writer.drain()
                elif command[0].upper() in (b"CLIENT", b"SELECT", b"PING"):
                    writer.write(b"+OK\r\n")
                    await writer.drain()
                elif command[0].upper() in READER_COMMANDS:  # never answered, nor the rest
                    ignored.set()

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    yield f"redis://127.0.0.1:{port}/0", ignored
    for writer in held:
        writer.close()
    server.close()
    await server.wait_closed()


async def test_stop_ends_the_worker_when_redis_never_answers(
    stalled_redis: tuple[str, asyncio.Event],
) -> None:
    url, ignored = stalled_redis
    client = aioredis.Redis.from_url(url, decode_responses=True, socket_timeout=None)
    queue = RedisStreamJobQueue(client, block=0.1, grace_period=0.1, concurrency=1)
    handled: list[QueuedJob] = []

    async def handler(job: QueuedJob) -> None:
        handled.append(job)

    stop = asyncio.Event()
    task = asyncio.create_task(queue.run_worker(handler, stop=stop))
    await asyncio.wait_for(ignored.wait(), 10)  # the reader now waits on Redis
    stop.set()
    await asyncio.wait_for(task, 30)  # a hang guard: before the fix this never returned
    assert handled == []
    await client.aclose()


async def test_stop_ends_the_worker_while_it_talks_to_redis() -> None:
    """Stop lands at random points of the worker's Redis traffic (health, claim refresh,
    reads, finishing jobs); every stop must end the worker."""
    require_redis()
    prefix = f"test:{uuid.uuid4().hex[:12]}:judge"
    options = {"concurrency": 2, "block": 0.05, "reclaim_interval": 0.05}
    queue = RedisStreamJobQueue(
        REDIS_URL, prefix=prefix, health_interval=0.01, visibility_timeout=0.06, **options
    )
    finished: asyncio.Queue[str] = asyncio.Queue()

    async def handler(job: QueuedJob) -> None:
        await asyncio.sleep(0.03)  # long enough for claim refreshes to run
        finished.put_nowait(job.job_id)

    try:
        for n in range(60):
            await queue.enqueue(QueuedJob(f"job-{n}", {}))
            stop = asyncio.Event()
            task = asyncio.create_task(queue.run_worker(handler, stop=stop))
            assert await asyncio.wait_for(finished.get(), 10) == f"job-{n}"
            stop.set()
            stopped, _ = await asyncio.wait({task}, timeout=30)  # a hang guard
            assert stopped, f"the worker did not stop (round {n})"
    finally:
        keys = [key async for key in queue.redis.scan_iter(match=f"{prefix}:*")]
        if keys:
            await queue.redis.delete(*keys)
        await queue.close()
