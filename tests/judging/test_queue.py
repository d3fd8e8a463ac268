"""Judge work queue: both backends behind one interface, plus Redis-only recovery.

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
import uuid
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import redis
import redis.asyncio as aioredis

import loops.stopping
from judging.queue import (
    JobFailure,
    JobQueue,
    MemoryJobQueue,
    QueuedJob,
    QueueKeys,
    RedisStreamJobQueue,
    create_job_queue,
    live_workers,
)

pytestmark = pytest.mark.timeout(60)

REDIS_URL = os.environ.get("CODEARENA_TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
ON_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
REPO_ROOT = Path(__file__).resolve().parents[2]
VISIBILITY = 1.0


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


MakeQueue = Callable[..., JobQueue]


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


# Both backends


async def test_enqueue_dedupes_by_job_id(make_queue: MakeQueue) -> None:
    queue = make_queue()
    handled: list[str] = []

    async def handler(job: QueuedJob) -> None:
        handled.append(job.job_id)

    assert await queue.enqueue(QueuedJob("sub-1", {"submission": 1})) is True
    assert await queue.enqueue(QueuedJob("sub-1", {"submission": 1})) is False
    async with worker(queue, handler):
        await wait_until(lambda: handled == ["sub-1"], what="job handled")
    # Finished jobs stay deduped too: a late client retry must not re-judge.
    assert await queue.enqueue(QueuedJob("sub-1", {"submission": 1})) is False
    await asyncio.sleep(0.1)
    assert handled == ["sub-1"]


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
        await asyncio.sleep(0.3)  # room for a duplicate to show up
    assert Counter(handled) == Counter(expected)


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

    async def handler(job: QueuedJob) -> None:
        attempts.append(job.attempt)
        raise RuntimeError("sandbox unavailable")

    async def on_failure(job: QueuedJob, exc: BaseException | None) -> None:
        reported.append((job, exc))

    await queue.enqueue(QueuedJob("sub-2", {"n": 2}))
    async with worker(queue, handler, on_failure=on_failure):
        await wait_until(queue.failures, what="failure recorded")
        await asyncio.sleep(0.5)  # no further attempt may follow
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

    async def handler(job: QueuedJob) -> None:
        attempts.append(job.attempt)
        if job.attempt == 1:
            raise ConnectionResetError("lost the sandbox")

    await queue.enqueue(QueuedJob("sub-3", {}))
    async with worker(queue, handler):
        await wait_until(lambda: attempts == [1, 2], what="second attempt")
        await asyncio.sleep(0.3)
    assert attempts == [1, 2]
    assert await queue.failures() == []


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


# Redis only: recovery across processes, claims, health


async def read_line(proc: asyncio.subprocess.Process, within: float = 10.0) -> str:
    assert proc.stdout is not None
    line = await asyncio.wait_for(proc.stdout.readline(), within)
    return line.decode().strip()


@contextlib.asynccontextmanager
async def worker_process(prefix: str, consumer: str) -> AsyncIterator[asyncio.subprocess.Process]:
    """`tests/judging/queue_worker_proc.py` in its own OS process; killed on exit."""
    proc = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "tests.judging.queue_worker_proc",
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

    outcomes: list[tuple[int, bool]] = []

    async def handler(job: QueuedJob) -> None:
        outcomes.append((job.attempt, await queue.claim_result(job.job_id)))

    killed_at = time.monotonic()
    async with worker(queue, handler):
        await wait_until(lambda: outcomes, what="job reclaimed")
        # The dead worker's health key runs out, so `worker --check` would notice.
        await wait_until(lambda: _gone(queue, without="doomed"), what="dead worker expires")
    assert time.monotonic() - killed_at >= VISIBILITY * 0.8  # waited for the timeout
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
    await redis_client.set(keys.worker("ghost"), "{}", px=100)
    await asyncio.sleep(0.2)
    assert await live_workers(redis_client, prefix=prefix) == []
    await queue.close()


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
        await asyncio.sleep(0.6)
        assert not task.done()
    assert "retrying in" in caplog.text
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
