"""Judge queue semantics both backends share: dedupe, payloads, exactly-once, retries."""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest
import redis.asyncio as aioredis

from judging.queue import JobFailure, QueuedJob, RedisStreamJobQueue
from tests.judging.queues.support import (
    REDIS_URL,
    MakeQueue,
    stream_counts,
    wait_until,
    worker,
)

pytestmark = pytest.mark.timeout(60)


async def test_enqueue_dedupes_by_job_id(make_queue: MakeQueue) -> None:
    queue = make_queue()
    handled: list[str] = []

    async def handler(job: QueuedJob) -> None:
        handled.append(job.job_id)

    assert await queue.enqueue(QueuedJob("sub-1", {"submission": 1})) is True
    assert await queue.enqueue(QueuedJob("sub-1", {"submission": 1})) is False
    async with worker(queue, handler):
        await wait_until(lambda: handled == ["sub-1"], what="job handled")
    # Finished jobs stay deduped too: a late client retry must not re-judge. A job
    # queued after it is handled later, so by then a re-queued sub-1 would have run.
    assert await queue.enqueue(QueuedJob("sub-1", {"submission": 1})) is False
    assert await queue.enqueue(QueuedJob("sub-2", {"submission": 2})) is True
    async with worker(queue, handler):
        await wait_until(lambda: "sub-2" in handled, what="later job handled")
    assert handled == ["sub-1", "sub-2"]


async def test_enqueue_rejects_unserialisable_payload(make_queue: MakeQueue) -> None:
    queue = make_queue()
    with pytest.raises(TypeError):
        await queue.enqueue(QueuedJob("bad", {"when": object()}))
    # The failed enqueue must not burn the id.
    assert await queue.enqueue(QueuedJob("bad", {"ok": True})) is True


async def test_handler_gets_the_payload(make_queue: MakeQueue) -> None:
    queue = make_queue()
    seen: list[QueuedJob] = []

    async def handler(job: QueuedJob) -> None:
        seen.append(job)

    payload = {"submission_id": 7, "user_id": 3, "room": "r1", "tests": [1, 2]}
    await queue.enqueue(QueuedJob("sub-7", payload))
    async with worker(queue, handler):
        await wait_until(lambda: seen, what="job handled")
    assert seen == [QueuedJob("sub-7", payload, attempt=1)]


async def test_each_job_runs_exactly_once_across_two_workers(
    kind: str, make_queue: MakeQueue
) -> None:
    # Not a reclaim test: a long visibility timeout keeps a loaded machine (a starved
    # event loop) from legitimately handing a slow job to the other worker.
    slow_reclaim = {} if kind == "memory" else {"visibility_timeout": 10.0}
    first = make_queue(**slow_reclaim)
    # Memory: two workers on one in-process queue. Redis: two consumers on one stream.
    second = first if kind == "memory" else make_queue(**slow_reclaim)
    handled: list[str] = []

    async def handler(job: QueuedJob) -> None:
        await asyncio.sleep(0.005 * (int(job.job_id.split("-")[1]) % 3))
        handled.append(job.job_id)

    expected = [f"job-{i}" for i in range(40)]
    for job_id in expected:
        assert await first.enqueue(QueuedJob(job_id, {}))
    async with worker(first, handler), worker(second, handler):
        await wait_until(lambda: len(handled) >= len(expected), what="all jobs handled")
        # A job queued after all the others: once it ran, a duplicate read would have too.
        assert await first.enqueue(QueuedJob("job-40", {}))
        await wait_until(lambda: "job-40" in handled, what="the last job handled")
    assert Counter(handled) == Counter([*expected, "job-40"])


async def test_claim_result_is_true_for_one_caller_only(kind: str, make_queue: MakeQueue) -> None:
    first = make_queue()
    second = first if kind == "memory" else make_queue()
    results = await asyncio.gather(*(queue.claim_result("sub-9") for queue in [first, second] * 10))
    assert results.count(True) == 1
    assert await first.claim_result("sub-10") is True


async def test_handler_exception_is_retried_then_recorded(
    kind: str, make_queue: MakeQueue, prefix: str
) -> None:
    queue = make_queue(max_attempts=3)
    attempts: list[int] = []
    reported: list[tuple[QueuedJob, BaseException | None]] = []
    later: list[str] = []

    async def handler(job: QueuedJob) -> None:
        if job.job_id == "later":
            later.append(job.job_id)
            return
        attempts.append(job.attempt)
        raise RuntimeError("sandbox unavailable")

    async def on_failure(job: QueuedJob, exc: BaseException | None) -> None:
        reported.append((job, exc))

    await queue.enqueue(QueuedJob("sub-2", {"n": 2}))
    async with worker(queue, handler, on_failure=on_failure):
        await wait_until(queue.failures, what="failure recorded")
        # No further attempt may follow: a job queued now is handled after any retry.
        await queue.enqueue(QueuedJob("later", {}))
        await wait_until(lambda: later, what="later job handled")
    assert attempts == [1, 2, 3]
    [failure] = await queue.failures()
    assert isinstance(failure, JobFailure)
    assert (failure.job_id, failure.payload, failure.attempts) == ("sub-2", {"n": 2}, 3)
    assert "sandbox unavailable" in failure.error
    [(job, exc)] = reported
    assert job.job_id == "sub-2" and isinstance(exc, RuntimeError)
    if isinstance(queue, RedisStreamJobQueue):
        assert await queue.job_status("sub-2") == "failed"
        async with aioredis.Redis.from_url(REDIS_URL) as client:
            assert await stream_counts(client, prefix) == (0, 0)


async def test_transient_exception_then_success_records_nothing(
    make_queue: MakeQueue,
) -> None:
    queue = make_queue(max_attempts=3)
    attempts: list[int] = []

    later: list[str] = []

    async def handler(job: QueuedJob) -> None:
        if job.job_id == "later":
            later.append(job.job_id)
            return
        attempts.append(job.attempt)
        if job.attempt == 1:
            raise ConnectionResetError("lost the sandbox")

    await queue.enqueue(QueuedJob("sub-3", {}))
    async with worker(queue, handler):
        await wait_until(lambda: attempts == [1, 2], what="second attempt")
        await queue.enqueue(QueuedJob("later", {}))  # handled after any third attempt
        await wait_until(lambda: later, what="later job handled")
    assert attempts == [1, 2]
    assert await queue.failures() == []
