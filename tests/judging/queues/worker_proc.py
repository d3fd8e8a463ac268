"""A Redis judge worker in its own OS process, for tests that SIGKILL or SIGSTOP it.

Prints `ready`, then `started <job_id> <attempt>` when a job starts and
`finished <job_id> <claimed>` when it ends (claimed: whether claim_result said True),
so the test can act at exactly the moment the job is in flight. SIGTERM stops it
gracefully.
"""

from __future__ import annotations

import argparse
import asyncio
import signal

from judging.queue import QueuedJob, RedisStreamJobQueue


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("url")
    parser.add_argument("prefix")
    parser.add_argument("consumer")
    parser.add_argument("--visibility-timeout", type=float, default=1.0)
    parser.add_argument("--health-interval", type=float, default=0.2)
    args = parser.parse_args()

    queue = RedisStreamJobQueue(
        args.url,
        prefix=args.prefix,
        consumer=args.consumer,
        visibility_timeout=args.visibility_timeout,
        concurrency=1,
        block=0.1,
        reclaim_interval=0.2,
        health_interval=args.health_interval,
        grace_period=5.0,
    )
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)

    async def handler(job: QueuedJob) -> None:
        print(f"started {job.job_id} {job.attempt}", flush=True)
        await asyncio.sleep(float(job.payload.get("sleep", 0)))
        claimed = await queue.claim_result(job.job_id)
        print(f"finished {job.job_id} {claimed}", flush=True)

    print("ready", flush=True)
    async with queue:
        await queue.run_worker(handler, stop=stop)
    print("stopped", flush=True)


if __name__ == "__main__":
    asyncio.run(main())
