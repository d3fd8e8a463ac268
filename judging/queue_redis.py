"""Judge queue on a Redis stream with a consumer group, for the scaled mode.

Why a stream rather than a list: a consumer group keeps every delivered-but-unacked job
in a pending list with its owner, idle time and delivery count, so a job whose worker
died is found (XAUTOCLAIM) and re-run instead of lost, and a job that keeps killing its
worker is recognised by its delivery count and given up on.

The ideas come from arq (dedupe by job id, an in-progress claim, a health key with a
TTL); the claim is the group's pending entry, kept fresh while the job runs.
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import socket
import time
from dataclasses import dataclass

import redis.asyncio as aioredis
from redis.exceptions import ResponseError

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
)
from judging.queue_keys import DEFAULT_GROUP, DEFAULT_PREFIX, QueueKeys
from judging.queue_redis_worker import StreamWorker
from judging.redis_replies import decode_payload, field_map, text

# Dedupe and append in one step, so a crash between the two can neither lose a job
# (marker set, entry missing) nor let a duplicate in.
ENQUEUE_LUA = """
if redis.call('SET', KEYS[1], 'queued', 'NX', 'EX', ARGV[1]) then
  return redis.call('XADD', KEYS[2], '*', 'job_id', ARGV[2], 'payload', ARGV[3])
end
return false
"""

# Re-claim an entry to ourselves only while we still own it: an unconditional XCLAIM
# would steal back a job another worker legitimately took over. IDLE 0 refreshes the
# claim (keep-alive); IDLE = visibility timeout hands it to the next reclaim sweep.
TOUCH_LUA = """
local p = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[3], ARGV[3], 1)
if #p == 0 or p[1][2] ~= ARGV[2] then return 0 end
local cmd = {'XCLAIM', KEYS[1], ARGV[1], ARGV[2], 0, ARGV[3], 'IDLE', ARGV[4]}
if ARGV[5] ~= '' then
  table.insert(cmd, 'RETRYCOUNT')
  table.insert(cmd, ARGV[5])
end
table.insert(cmd, 'JUSTID')
redis.call(unpack(cmd))
return 1
"""

# Finish a job: record `done` even if another worker owns the entry now (so nobody
# re-judges it), but ack, delete and record a failure only as the owner.
FINISH_LUA = """
if ARGV[4] == 'done' then redis.call('SET', KEYS[2], 'done', 'EX', ARGV[5]) end
local p = redis.call('XPENDING', KEYS[1], ARGV[1], ARGV[3], ARGV[3], 1)
if #p == 0 or p[1][2] ~= ARGV[2] then return 0 end
redis.call('XACK', KEYS[1], ARGV[1], ARGV[3])
redis.call('XDEL', KEYS[1], ARGV[3])
if ARGV[4] == 'failed' then
  redis.call('SET', KEYS[2], 'failed', 'EX', ARGV[5])
  redis.call('XADD', KEYS[3], 'MAXLEN', '~', ARGV[6], '*', 'job_id', ARGV[7],
             'payload', ARGV[8], 'error', ARGV[9], 'attempts', ARGV[10],
             'consumer', ARGV[2], 'failed_at', ARGV[11])
