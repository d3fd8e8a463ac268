"""`codearena worker`: judge jobs from the Redis stream and emit results to users' rooms.

A worker has no Socket.IO server: it emits through a write-only Redis manager,
so the web process holding the user's socket delivers the events. Its verdicts and judge
latency are Prometheus metrics of its own process, served on
`CODEARENA_WORKER_METRICS_PORT` when set (a web process's /metrics sees only what it judged
itself).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import signal
import socket
import sys

import redis.asyncio as aioredis
import socketio
from prometheus_client import start_http_server

from judging.queue import RedisStreamJobQueue, live_workers
from judging.submission_jobs import SubmissionJudge
from progress.board_store import RedisBoards
from realtime.config import Settings, load_settings
from realtime.services.execution import socket_emitter
from realtime.services.judges import make_judge
from realtime.services.rooms import RoomService
from realtime.sockets.code_results import socket_reporter
from storage.database import Database

log = logging.getLogger(__name__)


async def run_worker(settings: Settings, *, concurrency: int | None = None) -> None:
    """Judge until SIGTERM/SIGINT, then finish (or hand back) in-flight jobs and exit."""
    if not settings.redis_url:
        raise SystemExit("codearena worker needs REDIS_URL (embedded mode judges in `serve`)")
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    if settings.worker_metrics_port is not None:
        start_http_server(settings.worker_metrics_port, addr=settings.worker_metrics_host)
        log.info(
            "worker metrics on http://%s:%d/metrics",
            settings.worker_metrics_host,
            settings.worker_metrics_port,
        )
    db = Database(settings.database_url)
    judge = make_judge(settings, concurrency)
    consumer = f"{socket.gethostname()}:{os.getpid()}"
    queue = RedisStreamJobQueue(
        settings.redis_url,
        consumer=consumer,
        concurrency=concurrency or settings.judge_concurrency,
        visibility_timeout=settings.judge_visibility_timeout,
    )
    manager = socketio.AsyncRedisManager(
        settings.redis_url, channel=settings.socketio_channel, write_only=True
    )
    rooms = RoomService(db, socket_emitter(manager))
    board_redis = aioredis.from_url(settings.redis_url)
    boards = RedisBoards(board_redis, prefix=f"{settings.redis_prefix}:boards")
    handler = SubmissionJudge(
        db, judge, queue, socket_reporter(manager), observer=rooms, boards=boards
    )
    try:
        await judge.start()
        if judge.unavailable is not None:
            # A worker that cannot judge must not take jobs from the shared stream.
            print(f"error: {judge.unavailable}", file=sys.stderr)
            raise SystemExit(2)
        statuses = await judge.available_languages()
        ready = sorted(s.id for s in statuses.values() if s.available)
        log.info("worker %s judging %s", consumer, ", ".join(ready) or "no languages")
        await queue.run_worker(handler, stop=stop, on_failure=handler.give_up)
    finally:
        await queue.close()
        await board_redis.aclose()
        await judge.close()
        await db.close()
        log.info("worker %s stopped", consumer)


async def check_workers(settings: Settings) -> int:
    """Exit status for health checks: 0 when at least one worker reported recently."""
    if not settings.redis_url:
        print("no REDIS_URL: the in-process judge runs inside `codearena serve`")
        return 1
    client = aioredis.from_url(settings.redis_url, decode_responses=True)
    try:
        workers = await live_workers(client)
    finally:
        await client.aclose()
    for w in workers:
        print(f"{w.consumer} in_flight={w.in_flight} processed={w.processed} failed={w.failed}")
    if not workers:
        print("no live workers")
    return 0 if workers else 1


def cmd_worker(args: argparse.Namespace) -> int:
    settings = load_settings()
    if args.check:
        return asyncio.run(check_workers(settings))
    asyncio.run(run_worker(settings, concurrency=args.concurrency))
    return 0
