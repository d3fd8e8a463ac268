"""Socket.IO benchmarks against real `codearena serve` processes on loopback.

    .venv/bin/python bench/sockets.py [--quick] [--only ping|fanout|memory] [--wait-quiet S]

1. `system:ping` emit->ack round trip with 1, 100 and 1,000 connected clients (idle
   except one sampler) and with 100 clients pinging at once, against a plain aiohttp
   websocket echo server measured in the same run.
2. Fan-out: `notification:new` to a room of 100 sockets (one user's tabs), 50 messages/s
   sent through `POST /api/admin/notifications`: one process (in-process manager,
   SQLite), one process on Redis, and two processes on Redis (PostgreSQL; half the
   sockets on each, sent through process B).
3. Idle connections one process holds: connect in steps from three client processes and
   read the server's RSS from /proc.

Prints figures only; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import os
import socket
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import aiohttp
import socketio

from bench.clients import Worker, connect_client
from bench.machine import (
    CpuMeter,
    MachineLoad,
    load_average,
    raise_nofile_limit,
    rss_mb,
    wait_for_quiet,
)
from bench.seeding import Account, flush_bench_redis, login, reset_bench_postgres, seed_accounts
from bench.servers import Server, scratch_dir, sqlite_url, start_echo_server, start_server
from bench.stats import Summary, table

ROOM_SIZE = 100
FANOUT_RATE = 50.0  # messages per second


@dataclass(frozen=True)
class Plan:
    ping_samples: int
    concurrent_rounds: int
    fanout_seconds: float
    memory_steps: tuple[int, ...]
    memory_ceiling_mb: float = 1024.0
    wait_quiet: float = 0.0  # seconds to wait for an idle machine before each section

    @classmethod
    def choose(cls, quick: bool) -> Plan:
        if quick:
            return cls(300, 10, 2.0, (1000,))
        return cls(2000, 50, 10.0, (1000, 2000, 5000, 10000, 15000))


# ---------------------------------------------------------------- round trips


async def socketio_pings(client: socketio.AsyncClient, count: int) -> list[float]:
    """Sequential `system:ping` calls on one python-socketio client; ms per round trip."""
    samples: list[float] = []
    for i in range(count):
        started = time.perf_counter()
        ack = await client.call("system:ping", i, timeout=30)
        samples.append((time.perf_counter() - started) * 1000)
        if not ack.get("ok") or ack.get("echo") != i:
            raise RuntimeError(f"bad ping ack: {ack}")
    return samples


async def raw_protocol_pings(url: str, token: str, count: int) -> list[float]:
    """The same event over a bare aiohttp websocket speaking Engine.IO 4 / Socket.IO 5 frames.

    Takes the python-socketio client's own cost out of the figure.
    """
    ws_url = url.replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket"
    samples: list[float] = []
    async with aiohttp.ClientSession() as http, http.ws_connect(ws_url) as ws:

        async def frame() -> str:
            while True:
                text = await ws.receive_str()
                if text == "2":  # Engine.IO ping from the server
                    await ws.send_str("3")
                    continue
                return text

        if not (await frame()).startswith("0"):
            raise RuntimeError("no Engine.IO open packet")
        await ws.send_str("40" + json.dumps({"token": token}))
        if not (reply := await frame()).startswith("40"):
            raise RuntimeError(f"namespace connect refused: {reply}")
        for i in range(count):
            started = time.perf_counter()
            await ws.send_str(f'42{i}["system:ping",{i}]')
            reply = await frame()
            samples.append((time.perf_counter() - started) * 1000)
            if not reply.startswith(f"43{i}["):
                raise RuntimeError(f"unexpected frame {reply[:80]}")
    return samples


async def echo_round_trips(url: str, clients: int, rounds: int) -> tuple[list[float], float]:
    """`clients` websocket clients each doing `rounds` sequential echoes at once.

    Returns the samples (ms) and the achieved round trips per second.
    """
    payload = json.dumps(["system:ping", 0])
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as http:
        sockets = [await http.ws_connect(url + "/ws") for _ in range(clients)]
        per_client: list[list[float]] = [[] for _ in sockets]

        async def run(ws: aiohttp.ClientWebSocketResponse, out: list[float]) -> None:
            for _ in range(rounds):
                started = time.perf_counter()
                await ws.send_str(payload)
                await ws.receive_str()
                out.append((time.perf_counter() - started) * 1000)

        for ws in sockets:  # warm up
            await ws.send_str(payload)
            await ws.receive_str()
        started = time.perf_counter()
        await asyncio.gather(*(run(ws, out) for ws, out in zip(sockets, per_client, strict=True)))
        elapsed = time.perf_counter() - started
        for ws in sockets:
            await ws.close()
    samples = [s for out in per_client for s in out]
    return samples, len(samples) / elapsed


async def concurrent_socketio_pings(
    url: str, accounts: Sequence[Account], rounds: int
) -> tuple[list[float], float]:
    clients = [await connect_client(url, a.token) for a in accounts]
    try:
        for client in clients:
            await socketio_pings(client, 1)
        started = time.perf_counter()
        per_client = await asyncio.gather(*(socketio_pings(c, rounds) for c in clients))
        elapsed = time.perf_counter() - started
    finally:
        await asyncio.gather(*(c.disconnect() for c in clients))
    samples = [s for out in per_client for s in out]
    return samples, len(samples) / elapsed


async def hold_idle(workers: Sequence[Worker], url: str, accounts: Sequence[Account]) -> int:
    """Connect `accounts` from the workers (round robin); returns how many connected."""
    shares = [list(accounts[i :: len(workers)]) for i in range(len(workers))]
    replies = await asyncio.gather(
        *(
            w.connect(url, [a.token for a in share])
            for w, share in zip(workers, shares, strict=True)
        )
    )
    for reply in replies:
        if reply["failed"]:
            print(f"  ! {reply['failed']} connects failed: {reply['errors']}", flush=True)
    return sum(int(r["connected"]) for r in replies)


async def bench_round_trips(plan: Plan, workdir: Path) -> None:
    print("\n## 1. `system:ping` emit -> ack round trip (loopback)\n", flush=True)
    await wait_for_quiet(plan.wait_quiet)
    load = MachineLoad()
    url_db = sqlite_url(workdir)
    accounts = await seed_accounts(url_db, 1 + 999 + ROOM_SIZE)
    sampler_account, idle, pingers = accounts[0], accounts[1:1000], accounts[1000:]
    server = start_server("ping", workdir, url_db)
    echo = start_echo_server(workdir)
    rows: list[list[object]] = []
    try:
        n = plan.ping_samples
        meter = CpuMeter(echo.pid, os.getpid())
        base, _ = await echo_round_trips(echo.url, 1, n)
        base_sum = Summary.of(base)

        def row(
            case: str,
            connected: int,
            samples: list[float],
            meter: CpuMeter,
            rate: float | None = None,
            baseline: Summary = base_sum,
        ) -> None:
            s = Summary.of(samples)
            server_cpu, client_cpu = meter.percents()
            rows.append(
                [case, connected, s.n, s.p50, s.p99, s.p50 / baseline.p50, rate or "-",
                 f"{server_cpu:.0f}%", f"{client_cpu:.0f}%"]
            )  # fmt: skip
            print(f"  {case}: p50 {s.p50:.3f} ms, p99 {s.p99:.3f} ms", flush=True)

        row("baseline: aiohttp ws echo, 1 client", 1, base, meter)
        await raw_protocol_pings(server.url, sampler_account.token, 100)  # warm up
        meter = CpuMeter(server.pid, os.getpid())
        samples = await raw_protocol_pings(server.url, sampler_account.token, n)
        row("raw EIO/SIO frames over aiohttp ws, 1 client", 1, samples, meter)
        sampler = await connect_client(server.url, sampler_account.token)
        workers = [await Worker.start(), await Worker.start()]
        try:
            await socketio_pings(sampler, 100)  # warm up
            meter = CpuMeter(server.pid, os.getpid())
            samples = await socketio_pings(sampler, n)
            row("python-socketio client, 1 connected", 1, samples, meter)
            held = await hold_idle(workers, server.url, idle[:99])
            await asyncio.sleep(1)
            meter = CpuMeter(server.pid, os.getpid())
            samples = await socketio_pings(sampler, n)
            row("python-socketio client, 100 connected (99 idle)", held + 1, samples, meter)
            held += await hold_idle(workers, server.url, idle[99:])
            await asyncio.sleep(1)
            meter = CpuMeter(server.pid, os.getpid())
            samples = await socketio_pings(sampler, n)
            row("python-socketio client, 1,000 connected (999 idle)", held + 1, samples, meter)
        finally:
            await sampler.disconnect()
            await asyncio.gather(*(w.close() for w in workers))
        rounds = plan.concurrent_rounds
        meter = CpuMeter(echo.pid, os.getpid())
        samples, rate = await echo_round_trips(echo.url, ROOM_SIZE, rounds)
        conc_base = Summary.of(samples)
        case = "baseline: aiohttp ws echo, 100 clients at once"
        row(case, 100, samples, meter, rate, conc_base)
        meter = CpuMeter(server.pid, os.getpid())
        samples, rate = await concurrent_socketio_pings(server.url, pingers, rounds)
        row("python-socketio clients, 100 pinging at once", 100, samples, meter, rate, conc_base)
    finally:
        echo.stop()
        server.stop()
    print()
    print(
        table(
            [
                "case",
                "connected",
                "samples",
                "p50 ms",
                "p99 ms",
                "p50 / echo baseline p50",
                "round trips/s",
                "server CPU",
                "client CPU",
            ],
            rows,
        )
    )
    print(f"\n({load.describe()})")


# ---------------------------------------------------------------- fan-out


@dataclass(frozen=True)
class FanoutResult:
    setup: str
    sent: int
    post_failures: int
    expected: int
    delivered: int
    latency: Summary
    deliveries_per_s: float
    post: Summary
    server_cpu: float  # percent of one core, summed over the servers
    machine_busy: float  # percent of all cores

    def row(self) -> list[object]:
        return [
            self.setup,
            self.sent,
            self.expected,
            self.delivered,
            self.latency.p50,
            self.latency.p99,
            self.deliveries_per_s,
            self.deliveries_per_s / ROOM_SIZE,
            self.post.p50,
            f"{self.server_cpu:.0f}%",
            f"{self.machine_busy:.0f}%",
        ]


async def send_notifications(
    url: str, admin_token: str, user_id: int, seconds: float
) -> tuple[list[float], int, float]:
    """POST notifications at FANOUT_RATE for `seconds`; returns POST latencies (ms),
    failures and the time of the first send. Each title carries its send time."""
    count = int(seconds * FANOUT_RATE)
    headers = {"Authorization": f"Bearer {admin_token}"}
    latencies: list[float] = []
    failures = 0
    async with aiohttp.ClientSession(headers=headers) as http:

        async def post(i: int) -> None:
            nonlocal failures
            started = time.perf_counter()
            body = {"user_id": user_id, "title": f"{i} {time.time():.6f}"}
            async with http.post(url + "/api/admin/notifications", json=body) as resp:
                await resp.read()
                if resp.status != 202:
                    failures += 1
            latencies.append((time.perf_counter() - started) * 1000)

        first = time.time()
        origin = time.perf_counter()
        tasks = []
        for i in range(count):
            delay = origin + i / FANOUT_RATE - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(post(i)))
        await asyncio.gather(*tasks)
    return latencies, failures, first


async def fanout(
    setup: str,
    client_servers: Sequence[Server],
    send_via: Server,
    user: Account,
    admin_email: str,
    seconds: float,
) -> FanoutResult:
    """ROOM_SIZE sockets of `user`, split evenly over `client_servers`, one worker each."""
    admin_token = await login(send_via.url, admin_email)
    workers = [await Worker.start() for _ in client_servers]
    try:
        share = ROOM_SIZE // len(workers)
        replies = await asyncio.gather(
            *(
                w.connect(s.url, [user.token] * share, concurrency=25)
                for w, s in zip(workers, client_servers, strict=True)
            )
        )
        if sum(int(r["connected"]) for r in replies) != ROOM_SIZE:
            print(f"  ! not every socket connected: {replies}", flush=True)
        # Warm up (first requests pay for caches, pools and connections), then discard.
        await send_notifications(send_via.url, admin_token, user.id, min(1.0, seconds / 4))
        await asyncio.sleep(0.5)
        for w in workers:
            await w.received()
        servers = list({s.pid: s for s in [*client_servers, send_via]}.values())
        cpu_before = sum(s.cpu_seconds() for s in servers)
        machine = MachineLoad()
        window = time.perf_counter()
        post, failures, first = await send_notifications(
            send_via.url, admin_token, user.id, seconds
        )
        window = time.perf_counter() - window
        server_cpu = (sum(s.cpu_seconds() for s in servers) - cpu_before) / window * 100
        machine_busy = machine.busy_percent()
        sent = len(post)
        expected = (sent - failures) * ROOM_SIZE
        received: list[tuple[float, float]] = []
        quiet_since = time.monotonic()
        while len(received) < expected and time.monotonic() - quiet_since < 3:
            batch = [pair for w in workers for pair in await w.received()]
            if batch:
                received += batch
                quiet_since = time.monotonic()
            await asyncio.sleep(0.2)
    finally:
        await asyncio.gather(*(w.close() for w in workers))
    latencies = [(r - s) * 1000 for s, r in received]
    last = max((r for _, r in received), default=first)
    rate = len(received) / (last - first) if last > first else 0.0
    result = FanoutResult(
        setup, sent, failures, expected, len(received), Summary.of(latencies), rate,
        Summary.of(post), server_cpu, machine_busy,
    )  # fmt: skip
    print(
        f"  {setup}: delivered {len(received):,}/{expected:,}, p50 {result.latency.p50:.2f} ms,"
        f" p99 {result.latency.p99:.2f} ms, {rate:,.0f} deliveries/s",
        flush=True,
    )
    return result


def reachable(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


async def bench_fanout(plan: Plan, workdir: Path) -> None:
    print(
        f"\n## 2. Fan-out: `notification:new` to a room of {ROOM_SIZE} sockets,"
        f" {FANOUT_RATE:.0f} msg/s for {plan.fanout_seconds:.0f} s\n",
        flush=True,
    )
    await wait_for_quiet(plan.wait_quiet)
    load = MachineLoad()
    results: list[FanoutResult] = []
    url_db = sqlite_url(workdir)
    (user,) = await seed_accounts(url_db, 1)
    (admin,) = await seed_accounts(url_db, 1, role="admin")
    server = start_server("fanout", workdir, url_db)
    try:
        results.append(
            await fanout(
                "1 process, in-process manager (SQLite)",
                [server, server],
                server,
                user,
                admin.email,
                plan.fanout_seconds,
            )
        )
    finally:
        server.stop()

    if not (reachable(5432) and reachable(6379)):
        print("  (PostgreSQL or Redis not reachable: Redis cases skipped)")
    else:
        pg_url = await reset_bench_postgres()
        redis_url = await flush_bench_redis()
        (user,) = await seed_accounts(pg_url, 1)
        (admin,) = await seed_accounts(pg_url, 1, role="admin")
        a = start_server("fanout-a", workdir, pg_url, redis_url=redis_url)
        b = None
        try:
            results.append(
                await fanout(
                    "1 process, Redis manager (PostgreSQL)",
                    [a, a],
                    a,
                    user,
                    admin.email,
                    plan.fanout_seconds,
                )
            )
            b = start_server("fanout-b", workdir, pg_url, redis_url=redis_url)
            results.append(
                await fanout(
                    "2 processes, Redis manager (PostgreSQL), 50 sockets on each, sent via B",
                    [a, b],
                    b,
                    user,
                    admin.email,
                    plan.fanout_seconds,
                )
            )
        finally:
            for proc in (b, a):
                if proc is not None:
                    proc.stop()
            await flush_bench_redis()
    print()
    print(
        table(
            [
                "setup",
                "messages sent",
                "deliveries expected",
                "delivered",
                "latency p50 ms",
                "latency p99 ms",
                "deliveries/s",
                "messages/s per socket",
                "POST p50 ms",
                "server CPU (1 core = 100%)",
                "machine CPU busy",
            ],
            [r.row() for r in results],
        )
    )
    for r in results:
        if r.post_failures:
            print(f"  ! {r.setup}: {r.post_failures} POSTs failed")
    print(f"\n({load.describe()})")


# ---------------------------------------------------------------- idle connections


async def bench_memory(plan: Plan, workdir: Path) -> None:
    print(
        "\n## 3. Idle connections held by one process"
        f" (steps {', '.join(f'{s:,}' for s in plan.memory_steps)}; 3 client processes)\n",
        flush=True,
    )
    await wait_for_quiet(plan.wait_quiet)
    load = MachineLoad()
    url_db = sqlite_url(workdir)
    accounts = await seed_accounts(url_db, 1 + max(plan.memory_steps))
    server = start_server("memory", workdir, url_db)
    workers = [await Worker.start() for _ in range(3)]
    rows: list[list[object]] = []
    try:
        sampler = await connect_client(server.url, accounts[0].token)
        await socketio_pings(sampler, 50)
        await asyncio.sleep(1)
        baseline = server.rss_mb()
        print(f"  baseline RSS with the sampler connected: {baseline:.1f} MB", flush=True)
        held = 0
        for step in plan.memory_steps:
            batch = accounts[1 + held : 1 + step]
            started = time.perf_counter()
            held += await hold_idle(workers, server.url, batch)
            connect_rate = len(batch) / (time.perf_counter() - started)
            await asyncio.sleep(3)
            rss = server.rss_mb()
            ping = Summary.of(await socketio_pings(sampler, 200))
            per_conn_kb = (rss - baseline) * 1024 / held if held else float("nan")
            clients_mb = sum(rss_mb(w.pid) for w in workers)
            rows.append(
                [held, rss, rss - baseline, per_conn_kb, connect_rate, ping.p50, ping.p99,
                 clients_mb]
            )  # fmt: skip
            print(
                f"  {held:,} idle: RSS {rss:.1f} MB ({per_conn_kb:.1f} KB/connection),"
                f" ping p50 {ping.p50:.2f} ms",
                flush=True,
            )
            if rss > plan.memory_ceiling_mb or held < step:
                break
        await sampler.disconnect()
    finally:
        await asyncio.gather(*(w.close() for w in workers))
        server.stop()
    print()
    print(
        table(
            ["idle clients", "server RSS MB", "RSS - baseline MB", "KB / connection",
             "connects/s", "ping p50 ms", "ping p99 ms", "client processes RSS MB"],
            rows,
        )
    )  # fmt: skip
    if rows:
        held, rss, _, per_conn_kb, *_ = rows[-1]
        assert isinstance(per_conn_kb, float) and isinstance(held, int)
        headroom = (plan.memory_ceiling_mb - baseline) * 1024 / per_conn_kb
        print(
            f"\nbaseline RSS {baseline:.1f} MB; at {held:,} idle connections"
            f" {per_conn_kb:.1f} KB each -> about {headroom:,.0f} connections"
            f" under {plan.memory_ceiling_mb:.0f} MB RSS (extrapolated)"
        )
    print(f"({load.describe()})")


async def run(plan: Plan, sections: set[str]) -> None:
    with scratch_dir("codearena-bench-sockets-") as workdir:
        for name in sections:
            (workdir / name).mkdir()
        if "ping" in sections:
            await bench_round_trips(plan, workdir / "ping")
        if "fanout" in sections:
            await bench_fanout(plan, workdir / "fanout")
        if "memory" in sections:
            await bench_memory(plan, workdir / "memory")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer samples, smaller steps")
    parser.add_argument(
        "--only", choices=("ping", "fanout", "memory"), action="append", help="run one section"
    )
    parser.add_argument(
        "--wait-quiet",
        type=float,
        default=0.0,
        metavar="S",
        help="before each section wait up to S seconds for the machine to be < 25%% busy",
    )
    args = parser.parse_args(argv)
    plan = dataclasses.replace(Plan.choose(args.quick), wait_quiet=args.wait_quiet)
    limit = raise_nofile_limit()
    print(
        f"# CodeArena socket benchmarks ({'quick' if args.quick else 'full'});"
        f" {time.strftime('%Y-%m-%d %H:%M')}; open-files limit {limit:,};"
        f" load average {load_average()}",
        flush=True,
    )
    started = time.monotonic()
    sections = set(args.only or ("ping", "fanout", "memory"))
    asyncio.run(run(plan, sections))
    print(f"\n(total {time.monotonic() - started:.0f} s; load average {load_average()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
