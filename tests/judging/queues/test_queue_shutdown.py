"""Stopping a judge worker, both backends: finish in flight, hand back after the grace period."""

from __future__ import annotations

import asyncio
import contextlib

import pytest
import redis.asyncio as aioredis

import loops.stopping
from judging.queue import MemoryJobQueue, QueuedJob, RedisStreamJobQueue
from tests.judging.queues.support import (
    REDIS_URL,
    MakeQueue,
    stream_counts,
    wait_until,
    worker,
)

pytestmark = pytest.mark.timeout(60)


async def test_graceful_stop_finishes_in_flight_and_takes_nothing_new(
    kind: str, make_queue: MakeQueue, prefix: str
) -> None:
    # One slot: while the job runs nothing else is being read, so the test is exact.
    queue = make_queue(concurrency=1)
    started = asyncio.Event()
    finished: list[str] = []

    async def handler(job: QueuedJob) -> None:
        started.set()
        await asyncio.sleep(0.5)
        finished.append(job.job_id)

    await queue.enqueue(QueuedJob("first", {}))
    stop = asyncio.Event()
    task = asyncio.create_task(queue.run_worker(handler, stop=stop))
    await asyncio.wait_for(started.wait(), 5)
    stop.set()
    await queue.enqueue(QueuedJob("late", {}))
    await asyncio.wait_for(task, 5)
    assert finished == ["first"]
    if isinstance(queue, MemoryJobQueue):
        assert queue.qsize() == 1
    else:
        async with aioredis.Redis.from_url(REDIS_URL) as client:
            assert await stream_counts(client, prefix) == (1, 0)  # "late" waits, unread


async def test_stop_after_grace_hands_unfinished_job_back(kind: str, make_queue: MakeQueue) -> None:
    slow = make_queue(grace_period=0.2)
    started = asyncio.Event()
    cancelled: list[str] = []

    async def stuck(job: QueuedJob) -> None:
        started.set()
        try:
            await asyncio.Event().wait()  # never finishes: only a cancel ends it
        except asyncio.CancelledError:
            cancelled.append(job.job_id)
            raise

    await slow.enqueue(QueuedJob("sub-4", {}))
    stop = asyncio.Event()
    task = asyncio.create_task(slow.run_worker(stuck, stop=stop))
    await asyncio.wait_for(started.wait(), 5)
    stop.set()
    await asyncio.wait_for(task, 30)  # a hang guard; returning at all means it cancelled
    assert cancelled == ["sub-4"]

    # Handed back, not left to time out: the job is waiting again, and on Redis its
    # entry looks idle for a whole visibility timeout with this delivery undone.
    if isinstance(slow, MemoryJobQueue):
        assert slow.qsize() == 1
    else:
        assert isinstance(slow, RedisStreamJobQueue)
        [entry] = await slow.redis.xpending_range(
            slow.keys.stream, slow.group, min="-", max="+", count=10
        )
        assert entry["time_since_delivered"] >= slow.visibility_ms
        assert entry["times_delivered"] == 0

    # Another worker picks it up, and the interrupted run doesn't count as an attempt.
    fresh = slow if kind == "memory" else make_queue()
    seen: list[int] = []

    async def quick(job: QueuedJob) -> None:
        seen.append(job.attempt)

    async with worker(fresh, quick):
        await wait_until(lambda: seen, what="job taken over")
    assert seen == [1]


async def test_cancelling_run_worker_propagates(kind: str, make_queue: MakeQueue) -> None:
    queue = make_queue()
    started = asyncio.Event()

    async def handler(job: QueuedJob) -> None:
        started.set()
        await asyncio.sleep(30)

    await queue.enqueue(QueuedJob("sub-5", {}))
    task = asyncio.create_task(queue.run_worker(handler, stop=asyncio.Event()))
    await asyncio.wait_for(started.wait(), 5)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await asyncio.wait_for(task, 5)
    assert task.cancelled()

    done: list[str] = []

    async def finish(job: QueuedJob) -> None:
        done.append(job.job_id)

    fresh = queue if kind == "memory" else make_queue()
    async with worker(fresh, finish):
        await wait_until(lambda: done == ["sub-5"], what="job not lost")


async def test_shutdown_does_not_wait_forever_for_a_job_that_ignores_its_cancel(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A job that swallows its cancel (as wait_for on 3.11 could make one do) is
    logged and left behind; the worker still stops."""

    monkeypatch.setattr(loops.stopping, "CANCEL_WAIT", 0.2)
    release = asyncio.Event()

    async def stubborn() -> None:
        while not release.is_set():
            with contextlib.suppress(asyncio.CancelledError):
                await release.wait()

    polite = asyncio.create_task(asyncio.sleep(30))
    task = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    await asyncio.wait_for(loops.stopping.cancel_all([task, polite], "judge job"), 5)
    assert polite.cancelled() and not task.done()
    assert "1 judge job(s) still running" in caplog.text
    release.set()
    await task
