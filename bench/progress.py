"""Learner-progress queries on a large generated PostgreSQL database.

    .venv/bin/python bench/progress.py [--users 2000] [--submissions 100000] [--samples 200]
    .venv/bin/python bench/progress.py --full        # the issue's 10,000 users / 1,000,000 submits

Creates the database `bench_progress` (dropped and re-created on every run; never `test`),
migrates it to 0005, generates users, 300 problems with topics and the submissions with
one set-based INSERT each, then upgrades to head so migration 0006 backfills the progress
tables (its time is printed). Then it times, with the repository functions the endpoints
call: the dashboard (all its queries), the 365-day activity series, leaderboard pages
(xp page 1, a far page, the caller's rank with neighbours, weekly, topic), each from
SQL and from the Redis sorted sets (db 7, keys removed at the end), and "beats x%"
of an accepted submission; and a submit's extra write cost: storing a result alone
versus storing it and recording its progress in the same transaction. Last, it prints
EXPLAIN plans of every statement those operations ran. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import sys
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import asyncpg
import redis.asyncio as aioredis
from sqlalchemy import event, select, text

from bench.stats import Summary, table
from progress import percentiles, recorder
from progress.board_store import Boards, RedisBoards, SqlBoards
from progress.boards import BoardRef, weekly
from storage.database import Database
from storage.migrate import upgrade
from storage.models import Submission
from storage.repositories import analytics as analytics_repo
from storage.repositories import submissions as submission_repo

ADMIN_DSN = "postgresql://postgres@127.0.0.1:5432/test"
DB_NAME = "bench_progress"
URL = f"postgresql+asyncpg://postgres@127.0.0.1:5432/{DB_NAME}"
REDIS_URL = "redis://127.0.0.1:6379/7"  # not the tests' databases (8-15)
REDIS_PREFIX = f"bench:progress:{os.getpid()}"  # removed at the end
PROBLEMS = 300
TOPICS = ("arrays", "strings", "math", "graphs", "dp", "greedy", "trees", "sorting")


async def recreate_database() -> None:
    conn = await asyncpg.connect(ADMIN_DSN)
    try:
        await conn.execute(f'DROP DATABASE IF EXISTS "{DB_NAME}" WITH (FORCE)')
        await conn.execute(f'CREATE DATABASE "{DB_NAME}"')
    finally:
        await conn.close()


async def generate(db: Database, users: int, submissions: int) -> None:
    topics = "ARRAY[" + ",".join(f"'{t}'" for t in TOPICS) + "]"
    async with db.engine.begin() as conn:
        await conn.execute(text("SELECT setseed(0.42)"))
        await conn.execute(
            text(
                "INSERT INTO users (id, email, password_hash, role, display_name, bio,"
                " experience_level, preferred_languages, target_companies, rating,"
                " rating_deviation, rating_volatility, token_version, created_at, updated_at)"
                " SELECT g, 'u' || g || '@bench.io', 'x', 'user', 'User ' || g, '', 'beginner',"
                " '[]', '[]', 1500, 350, 0.06, 0, now(), now() FROM generate_series(1, :n) g"
            ),
            {"n": users},
        )
        await conn.execute(
            text(
                "INSERT INTO problems (id, slug, title, statement, difficulty, time_limit,"
                " memory_limit, checker, checker_options, hints, starter_code, editorial,"
                " expected_complexity, visibility, source, created_at, updated_at)"
                " SELECT g, 'p-' || g, 'Problem ' || g, 's',"
                " (ARRAY['easy','medium','hard'])[1 + g % 3], 2, 256, 'tokens', '{}', '[]',"
                " '{}', '', '', 'public', 'bank', now(), now() FROM generate_series(1, :n) g"
            ),
            {"n": PROBLEMS},
        )
        await conn.execute(
            text(
                "INSERT INTO problem_labels (problem_id, kind, value)"
                f" SELECT g, 'topic', ({topics})[1 + g % {len(TOPICS)}]"
                " FROM generate_series(1, :n) g"
                " UNION SELECT g, 'topic', "
                f"({topics})[1 + (g / {len(TOPICS)}) % {len(TOPICS)}]"
                " FROM generate_series(1, :n) g"
            ),
            {"n": PROBLEMS},
        )
        # Users are skewed (a few very active), problems uniform, 45% accepted,
        # created over the last year.
        await conn.execute(
            text(
                "INSERT INTO submissions (user_id, problem_id, language, code, mode, status,"
                " verdict, score, tests, time_ms, memory_kb, created_at, finished_at)"
                " SELECT 1 + floor(power(random(), 2) * :u)::int,"
                " 1 + floor(random() * :p)::int,"
                " (ARRAY['python','c','cpp','java'])[1 + floor(random() * 4)::int],"
                " 'x', 'submit', 'done', v.verdict,"
                " CASE WHEN v.verdict = 'AC' THEN 100 ELSE 0 END, '[]',"
                " 1 + floor(random() * 2000)::int, 1000 + floor(random() * 50000)::int,"
                " now() - random() * interval '365 days', now()"
                " FROM generate_series(1, :s) g,"
                " LATERAL (SELECT CASE WHEN random() < 0.45 + 0 * g THEN 'AC'"
                "   ELSE (ARRAY['WA','TLE','RE','CE'])[1 + floor(random() * 4)::int] END"
                "   AS verdict) v"
            ),
            {"u": users, "p": PROBLEMS, "s": submissions},
        )


class Recorder:
    """Collects (statement, parameters) of every query run while `on` is set."""

    def __init__(self, db: Database) -> None:
        self.on = False
        self.seen: dict[str, Any] = {}
        event.listen(db.engine.sync_engine, "before_cursor_execute", self.listen)

    def listen(self, conn: Any, cursor: Any, statement: str, params: Any, *_: Any) -> None:
        if self.on and statement.lstrip().upper().startswith("SELECT"):
            self.seen.setdefault(" ".join(statement.split()), params)


async def timed(samples: int, call: Callable[[int], Awaitable[Any]]) -> Summary:
    out = []
    for i in range(samples):
        start = time.perf_counter()
        await call(i)
        out.append((time.perf_counter() - start) * 1000)
    return Summary.of(out)


async def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--users", type=int, default=2000)
    parser.add_argument("--submissions", type=int, default=100_000)
    parser.add_argument("--samples", type=int, default=200)
    parser.add_argument("--full", action="store_true", help="10,000 users, 1,000,000 submits")
    args = parser.parse_args(argv)
    if args.full:
        args.users, args.submissions = 10_000, 1_000_000
    rng = random.Random(7)

    await recreate_database()
    await upgrade(URL, "0005")
    db = Database(URL)
    redis = aioredis.from_url(REDIS_URL)
    try:
        start = time.perf_counter()
        await generate(db, args.users, args.submissions)
        generated = time.perf_counter() - start
        start = time.perf_counter()
        await upgrade(URL)  # 0006: indexes + backfill of the progress tables
        migrated = time.perf_counter() - start
        async with db.engine.begin() as conn:
            await conn.execute(text("ANALYZE"))
            counts = {
                t: await conn.scalar(text(f"SELECT count(*) FROM {t}"))
                for t in ("submissions", "problem_progress", "user_activity", "user_stats")
            }
        print(f"# Progress bench: {args.users:,} users, {args.submissions:,} submissions\n")
        print(f"generate {generated:.1f} s, migration 0006 with backfill {migrated:.1f} s")
        print(table(["table", "rows"], list(counts.items())), "\n")

        async with db.session() as session:
            accepted = list(
                (
                    await session.scalars(
                        select(Submission.id).where(Submission.verdict == "AC").limit(5000)
                    )
                ).all()
            )
        user = lambda _: rng.randint(1, args.users)  # noqa: E731
        today = datetime.now(UTC).date()
        week = weekly(today)
        spy = Recorder(db)
        redis_boards = RedisBoards(redis, prefix=REDIS_PREFIX)
        stores: list[tuple[str, Boards]] = [("SQL", SqlBoards()), ("Redis", redis_boards)]
        async with db.session() as s:
            start = time.perf_counter()
            for ref in (BoardRef("xp"), week, BoardRef("topic", "graphs")):
                await redis_boards.rebuild(s, ref)
            print(f"Redis boards built from SQL in {time.perf_counter() - start:.2f} s\n")

        async def dashboard(i: int) -> None:
            uid = user(i)
            async with db.session() as s:
                await analytics_repo.user_stats(s, uid)
                await analytics_repo.by_difficulty(s, uid)
                await analytics_repo.by_topic(s, uid)
                await analytics_repo.languages(s, uid)
                await analytics_repo.recent(s, uid)

        async def activity(i: int) -> None:
            async with db.session() as s:
                first = (today - timedelta(days=364)).isoformat()
                await analytics_repo.activity(s, user(i), first, today.isoformat())

        def board_page(
            boards: Boards, ref: BoardRef, offset: Callable[[], int]
        ) -> Callable[[int], Awaitable[None]]:
            async def run(_: int) -> None:
                async with db.session() as s:
                    await boards.page(s, ref, offset=offset(), limit=20)

            return run

        def my_rank(boards: Boards, ref: BoardRef) -> Callable[[int], Awaitable[None]]:
            async def run(i: int) -> None:
                async with db.session() as s:
                    found = await boards.rank_of(s, ref, user(i))
                    if found:
                        pos = found[2]
                        await boards.page(s, ref, offset=max(0, pos - 2), limit=5)

            return run

        async def beats(i: int) -> None:
            async with db.session() as s:
                row = await submission_repo.get_submission(s, rng.choice(accepted))
                await percentiles.of_submission(s, row)

        cases: list[tuple[str, Callable[[int], Awaitable[Any]]]] = [
            ("dashboard (5 queries)", dashboard),
            ("activity, 365 days", activity),
            *(
                (f"{label} leaderboard {what}", call)
                for label, boards in stores
                for what, call in (
                    ("xp, page 1", board_page(boards, BoardRef("xp"), lambda: 0)),
                    (
                        "xp, a far page",
                        board_page(boards, BoardRef("xp"), lambda: rng.randint(0, args.users // 2)),
                    ),
                    ("xp: caller's rank + neighbours", my_rank(boards, BoardRef("xp"))),
                    ("weekly, page 1", board_page(boards, week, lambda: 0)),
                    ("weekly: caller's rank + neighbours", my_rank(boards, week)),
                    ("topic, page 1", board_page(boards, BoardRef("topic", "graphs"), lambda: 0)),
                )
            ),
            ("percentile (beats x%)", beats),
        ]
        rows = []
        for name, call in cases:
            await call(0)  # warm
            spy.on = True
            summary = await timed(args.samples, call)
            spy.on = False
            rows.append((name, summary.n, summary.p50, summary.p99, summary.mean))
        print(table(["operation", "n", "p50 ms", "p99 ms", "mean ms"], rows), "\n")

        # A submit's extra write cost: record_result alone vs with record_submit.
        async def new_submission(i: int) -> int:
            async with db.session() as s:
                row = await submission_repo.create_submission(
                    s,
                    user_id=user(i),
                    problem_id=rng.randint(1, PROBLEMS),
                    language="python",
                    code="x",
                    mode="submit",
                )
                return row.id

        async def store(with_progress: bool, with_redis: bool = False) -> Summary:
            ids = [await new_submission(i) for i in range(args.samples)]

            async def one(i: int) -> None:
                async with db.session() as s:
                    await submission_repo.record_result(
                        s,
                        ids[i],
                        verdict=rng.choice(["AC", "WA"]),
                        score=100.0,
                        tests=[],
                        compile_output=None,
                        time_ms=rng.randint(1, 2000),
                        memory_kb=rng.randint(1000, 50000),
                    )
                    outcome = None
                    if with_progress:
                        row = await submission_repo.get_submission(s, ids[i])
                        outcome = await recorder.record_submit(s, row)
                if outcome is not None and with_redis:
                    await redis_boards.apply(outcome.scores)

            return await timed(args.samples, one)

        alone, full = await store(False), await store(True)
        with_boards = await store(True, with_redis=True)
        print(
            table(
                ["store a submit result", "n", "p50 ms", "p99 ms", "mean ms"],
                [
                    ("record_result only (before #14)", alone.n, alone.p50, alone.p99, alone.mean),
                    ("+ progress, XP, streak, achievements", full.n, full.p50, full.p99, full.mean),
                    (
                        "+ progress + Redis boards applied",
                        with_boards.n,
                        with_boards.p50,
                        with_boards.p99,
                        with_boards.mean,
                    ),
                ],
            ),
            "\n",
        )

        print("## EXPLAIN of every statement timed above\n")
        async with db.engine.connect() as conn:
            for statement, params in spy.seen.items():
                plan = await conn.exec_driver_sql("EXPLAIN " + statement, params)
                print("```\n" + statement + "\n--")
                print("\n".join(r[0] for r in plan.all()))
                print("```\n")
    finally:
        async for key in redis.scan_iter(match=f"{REDIS_PREFIX}:*"):
            await redis.delete(key)
        await redis.aclose()
        await db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(asyncio.run(main()))
