"""A new submission that reuses an old id (fresh database, same Redis) is still judged."""

from __future__ import annotations

import asyncio

from judging.queue import QueuedJob, RedisStreamJobQueue
from judging.submission_jobs import submission_job
from tests.judging.queues.support import REDIS_URL, require_redis


def test_every_job_has_its_own_id() -> None:
    first, second = submission_job(7, user_id=1), submission_job(7, user_id=1)
    assert first.job_id != second.job_id
    assert first.payload == second.payload == {"submission_id": 7, "user_id": 1}


async def test_a_reused_submission_id_is_judged_and_reported(prefix: str) -> None:
    require_redis()
    judged: list[QueuedJob] = []
    claimed: list[bool] = []

    async def handler(job: QueuedJob) -> None:
        judged.append(job)
        claimed.append(await queue.claim_result(job.job_id))

    async def judge_one(job: QueuedJob) -> None:
        stop = asyncio.Event()
        worker = asyncio.create_task(queue.run_worker(handler, stop=stop))
        try:
            for _ in range(200):
                if any(j.job_id == job.job_id for j in judged):
                    break
                await asyncio.sleep(0.05)
        finally:
            stop.set()
            await worker

    # the old deployment judged submission 1 and delivered its result
    queue = RedisStreamJobQueue(REDIS_URL, prefix=prefix, block=0.1, concurrency=1)
    try:
        old = submission_job(1, user_id=1)
        assert await queue.enqueue(old)
        await judge_one(old)
    finally:
        await queue.close()

    # a fresh database starts ids at 1 again; Redis still holds the old job's keys
    queue = RedisStreamJobQueue(REDIS_URL, prefix=prefix, block=0.1, concurrency=1)
    try:
        new = submission_job(1, user_id=2)
        assert await queue.enqueue(new), "the new submission was taken for a duplicate"
        await judge_one(new)
    finally:
        await queue.close()
    assert [job.payload["user_id"] for job in judged] == [1, 2]
    assert claimed == [True, True]  # each result is delivered to its user
