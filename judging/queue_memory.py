"""In-process judge queue for the embedded mode (no REDIS_URL): one asyncio queue.

Same contract as the Redis backend (dedupe window, retries, failure record, one result
claim per job, graceful stop) so code and tests don't care which one runs. Nothing
survives a restart, which is acceptable for one machine: the web process is the worker.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
from collections import OrderedDict, deque
from dataclasses import replace

from judging.queue_base import (
    DEFAULT_DEDUPE_TTL,
    DEFAULT_GRACE_PERIOD,
    DEFAULT_MAX_ATTEMPTS,
    DEFAULT_RESULT_TTL,
    FailureHook,
    JobFailure,
    JobHandler,
    JobQueue,
    QueuedJob,
    default_concurrency,
    run_failure_hook,
)
from loops import cancel_all, first_or_stop

log = logging.getLogger(__name__)


class ExpiringSet:
    """Ids remembered for `ttl` seconds, the in-memory twin of `SET NX EX`.

    Bounded by time rather than growing forever in a long-lived web process.
    """

    def __init__(self, ttl: float) -> None:
        self.ttl = ttl
        self._expiry: OrderedDict[str, float] = OrderedDict()

    def add(self, key: str) -> bool:
        """Remember `key`; False if it was already remembered (and not expired)."""
        now = time.monotonic()
        # One TTL for all keys, so insertion order is expiry order.
        while self._expiry:
            oldest, expires = next(iter(self._expiry.items()))
            if expires > now:
                break
            del self._expiry[oldest]
        if key in self._expiry:
            return False
        self._expiry[key] = now + self.ttl
        return True

    def __contains__(self, key: object) -> bool:
        expires = self._expiry.get(key)  # type: ignore[call-overload]
        return expires is not None and expires > time.monotonic()


class MemoryJobQueue(JobQueue):
    """An asyncio queue consumed by `concurrency` tasks per `run_worker` call.

    concurrency: jobs judged at once (default: core count).
    max_attempts: deliveries of a job whose handler raises before it is recorded as
        failed (default 3).
    grace_period: seconds in-flight jobs get to finish after `stop` (default 30); jobs
        still running then are cancelled and put back on the queue.
    dedupe_ttl / result_ttl: seconds a job id is remembered for `enqueue` dedupe and for
        `claim_result` (default one day each).
    """

    def __init__(
        self,
        *,
        concurrency: int | None = None,
        max_attempts: int = DEFAULT_MAX_ATTEMPTS,
        grace_period: float = DEFAULT_GRACE_PERIOD,
        dedupe_ttl: float = DEFAULT_DEDUPE_TTL,
        result_ttl: float = DEFAULT_RESULT_TTL,
        max_failures: int = 1000,
    ) -> None:
        self.concurrency = concurrency or default_concurrency()
        self.max_attempts = max(1, max_attempts)
        self.grace_period = grace_period
        self._queue: asyncio.Queue[QueuedJob] = asyncio.Queue()
        self._seen = ExpiringSet(dedupe_ttl)
        self._results = ExpiringSet(result_ttl)
        self._failures: deque[JobFailure] = deque(maxlen=max_failures)

    def qsize(self) -> int:
        """Jobs waiting (not in flight); for tests and the health endpoint."""
        return self._queue.qsize()

    async def enqueue(self, job: QueuedJob) -> bool:
        # Round-trip through JSON: same errors as the Redis backend, and the handler gets
        # its own copy, not the caller's dict.
        payload = json.loads(json.dumps(job.payload))
        if not self._seen.add(job.job_id):
            return False
        self._queue.put_nowait(QueuedJob(job.job_id, payload))
        return True

    async def claim_result(self, job_id: str) -> bool:
        return self._results.add(job_id)

    async def failures(self, limit: int = 100) -> list[JobFailure]:
        return list(reversed(self._failures))[:limit]

    async def close(self) -> None:
        """Nothing to release; waiting jobs are dropped with the object."""

    async def run_worker(
        self,
        handler: JobHandler,
        *,
        stop: asyncio.Event,
        on_failure: FailureHook | None = None,
    ) -> None:
        consumers = [
            asyncio.create_task(self._consume(handler, stop, on_failure), name=f"judge-{i}")
            for i in range(self.concurrency)
        ]
        try:
            await stop.wait()
            _, late = await asyncio.wait(consumers, timeout=self.grace_period)
            if late:
                log.warning("judge stop: %d job(s) still running after grace, requeued", len(late))
        finally:
            await cancel_all(consumers, "judge consumer")

    async def _consume(
        self, handler: JobHandler, stop: asyncio.Event, on_failure: FailureHook | None
    ) -> None:
        while not stop.is_set():
            job = await first_or_stop(self._queue.get(), stop)
            if job is None:
                return
            await self._process(job, handler, on_failure)

    async def _process(
        self, job: QueuedJob, handler: JobHandler, on_failure: FailureHook | None
    ) -> None:
        try:
            await handler(job)
        except asyncio.CancelledError:
            # Stopped mid-job: put it back, as an unacked stream entry stays pending.
            self._queue.put_nowait(job)
            raise
        except Exception as exc:
            if job.attempt < self.max_attempts:
                log.warning(
                    "judge job %s attempt %d failed, retrying: %r", job.job_id, job.attempt, exc
                )
                self._queue.put_nowait(replace(job, attempt=job.attempt + 1))
                return
            log.exception("judge job %s failed after %d attempts", job.job_id, job.attempt)
            self._failures.append(
                JobFailure(job.job_id, job.payload, repr(exc), job.attempt, time.time())
            )
            await run_failure_hook(on_failure, job, exc)
