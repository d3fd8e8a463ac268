"""The judge work queue: import everything queue-related from here.

`create_job_queue(settings.redis_url)` picks the backend as the runtime modes in
docs/architecture.md say: no Redis URL means the in-process queue (embedded mode),
a URL means the Redis stream shared by every web process and `codearena worker`.
"""

from __future__ import annotations

from typing import Any

from judging.queue_base import (
    FailureHook,
    JobFailure,
    JobHandler,
    JobQueue,
    QueuedJob,
    default_concurrency,
)
from judging.queue_keys import DEFAULT_GROUP, DEFAULT_PREFIX, QueueKeys
from judging.queue_memory import MemoryJobQueue
from judging.queue_redis import RedisStreamJobQueue, WorkerHealth, live_workers

__all__ = [
    "DEFAULT_GROUP",
    "DEFAULT_PREFIX",
    "FailureHook",
    "JobFailure",
    "JobHandler",
    "JobQueue",
    "MemoryJobQueue",
    "QueueKeys",
    "QueuedJob",
    "RedisStreamJobQueue",
    "WorkerHealth",
    "create_job_queue",
    "default_concurrency",
    "live_workers",
]


def create_job_queue(
    redis_url: str | None, *, concurrency: int | None = None, **options: Any
) -> JobQueue:
    """The in-process queue when `redis_url` is None, else the Redis stream queue.

    concurrency: jobs judged at once per worker (default: core count).
    options: passed to the chosen backend's constructor (e.g. visibility_timeout).
    """
    if redis_url is None:
        return MemoryJobQueue(concurrency=concurrency, **options)
    return RedisStreamJobQueue(redis_url, concurrency=concurrency, **options)
