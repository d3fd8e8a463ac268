"""The problem list with and without its Redis cache, in the same run.

    .venv/bin/python bench/problem_cache.py [--requests N]

Two `codearena serve` processes on PostgreSQL and Redis (the scaled set-up) with the
bundled bank loaded: one with `CODEARENA_PROBLEM_CACHE_SECONDS=0` (every page read from
PostgreSQL: the baseline), one with the cache on. Each is asked for the same pages in
turn (page 1, a later page, a difficulty and topic filter, a search), sequentially over
one keep-alive connection, anonymously and signed in. Prints figures only; asserts
nothing. Needs PostgreSQL (database `bench`, emptied) and Redis db 15 (flushed).
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import aiohttp

from bench.machine import MachineLoad, load_average
from bench.seeding import flush_bench_redis, reset_bench_postgres, seed_accounts
from bench.servers import scratch_dir, start_server
from bench.stats import Summary, table

QUERIES = (
    ("page 1", {}),
    ("page 3", {"page": "3"}),
    ("medium + graphs", {"difficulty": "medium", "topic": "graphs"}),
    ("search 'sum'", {"q": "sum"}),
)


async def timed_gets(url: str, token: str | None, params: dict, count: int) -> list[float]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    samples: list[float] = []
    async with aiohttp.ClientSession(headers=headers) as http:
        for _ in range(count + 20):  # the first 20 warm up (and fill the cache)
            started = time.perf_counter()
            async with http.get(url + "/api/problems", params=params) as resp:
                await resp.read()
                if resp.status != 200:
                    raise RuntimeError(f"GET /api/problems answered {resp.status}")
            samples.append((time.perf_counter() - started) * 1000)
    return samples[20:]


async def run(count: int) -> None:
    load = MachineLoad()
    db = await reset_bench_postgres()
    redis = await flush_bench_redis()
    (account,) = await seed_accounts(db, 1)
    rows = []
    with scratch_dir("codearena-bench-cache-") as workdir:
        results: dict[str, dict[tuple[str, str], Summary]] = {}
        for name, seconds in (("no cache", "0"), ("Redis cache", "60")):
            env = {
                "REDIS_URL": redis,
                "CODEARENA_LOAD_BANK": "true",
                "CODEARENA_PROBLEM_CACHE_SECONDS": seconds,
                "CODEARENA_REDIS_PREFIX": "bench-cache",
                "CODEARENA_SOCKETIO_CHANNEL": "bench-cache",
            }
            server = start_server(name.replace(" ", "-"), workdir, db, extra_env=env)
            try:
                for who, token in (("anonymous", None), ("signed in", account.token)):
                    for label, params in QUERIES:
                        samples = await timed_gets(server.url, token, params, count)
                        results.setdefault(name, {})[(who, label)] = Summary.of(samples)
            finally:
                server.stop()
        for key, base in results["no cache"].items():
            cached = results["Redis cache"][key]
            rows.append(
                [key[0], key[1], base.p50, base.p99, cached.p50, cached.p99, base.p50 / cached.p50]
            )
    await flush_bench_redis()
    print(
        table(
            ["viewer", "query", "PostgreSQL p50 ms", "p99 ms", "cached p50 ms", "p99 ms",
             "speed-up (p50)"],
            rows,
        )
    )  # fmt: skip
    print(f"\n({load.describe()})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--requests", type=int, default=300, help="requests per query and case")
    args = parser.parse_args()
    print(f"# problem list cache; {time.strftime('%Y-%m-%d %H:%M')}; load {load_average()}")
    asyncio.run(run(args.requests))
    return 0


if __name__ == "__main__":
    sys.exit(main())
