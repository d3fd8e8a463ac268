"""Redis queue recovery across processes: dead, frozen and slow workers; poison entries."""

from __future__ import annotations

import asyncio
import signal

import pytest
import redis.asyncio as aioredis

from judging.queue import QueuedJob, QueueKeys, RedisStreamJobQueue
from tests.judging.queues.support import (
    VISIBILITY,
    make_redis_queue,
    read_line,
    stream_counts,
    wait_until,
    worker,
    worker_process,
)

pytestmark = pytest.mark.timeout(60)


async def test_sigkilled_worker_job_is_reclaimed_and_result_claimed_once(
    redis_client: aioredis.Redis, prefix: str
) -> None:
    queue = make_redis_queue(prefix)
    await queue.enqueue(QueuedJob("sub-6", {"sleep": 30}))
    async with worker_process(prefix, "doomed") as proc:
        assert await read_line(proc) == "started sub-6 1"
        assert "doomed" in [w.consumer for w in await queue.live_workers()]
        proc.send_signal(signal.SIGKILL)
        await proc.wait()
    # Killing a worker releases nothing: its job stays claimed until the visibility
    # timeout lets another worker take it over (as attempt 2, below).
    [entry] = await redis_client.xpending_range(QueueKeys(prefix).stream, "judges", "-", "+", 10)
    assert (entry["consumer"], entry["times_delivered"]) == ("doomed", 1)

    outcomes: list[tuple[int, bool]] = []

    async def handler(job: QueuedJob) -> None:
        outcomes.append((job.attempt, await queue.claim_result(job.job_id)))

    async with worker(queue, handler):
        await wait_until(lambda: outcomes, what="job reclaimed")
        # The dead worker's health key runs out, so `worker --check` would notice.
        await wait_until(lambda: _gone(queue, without="doomed"), what="dead worker expires")
    assert outcomes == [(2, True)]
    assert await queue.claim_result("sub-6") is False
    assert await queue.job_status("sub-6") == "done"
    assert await stream_counts(redis_client, prefix) == (0, 0)
    await queue.close()


async def _gone(queue: RedisStreamJobQueue, *, without: str) -> bool:
    return without not in [w.consumer for w in await queue.live_workers()]


async def test_frozen_worker_and_its_replacement_emit_one_result(
    redis_client: aioredis.Redis, prefix: str
) -> None:
    """SIGSTOP a worker mid-job: another takes over; both finish, one result claim wins."""
    queue = make_redis_queue(prefix)
    await queue.enqueue(QueuedJob("sub-8", {"sleep": 1.5}))
    claims: list[bool] = []

    async def handler(job: QueuedJob) -> None:
        claims.append(await queue.claim_result(job.job_id))

    async with worker_process(prefix, "frozen") as proc:
        assert await read_line(proc) == "started sub-8 1"
        proc.send_signal(signal.SIGSTOP)
        async with worker(queue, handler):
            await wait_until(lambda: claims, what="replacement judged the job")
        proc.send_signal(signal.SIGCONT)
        assert await read_line(proc) == "finished sub-8 False"
        proc.send_signal(signal.SIGTERM)
        assert await read_line(proc) == "stopped"
        assert await proc.wait() == 0
    assert claims == [True]
    assert await stream_counts(redis_client, prefix) == (0, 0)
    assert await queue.failures() == []
    await queue.close()


async def test_keepalive_stops_slow_live_worker_being_robbed(
    redis_client: aioredis.Redis, prefix: str
) -> None:
    slow = make_redis_queue(prefix, consumer="slow")
    other = make_redis_queue(prefix, consumer="other")
    runs: list[str] = []
    started = asyncio.Event()

    async def handler(job: QueuedJob) -> None:
        started.set()
        runs.append(job.job_id)
        await asyncio.sleep(VISIBILITY * 3)

    await slow.enqueue(QueuedJob("sub-11", {}))
    async with worker(slow, handler):
        await asyncio.wait_for(started.wait(), 5)
        async with worker(other, handler):  # sweeps for idle jobs every 0.2 s
            await wait_until(lambda: _is_done(slow, "sub-11"), within=10, what="slow job finished")
    assert runs == ["sub-11"]
    assert await stream_counts(redis_client, prefix) == (0, 0)
    await slow.close()
    await other.close()


async def _is_done(queue: RedisStreamJobQueue, job_id: str) -> bool:
    return await queue.job_status(job_id) == "done"


async def test_job_that_keeps_killing_workers_is_given_up(
    redis_client: aioredis.Redis, prefix: str
) -> None:
    queue = make_redis_queue(prefix, max_attempts=3)
    keys = QueueKeys(prefix)
    await queue.enqueue(QueuedJob("sub-12", {"n": 12}))
    # Three deliveries to workers that all died: read by a ghost, re-delivered twice.
    [[_, [(entry_id, _)]]] = await redis_client.xreadgroup(
        "judges", "ghost", {keys.stream: ">"}, count=1
    )
    for _ in range(2):
        await redis_client.xclaim(keys.stream, "judges", "ghost", 0, [entry_id])
    await redis_client.xclaim(
        keys.stream, "judges", "ghost", 0, [entry_id], idle=60_000, justid=True
    )
    handled: list[str] = []
    reported: list[tuple[str, BaseException | None]] = []

    async def handler(job: QueuedJob) -> None:
        handled.append(job.job_id)

    async def on_failure(job: QueuedJob, exc: BaseException | None) -> None:
        reported.append((job.job_id, exc))

    async with worker(queue, handler, on_failure=on_failure):
        await wait_until(queue.failures, what="failure recorded")
    assert handled == []
    [failure] = await queue.failures()
    assert (failure.job_id, failure.attempts) == ("sub-12", 3)
    assert "worker lost" in failure.error
    assert reported == [("sub-12", None)]
    assert await stream_counts(redis_client, prefix) == (0, 0)
    await queue.close()


async def test_unreadable_entry_is_recorded_and_worker_carries_on(
    redis_client: aioredis.Redis, prefix: str
) -> None:
    queue = make_redis_queue(prefix)
    await queue.ensure_group()
    await redis_client.xadd(QueueKeys(prefix).stream, {"job_id": "junk", "payload": "{no"})
    await queue.enqueue(QueuedJob("sub-13", {}))
    handled: list[str] = []

    async def handler(job: QueuedJob) -> None:
        handled.append(job.job_id)

    async with worker(queue, handler):
        await wait_until(lambda: handled == ["sub-13"], what="good job handled")
        await wait_until(queue.failures, what="junk recorded")
    [failure] = await queue.failures()
    assert failure.job_id == "junk" and "unreadable" in failure.error
    await queue.close()
