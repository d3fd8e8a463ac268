"""The judge work queue's interface, shared by the in-process and the Redis backend.

The realtime layer only sees `JobQueue`: it enqueues a `QueuedJob` when a submission
arrives and runs `run_worker` (embedded mode: in the web process; scaled mode: in each
`codearena worker`). Which backend sits behind it is a configuration detail, as with
python-socketio's in-memory vs Redis managers.
"""

from __future__ import annotations

import abc
import asyncio
import logging
import os
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any, Self, TypeVar

T = TypeVar("T")
log = logging.getLogger(__name__)

DEFAULT_MAX_ATTEMPTS = 3
DEFAULT_GRACE_PERIOD = 30.0
DEFAULT_DEDUPE_TTL = 24 * 3600
DEFAULT_RESULT_TTL = 24 * 3600


@dataclass(frozen=True, slots=True)
class QueuedJob:
    """The queue's envelope around one piece of work (what to judge is the handler's job).

    `payload` is JSON-serialisable data the realtime layer needs to judge and report
    (submission id, user id, room, ...); the queue never interprets it. `attempt` is 1 on
    first delivery and grows on retries, so a handler can tell a re-run from a first run.
    """

    job_id: str
    payload: dict[str, Any] = field(default_factory=dict)
    attempt: int = 1


@dataclass(frozen=True, slots=True)
class JobFailure:
    """A job given up on after its last attempt, kept so an operator can see why."""

    job_id: str
    payload: dict[str, Any]
    error: str
    attempts: int
    failed_at: float


JobHandler = Callable[[QueuedJob], Awaitable[None]]
"""Judges one job. Returning means judged (whatever the verdict); raising means retry."""

FailureHook = Callable[[QueuedJob, BaseException | None], Awaitable[None]]
"""Called once when a job is given up on, e.g. to emit `code:error` to the user.

The exception is None when no handler raised in this process: the worker running the
job was lost too many times, or the stored job was unreadable.
"""


class JobQueue(abc.ABC):
    """Where submissions wait for a judge; one interface, in-process or on Redis."""

    @abc.abstractmethod
    async def enqueue(self, job: QueuedJob) -> bool:
        """Queue `job`; False if a job with this id was already queued or finished.

        Dedupe by id makes a retried `code:execute` (client reconnect, double click)
        harmless. Raises TypeError/ValueError if the payload is not JSON-serialisable.
        """

    @abc.abstractmethod
    async def run_worker(
        self,
        handler: JobHandler,
        *,
        stop: asyncio.Event,
        on_failure: FailureHook | None = None,
    ) -> None:
        """Judge jobs with `handler` until `stop` is set, then drain and return.

        handler: awaited once per delivery; an exception means "retry" (up to the
            queue's attempt limit), a return means done.
        stop: set it to stop taking jobs; in-flight jobs get the queue's grace period
            to finish, after which they are cancelled and left for another worker.
        on_failure: optional hook awaited once when a job is given up on.
        """

    @abc.abstractmethod
    async def claim_result(self, job_id: str) -> bool:
        """True only for the first caller per job id: the one that emits `code:result`.

        After a reclaim two workers can judge the same job; this keeps the user from
        seeing two results.
        """

    @abc.abstractmethod
    async def failures(self, limit: int = 100) -> list[JobFailure]:
        """The most recent jobs given up on, newest first."""

    @abc.abstractmethod
    async def close(self) -> None:
        """Release connections this queue opened itself."""

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()


def default_concurrency() -> int:
    """Jobs judged at once by one worker: one per core, since judging is CPU-bound."""
    return os.cpu_count() or 1


async def run_failure_hook(
    hook: FailureHook | None, job: QueuedJob, exc: BaseException | None
) -> None:
    """Run the hook; its own failure is logged, never allowed to stop the worker."""
    if hook is None:
        return
    try:
        await hook(job, exc)
    except Exception:
        log.exception("judge failure hook raised for job %s", job.job_id)