end
return 1
"""

# Take over entries idle longer than the visibility timeout, with their delivery counts
# (XAUTOCLAIM alone doesn't return them) so crash-looping jobs can be given up on.
RECLAIM_LUA = """
local r = redis.call('XAUTOCLAIM', KEYS[1], ARGV[1], ARGV[2], ARGV[3], ARGV[4], 'COUNT', ARGV[5])
local out = {}
for _, entry in ipairs(r[2]) do
  if type(entry) == 'table' and entry[2] then
    local p = redis.call('XPENDING', KEYS[1], ARGV[1], entry[1], entry[1], 1)
    local n = 1
    if p[1] then n = p[1][4] end
    out[#out + 1] = {entry[1], entry[2], n}
  end
end
return {r[1], out}
"""


def default_consumer() -> str:
    """A consumer name unique per process: host, pid and a random tag (pids get reused)."""
    return f"{socket.gethostname()}-{os.getpid()}-{secrets.token_hex(3)}"


@dataclass(frozen=True, slots=True)
class WorkerHealth:
    """What a worker last reported about itself (refreshed every few seconds)."""

    consumer: str
    host: str
    pid: int
    concurrency: int
    in_flight: int
    processed: int
    failed: int
    draining: bool
    started_at: float
    seen_at: float


async def live_workers(
    client: aioredis.Redis, *, prefix: str = DEFAULT_PREFIX
) -> list[WorkerHealth]:
    """Workers whose health key hasn't expired, for `codearena worker --check`."""
    keys = QueueKeys(prefix)
    names = [name async for name in client.scan_iter(match=keys.worker_pattern, count=100)]
    if not names:
        return []
    found: list[WorkerHealth] = []
    for raw in await client.mget(names):
        if raw is None:  # expired between SCAN and MGET
            continue
        try:
            found.append(WorkerHealth(**json.loads(text(raw))))
        except (TypeError, ValueError):
            continue
    return sorted(found, key=lambda w: w.consumer)


class RedisStreamJobQueue(JobQueue):
    """Judge jobs on the stream `<prefix>:jobs`, read by consumer group `group`.

    redis: a `redis://` URL (the queue opens and closes its own client) or a
        `redis.asyncio.Redis` the caller owns; its socket_timeout, if any, must exceed
        `block`.
    prefix: start of every key (see `judging.queue_keys`); default "codearena:judge".
    group: consumer group shared by all workers; default "judges".
    consumer: this process's name in the group; default host-pid-random.
    visibility_timeout: seconds a job may go without its worker refreshing the claim
        before another worker takes it over (default 30). Running jobs refresh every
        third of it, so only dead or frozen workers lose jobs.
    concurrency: jobs judged at once by this worker (default: core count).
    max_attempts: deliveries before a job is recorded as failed: handler exceptions
        and lost workers both count (default 3).
    block: seconds one XREADGROUP waits; also bounds how long `stop` takes to notice.
    reclaim_interval: seconds between XAUTOCLAIM sweeps (default visibility_timeout/2).
    health_interval / health_ttl: refresh period and TTL of the worker health key
        (default 5 s and 3x the interval).
    grace_period: seconds in-flight jobs get after `stop` before being handed back.
    dedupe_ttl / result_ttl: lifetime of the dedupe marker and of the result claim.
    failed_maxlen: approximate cap on the failed-jobs stream.
    """

    def __init__(
        self,
        redis: str | aioredis.Redis,
        *,
        prefix: str = DEFAULT_PREFIX,
        group: str = DEFAULT_GROUP,
        consumer: str | None = None,
        visibility_timeout: float = 30.0,
        concurrency: int | None = None,
        max_attempts: int = DEFAULT_MAX_ATTEMPTS,
        block: float = 1.0,
        reclaim_interval: float | None = None,
        health_interval: float = 5.0,
        health_ttl: float | None = None,
        grace_period: float = DEFAULT_GRACE_PERIOD,
        dedupe_ttl: int = DEFAULT_DEDUPE_TTL,
        result_ttl: int = DEFAULT_RESULT_TTL,
        failed_maxlen: int = 10_000,
    ) -> None:
        if isinstance(redis, str):
            self.redis: aioredis.Redis = aioredis.Redis.from_url(redis, decode_responses=True)
            self._owns_client = True
        else:
            self.redis = redis
            self._owns_client = False
        self.keys = QueueKeys(prefix)
        self.group = group
        self.consumer = consumer or default_consumer()
        self.visibility_timeout = visibility_timeout
        self.concurrency = concurrency or default_concurrency()
        self.max_attempts = max(1, max_attempts)
        self.block = block
        self.reclaim_interval = reclaim_interval or visibility_timeout / 2
        self.health_interval = health_interval
        self.health_ttl = health_ttl or 3 * health_interval
        self.grace_period = grace_period
        self.dedupe_ttl = dedupe_ttl
        self.result_ttl = result_ttl
        self.failed_maxlen = failed_maxlen
        self._enqueue_script = self.redis.register_script(ENQUEUE_LUA)
        self._touch_script = self.redis.register_script(TOUCH_LUA)
        self._finish_script = self.redis.register_script(FINISH_LUA)
        self._reclaim_script = self.redis.register_script(RECLAIM_LUA)
        self._group_ready = False

    @property
    def visibility_ms(self) -> int:
        return max(1, int(self.visibility_timeout * 1000))

    async def ensure_group(self, *, force: bool = False) -> None:
        """Create the stream and group if missing; from id 0 so no early job is skipped."""
        if self._group_ready and not force:
            return
        try:
            await self.redis.xgroup_create(self.keys.stream, self.group, id="0", mkstream=True)
        except ResponseError as exc:
            if "BUSYGROUP" not in str(exc):
                raise
        self._group_ready = True

    async def enqueue(self, job: QueuedJob) -> bool:
        payload = json.dumps(job.payload, separators=(",", ":"))
        await self.ensure_group()
        entry_id = await self._enqueue_script(
            keys=[self.keys.job(job.job_id), self.keys.stream],
            args=[self.dedupe_ttl, job.job_id, payload],
        )
        return entry_id is not None

    async def claim_result(self, job_id: str) -> bool:
        claimed = await self.redis.set(
            self.keys.result(job_id), self.consumer, nx=True, ex=self.result_ttl
        )
        return bool(claimed)

    async def job_status(self, job_id: str) -> str | None:
        """`queued`, `done`, `failed`, or None if unknown or expired."""
        raw = await self.redis.get(self.keys.job(job_id))
        return None if raw is None else text(raw)

    async def failures(self, limit: int = 100) -> list[JobFailure]:
        entries = await self.redis.xrevrange(self.keys.failed, count=limit)
        found = []
        for _, raw in entries:
            fields = field_map(raw)
            found.append(
                JobFailure(
                    job_id=fields["job_id"],
                    payload=decode_payload(fields.get("payload", "")),
                    error=fields.get("error", ""),
                    attempts=int(fields.get("attempts", 0)),
                    failed_at=float(fields.get("failed_at", 0)),
                )
            )
        return found

    async def live_workers(self) -> list[WorkerHealth]:
        """Workers of this queue whose health key is still fresh."""
        return await live_workers(self.redis, prefix=self.keys.prefix)

    async def close(self) -> None:
        if self._owns_client:
            await self.redis.aclose()

    async def run_worker(
        self,
        handler: JobHandler,
        *,
        stop: asyncio.Event,
        on_failure: FailureHook | None = None,
    ) -> None:
        await StreamWorker(self, handler, stop, on_failure).run()

    # Owner-checked stream operations, used by the worker.

    async def touch(
        self, entry_id: str, *, idle_ms: int = 0, retrycount: int | None = None
    ) -> bool:
        """Refresh (idle 0) or hand back (idle = visibility) our claim; False if lost."""
        mine = await self._touch_script(
            keys=[self.keys.stream],
            args=[
                self.group,
                self.consumer,
                entry_id,
                idle_ms,
                "" if retrycount is None else retrycount,
            ],
        )
        return bool(int(mine))

    async def finish(
        self,
        entry_id: str,
        job_id: str,
        status: str,
        *,
        payload: str = "",
        error: str = "",
        attempts: int = 0,
    ) -> bool:
        """Ack and delete the entry as its owner; `status` is "done", "failed" or ""."""
        done = await self._finish_script(
            keys=[self.keys.stream, self.keys.job(job_id), self.keys.failed],
            args=[
                self.group,
                self.consumer,
                entry_id,
                status,
                self.dedupe_ttl,
                self.failed_maxlen,
                job_id,
                payload,
                error,
                attempts,
                time.time(),
            ],
        )
        return bool(int(done))

    async def reclaim(
        self, cursor: str, count: int
    ) -> tuple[str, list[tuple[str, dict[str, str], int]]]:
        """Take over up to `count` timed-out entries: (next cursor, [(id, fields, deliveries)])."""
        reply = await self._reclaim_script(
            keys=[self.keys.stream],
            args=[self.group, self.consumer, self.visibility_ms, cursor, count],
        )
        next_cursor, entries = reply
        return text(next_cursor), [
            (text(entry_id), field_map(fields), int(deliveries))
            for entry_id, fields, deliveries in entries
        ]
