"""One `run_worker` call on the Redis stream queue: read, reclaim, judge, report health.

Three loops share a slot counter so reading new jobs and taking over abandoned ones
together never exceed the worker's concurrency. Every loop logs Redis errors and retries
with a capped backoff; only cancellation ends it early.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import socket
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import TYPE_CHECKING, TypeVar

from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import ResponseError
from redis.exceptions import TimeoutError as RedisTimeoutError

from judging.queue_base import FailureHook, JobHandler, QueuedJob, run_failure_hook
from judging.redis_replies import stream_entries
from loops import Backoff, cancel_all, first_or_stop, sleep_or_stop

if TYPE_CHECKING:
    from judging.queue_redis import RedisStreamJobQueue

log = logging.getLogger(__name__)
T = TypeVar("T")

# Redis calls made while finishing a job get this many tries before we give up and let
# the reclaim sweep (and the `done` status check) sort it out.
FINISH_TRIES = 5
# After `stop`, the reader gets `block` plus this long to return on its own before it is
# cancelled; and the Redis calls that hand jobs back get this long in all.
STOP_MARGIN = 2.0


class Slots:
    """Free job slots; taken before a read so reads never over-fetch."""

    def __init__(self, size: int) -> None:
        self.free = size
        self._freed = asyncio.Event()

    def take(self, most: int) -> int:
        taken = min(self.free, most)
        self.free -= taken
        return taken

    def give(self, count: int = 1) -> None:
        if count > 0:
            self.free += count
            self._freed.set()

    async def wait(self) -> None:
        while self.free == 0:
            self._freed.clear()
            await self._freed.wait()


class StreamWorker:
    """State of one worker run; the queue object itself stays reusable."""

    def __init__(
        self,
        queue: RedisStreamJobQueue,
        handler: JobHandler,
        stop: asyncio.Event,
        on_failure: FailureHook | None,
    ) -> None:
        self.queue = queue
        self.redis = queue.redis
        self.handler = handler
        self.stop = stop
        self.on_failure = on_failure
        self.slots = Slots(queue.concurrency)
        self.running: dict[str, tuple[asyncio.Task[None], int]] = {}
        self.processed = 0
        self.failed = 0
        self.started_at = time.time()
        # Set when run() winds up: the health loop ends on it, not only on a cancel,
        # because a cancel can be lost (see _claim_kept).
        self.closing = asyncio.Event()

    async def run(self) -> None:
        q = self.queue
        log.info(
            "judge worker %s: stream %s, concurrency %d", q.consumer, q.keys.stream, q.concurrency
        )
        health = asyncio.create_task(self._health_loop(), name="judge-health")
        # One feeder both reclaims and reads: two feeders competing for the same slots
        # starved the reclaim sweep whenever the blocking read held every slot.
        reader = asyncio.create_task(self._read_loop(), name="judge-read")
        try:
            await self._stop_reader(reader)
            await self._drain()
        finally:
            self.closing.set()
            reader.cancel()
            await self._abandon_running()
            await cancel_all([reader, health], "judge worker loop")
            with contextlib.suppress(Exception):
                async with asyncio.timeout(STOP_MARGIN):
                    await self.redis.delete(q.keys.worker(q.consumer))
            log.info("judge worker %s stopped", q.consumer)

    async def _stop_reader(self, reader: asyncio.Task[None]) -> None:
        """Wait for `stop`, then for the reader to return on its own, but not forever.

        The reader notices `stop` between Redis calls, within `block` seconds while Redis
        answers. A call that does not return (a stalled server, a half-open connection;
        the client may have no socket timeout at all, redis-py's default before 8.0)
        must not hold up shutdown, so the reader is cancelled after `block` +
        STOP_MARGIN. Entries a cancelled read had already received stay pending under
        our name, and another worker reclaims them after the visibility timeout.
        """
        stopped = asyncio.ensure_future(self.stop.wait())
        try:
            await asyncio.wait({reader, stopped}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            stopped.cancel()
        if not reader.done():
            await asyncio.wait({reader}, timeout=self.queue.block + STOP_MARGIN)
        if not reader.done():
            log.warning(
                "judge worker %s: Redis did not answer after stop; stopping the read",
                self.queue.consumer,
            )
            await cancel_all([reader], "judge reader")
        elif not reader.cancelled():
            reader.result()  # a reader that crashed fails the worker, as before

    async def _drain(self) -> None:
        """Let in-flight jobs finish, up to the grace period."""
        tasks = [task for task, _ in self.running.values()]
        if not tasks:
            return
        log.info("judge worker %s: waiting for %d job(s)", self.queue.consumer, len(tasks))
        await asyncio.wait(tasks, timeout=self.queue.grace_period)

    async def _abandon_running(self) -> None:
        """Cancel jobs still running and hand their entries straight to other workers.

        RETRYCOUNT undoes this delivery, so a shutdown doesn't count as a failed try.
        """
        running = dict(self.running)
        if not running:
            return
        log.warning(
            "judge worker %s: handing back %d unfinished job(s)", self.queue.consumer, len(running)
        )
        await cancel_all([task for task, _ in running.values()], "judge job")
        # One bound for all hand-backs: entries not handed back are reclaimed anyway,
        # after the visibility timeout.
        with contextlib.suppress(Exception):
            async with asyncio.timeout(STOP_MARGIN):
                for entry_id, (_, deliveries) in running.items():
                    with contextlib.suppress(Exception):
                        await self.queue.touch(
                            entry_id, idle_ms=self.queue.visibility_ms, retrycount=deliveries - 1
                        )

    # Feeders

    async def _read_loop(self) -> None:
        q = self.queue
        backoff = Backoff()
        loop = asyncio.get_running_loop()
        next_sweep = loop.time()
        cursor = "0-0"
        while not (self.stop.is_set() or self.closing.is_set()):
            if self.slots.free == 0:
                await first_or_stop(self.slots.wait(), self.stop)
                continue
            taken = self.slots.take(q.concurrency)
            if loop.time() >= next_sweep:
                next_sweep = loop.time() + q.reclaim_interval
                cursor, reclaimed = await self._sweep(cursor, taken)
                taken -= reclaimed
                if taken == 0:
                    continue
            entries: list[tuple[str, dict[str, str]]] = []
            try:
                await q.ensure_group()
                reply = await self.redis.xreadgroup(
                    q.group,
                    q.consumer,
                    {q.keys.stream: ">"},
                    count=taken,
                    block=max(1, int(q.block * 1000)),
                )
                entries = stream_entries(reply)
            except Exception as exc:
                await self._redis_failed("read", exc, backoff)
                continue
            finally:
                self.slots.give(taken - len(entries))
            backoff.reset()
            for entry_id, fields in entries:
                self._start(entry_id, fields, 1)

    async def _sweep(self, cursor: str, taken: int) -> tuple[str, int]:
        """Take over timed-out entries with the slots in hand; returns (cursor, slots used)."""
        q = self.queue
        try:
            await q.ensure_group()
            cursor, claimed = await q.reclaim(cursor, taken)
        except Exception as exc:
            log.warning("judge worker %s: reclaim failed: %s", q.consumer, exc)
            return cursor, 0
        for entry_id, fields, deliveries in claimed:
            log.warning(
                "judge worker %s: took over entry %s (delivery %d)",
                q.consumer,
                entry_id,
                deliveries,
            )
            self._start(entry_id, fields, deliveries)
        return cursor, len(claimed)

    async def _health_loop(self) -> None:
        q = self.queue
        key = q.keys.worker(q.consumer)
        while not self.closing.is_set():
            record = {
                "consumer": q.consumer,
                "host": socket.gethostname(),
                "pid": os.getpid(),
                "concurrency": q.concurrency,
                "in_flight": len(self.running),
                "processed": self.processed,
                "failed": self.failed,
                "draining": self.stop.is_set(),
                "started_at": self.started_at,
                "seen_at": time.time(),
            }
            try:
                await self.redis.set(key, json.dumps(record), px=int(q.health_ttl * 1000))
            except Exception as exc:
                log.warning("judge worker %s: health update failed: %r", q.consumer, exc)
            await sleep_or_stop(q.health_interval, self.closing)

    async def _redis_failed(self, what: str, exc: Exception, backoff: Backoff) -> None:
        """Log a failed Redis call and wait before the next try (never raise)."""
        if isinstance(exc, ResponseError) and "NOGROUP" in str(exc):
            # The stream or group was deleted under us (FLUSHDB, manual cleanup).
            log.warning("judge worker: consumer group missing, recreating")
            with contextlib.suppress(Exception):
                await self.queue.ensure_group(force=True)
            await sleep_or_stop(backoff.next_delay(), self.stop)
            return
        delay = backoff.next_delay()
        if isinstance(exc, RedisConnectionError | RedisTimeoutError | OSError):
            log.warning(
                "judge worker %s: %s failed (%r), retrying in %.1fs",
                self.queue.consumer,
                what,
                exc,
                delay,
            )
        else:
            log.error(
                "judge worker %s: %s failed, retrying in %.1fs",
                self.queue.consumer,
                what,
                delay,
                exc_info=exc,
            )
        await sleep_or_stop(delay, self.stop)

    # Jobs

    def _start(self, entry_id: str, fields: dict[str, str], deliveries: int) -> None:
        if entry_id in self.running:  # already ours and running: nothing to take over
            self.slots.give()
            return
        task = asyncio.create_task(
            self._judge(entry_id, fields, deliveries), name=f"judge-job-{entry_id}"
        )
        self.running[entry_id] = (task, deliveries)

        def release(_: asyncio.Task[None]) -> None:
            self.running.pop(entry_id, None)
            self.slots.give()

        task.add_done_callback(release)

    async def _judge(self, entry_id: str, fields: dict[str, str], deliveries: int) -> None:
        q = self.queue
        try:
            job = QueuedJob(fields["job_id"], json.loads(fields["payload"]), deliveries)
        except (KeyError, ValueError, TypeError) as exc:
            log.error("judge worker: unreadable entry %s dropped: %r", entry_id, exc)
            await self._give_up(
                entry_id,
                fields.get("job_id", f"entry:{entry_id}"),
                fields,
                deliveries,
                f"unreadable entry: {exc!r}",
                None,
            )
            return
        if deliveries > q.max_attempts:
            # Each earlier delivery ended with its worker gone: likely the job kills it.
            await self._give_up(
                entry_id,
                job.job_id,
                fields,
                deliveries - 1,
                "worker lost on every attempt",
                None,
                job,
            )
            return
        status = await self._with_retries(lambda: q.job_status(job.job_id))
        if status in ("done", "failed"):  # finished elsewhere, only the ack was lost
            await self._with_retries(lambda: q.finish(entry_id, job.job_id, ""))
            return
        try:
            async with self._claim_kept(entry_id):
                await self.handler(job)
        except Exception as exc:
            if deliveries < q.max_attempts:
                log.warning(
                    "judge job %s attempt %d failed, will retry: %r", job.job_id, deliveries, exc
                )
                # Idle = visibility timeout: the next reclaim sweep, on any worker, retries.
                await self._with_retries(lambda: q.touch(entry_id, idle_ms=q.visibility_ms))
            else:
                log.error(
                    "judge job %s failed after %d attempts", job.job_id, deliveries, exc_info=exc
                )
                await self._give_up(entry_id, job.job_id, fields, deliveries, repr(exc), exc, job)
            return
        self.processed += 1
        mine = await self._with_retries(lambda: q.finish(entry_id, job.job_id, "done"))
        if mine is False:
            log.warning("judge job %s finished here but was taken over meanwhile", job.job_id)

    async def _give_up(
        self,
        entry_id: str,
        job_id: str,
        fields: dict[str, str],
        attempts: int,
        error: str,
        exc: BaseException | None,
        job: QueuedJob | None = None,
    ) -> None:
        q = self.queue
        mine = await self._with_retries(
            lambda: q.finish(
                entry_id,
                job_id,
                "failed",
                payload=fields.get("payload", ""),
                error=error,
                attempts=attempts,
            )
        )
        if mine:  # only the owner reports, so the user hears of it once
            self.failed += 1
            if job is not None:
                await run_failure_hook(self.on_failure, job, exc)

    @contextlib.asynccontextmanager
    async def _claim_kept(self, entry_id: str) -> AsyncIterator[None]:
        """Refresh our claim on `entry_id` while the body runs, so a slow job isn't taken
        over; on exit the refresher has surely stopped, so a hand-back or retry that
        follows is never undone by a late refresh.

        Stopping it takes a flag as well as a cancel: on Python 3.11 a cancel that lands
        while redis-py writes a command (it wraps writes in asyncio.wait_for) is lost
        when the write completes at the same moment (CPython gh-86296).
        """
        finished = asyncio.Event()
        keepalive = asyncio.create_task(self._keep_claim(entry_id, finished))
        try:
            yield
        finally:
            finished.set()
            keepalive.cancel()
            await asyncio.wait({keepalive})

    async def _keep_claim(self, entry_id: str, finished: asyncio.Event) -> None:
        q = self.queue
        while not await sleep_or_stop(q.visibility_timeout / 3, finished):
            try:
                if not await q.touch(entry_id):
                    log.warning(
                        "judge worker %s: lost entry %s to another worker", q.consumer, entry_id
                    )
                    return
            except Exception as exc:
                log.warning("judge worker %s: claim refresh failed: %r", q.consumer, exc)

    async def _with_retries(self, call: Callable[[], Awaitable[T]]) -> T | None:
        """A few tries with backoff; None if Redis stays away (the reclaim sweep copes)."""
        backoff = Backoff()
        for attempt in range(1, FINISH_TRIES + 1):
            try:
                return await call()
            except Exception as exc:
                if attempt == FINISH_TRIES:
                    log.error(
                        "judge worker %s: giving up on a Redis call: %r", self.queue.consumer, exc
                    )
                    return None
                await asyncio.sleep(backoff.next_delay())
        return None
