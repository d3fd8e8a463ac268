"""Contest room of N participants submitting: leaderboard latency from verdict to every client.

Prints figures; asserts nothing. Each participant submits once, one after another,
so every `leaderboard:update` can be attributed: latency = arrival at a client minus
the moment the submitter received its `code:result` (the verdict). Baseline in the
same run: the `system:ping` round trip of one client.

    .venv/bin/python bench/contest.py [--quick] [--participants 50]
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import aiohttp

from bench.clients import connect_client
from bench.machine import raise_nofile_limit
from bench.seeding import seed_accounts, seed_problem
from bench.servers import scratch_dir, sqlite_url, start_server
from bench.stats import Summary, table

CODE = "a, b = map(int, input().split())\nprint(a + b)\n"


async def run(participants: int) -> None:
    raise_nofile_limit()
    with scratch_dir("bench-contest-") as workdir:
        url = sqlite_url(workdir)
        slug = await seed_problem(url)
        accounts = await seed_accounts(url, participants)
        server = start_server("web", workdir, url)
        clients = []
        try:
            arrivals: dict[int, list[float]] = {a.id: [] for a in accounts}
            results: dict[int, float] = {}

            def on_board(user_id: int):
                return lambda _data: arrivals[user_id].append(time.perf_counter())

            def on_result(data: dict) -> None:
                results.setdefault(data["submission_id"], time.perf_counter())

            async with aiohttp.ClientSession() as http:
                resp = await http.post(
                    server.url + "/api/rooms",
                    json={
                        "problems": [slug],
                        "max_participants": participants,
                        "countdown_seconds": 0,
                        "duration_minutes": 60,
                    },
                    headers={"Authorization": f"Bearer {accounts[0].token}"},
                )
                room_id = (await resp.json())["room"]["id"]
            for account in accounts:
                client = await connect_client(
                    server.url,
                    account.token,
                    handlers={"leaderboard:update": on_board(account.id), "code:result": on_result},
                )
                clients.append(client)
                ack = await client.call("room:join", {"room": room_id}, timeout=30)
                assert ack["ok"], ack
            for _ in range(100):
                state = await clients[0].call("room:join", {"room": room_id}, timeout=30)
                if state["room"]["status"] == "in_progress":
                    break
                await asyncio.sleep(0.1)

            pings = []
            for _ in range(50):
                t0 = time.perf_counter()
                await clients[0].call("system:ping", 1, timeout=10)
                pings.append((time.perf_counter() - t0) * 1000)

            latencies: list[float] = []
            fanout_done: list[float] = []
            for client in clients:
                before = {uid: len(times) for uid, times in arrivals.items()}
                ack = await client.call(
                    "code:execute",
                    {
                        "problem": slug,
                        "language": "python",
                        "mode": "submit",
                        "code": CODE,
                        "room": room_id,
                    },
                    timeout=30,
                )
                sub_id = ack["submission_id"]
                deadline = time.perf_counter() + 60
                while time.perf_counter() < deadline:
                    if sub_id in results and all(len(arrivals[u]) > before[u] for u in arrivals):
                        break
                    await asyncio.sleep(0.005)
                verdict_at = results.get(sub_id)
                if verdict_at is None:
                    continue
                firsts = [arrivals[u][before[u]] for u in arrivals if len(arrivals[u]) > before[u]]
                latencies += [(t - verdict_at) * 1000 for t in firsts]
                fanout_done.append((max(firsts) - verdict_at) * 1000)

            ping = Summary.of(pings)
            lat = Summary.of(latencies)
            done = Summary.of(fanout_done)
            print(
                f"contest room: {participants} participants, {len(fanout_done)} submissions judged"
            )
            print(
                table(
                    ["measure", "n", "p50 ms", "p99 ms", "mean ms"],
                    [
                        ["baseline: system:ping round trip", ping.n, ping.p50, ping.p99, ping.mean],
                        [
                            "verdict -> leaderboard:update at a client",
                            lat.n,
                            lat.p50,
                            lat.p99,
                            lat.mean,
                        ],
                        [
                            "verdict -> last client has the board",
                            done.n,
                            done.p50,
                            done.p99,
                            done.mean,
                        ],
                    ],
                )
            )
            print(f"server RSS {server.rss_mb():.0f} MB, CPU {server.cpu_seconds():.1f} s")
        finally:
            for client in clients:
                if client.connected:
                    await client.disconnect()
            server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--participants", type=int, default=50)
    parser.add_argument("--quick", action="store_true", help="10 participants")
    args = parser.parse_args()
    asyncio.run(run(10 if args.quick else args.participants))


if __name__ == "__main__":
    main()
