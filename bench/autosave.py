"""Autosave load: 500 users each saving changed code every second, on SQLite and PostgreSQL.

    .venv/bin/python bench/autosave.py [--quick] [--db sqlite|postgres] [--wait-quiet S]

For each database a fresh `codearena serve` process (which migrates the database on
start) gets one problem and 500 accounts; each account connects one Socket.IO client,
opens a session with `session:open`, then calls `session:autosave` once a second at
its own phase, always from the revision the previous ack returned (a client whose ack is
late skips the ticks it missed). Before that, the same 500 clients call
`system:ping` on the same schedule: the baseline that shows what the event path
costs without the database write. The full run then repeats the saves every 2 s
and every 5 s per client, to show latency below saturation, and finally checks
that the stored revisions add up to what the acks reported.

Prints figures only; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import os
import random
import socket
import sys
import time
from collections import Counter
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import aiohttp
import socketio

from bench.clients import connect_client
from bench.machine import (
    MachineLoad,
    command_cpu,
    cpu_seconds,
    cpu_used_since,
    load_average,
    raise_nofile_limit,
    wait_for_quiet,
)
from bench.seeding import Account, reset_bench_postgres, seed_accounts, seed_problem
from bench.servers import Server, scratch_dir, sqlite_url, start_server
from bench.stats import Summary, table

CLIENTS = 500
INTERVAL = 1.0  # seconds between one client's saves in the main run
CODE = '''def pair_sum_count(values: list[int], target: int) -> int:
    """Count index pairs i < j with values[i] + values[j] == target."""
    seen: dict[int, int] = {}
    pairs = 0
    for value in values:
        pairs += seen.get(target - value, 0)
        seen[value] = seen.get(value, 0) + 1
    return pairs


if __name__ == "__main__":
    n, target = map(int, input().split())
    values = list(map(int, input().split()))
    print(pair_sum_count(values, target))
'''


@dataclass(frozen=True)
class Plan:
    baseline_seconds: float
    seconds: float
    # afterwards, slower schedules (seconds between saves) to see latency below saturation
    slower: tuple[float, ...] = ()
    slower_seconds: float = 10.0
    wait_quiet: float = 0.0  # seconds to wait for an idle machine before each database

    @classmethod
    def choose(cls, quick: bool) -> Plan:
        return cls(3.0, 6.0) if quick else cls(5.0, 20.0, slower=(2.0, 5.0))


@dataclass
class Tally:
    """What one paced run produced, summed over every client."""

    latencies: list[float] = field(default_factory=list)
    saved: int = 0
    snapshots: int = 0
    errors: Counter[str] = field(default_factory=Counter)
    skipped_ticks: int = 0


@dataclass
class Editor:
    """One user's client and the session it edits."""

    client: socketio.AsyncClient
    session_id: int = 0
    revision: int = 0
    edits: int = 0

    def next_code(self) -> str:
        self.edits += 1
        return f"{CODE}\n# edit {self.edits}: {random.random():.12f}\n"


Action = Callable[[Editor, Tally], Awaitable[None]]


async def timed_call(editor: Editor, tally: Tally, event: str, payload: Any) -> dict[str, Any]:
    started = time.perf_counter()
    try:
        ack = await editor.client.call(event, payload, timeout=30)
    except socketio.exceptions.TimeoutError:
        tally.errors["ack timeout (30 s)"] += 1
        return {"ok": False}
    tally.latencies.append((time.perf_counter() - started) * 1000)
    if not ack.get("ok"):
        tally.errors[ack.get("error", {}).get("code", "unknown")] += 1
    return dict(ack)


async def ping(editor: Editor, tally: Tally) -> None:
    await timed_call(editor, tally, "system:ping", editor.edits)


async def autosave(editor: Editor, tally: Tally) -> None:
    ack = await timed_call(
        editor,
        tally,
        "session:autosave",
        {
            "session": editor.session_id,
            "code": editor.next_code(),
            "language": "python",
            "base_revision": editor.revision,
            "time_spent": editor.edits,
        },
    )
    if ack.get("ok"):
        editor.revision = int(ack["revision"])
        tally.saved += bool(ack["saved"])
        tally.snapshots += bool(ack["snapshot"])
    elif ack.get("error", {}).get("code") == "conflict":
        editor.revision = int(ack["error"]["details"]["revision"])


async def paced(
    editors: Sequence[Editor], action: Action, seconds: float, interval: float = INTERVAL
) -> tuple[Tally, float]:
    """Every editor runs `action` once per `interval` at a random phase, for `seconds`.

    A client waits for its previous ack before the next save (it needs the new
    revision); a tick that passes while it waits is skipped and counted.
    """
    tally = Tally()
    origin = time.perf_counter() + 0.5
    end = origin + seconds

    async def drive(editor: Editor) -> None:
        tick = origin + random.uniform(0, interval)
        while tick < end:
            delay = tick - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            await action(editor, tally)
            tick += interval
            while tick < time.perf_counter():
                tick += interval
                tally.skipped_ticks += 1

    await asyncio.gather(*(drive(e) for e in editors))
    return tally, time.perf_counter() - origin


@dataclass(frozen=True)
class Row:
    case: str
    tally: Tally
    elapsed: float
    server_cpu: float
    client_cpu: float
    database_cpu: float | None
    machine_busy: float
    baseline: Summary | None = None

    def cells(self) -> list[object]:
        s = Summary.of(self.tally.latencies)
        calls = len(self.tally.latencies)
        return [
            self.case,
            calls,
            calls / self.elapsed,
            self.tally.saved / self.elapsed if self.baseline else "-",
            s.p50,
            s.p99,
            max(self.tally.latencies, default=float("nan")),
            s.p50 / self.baseline.p50 if self.baseline else 1.0,
            self.tally.skipped_ticks,
            ", ".join(f"{k}: {v}" for k, v in self.tally.errors.items()) or "none",
            f"{self.server_cpu:.0f}%",
            f"{self.client_cpu:.0f}%",
            "-" if self.database_cpu is None else f"{self.database_cpu:.0f}%",
            f"{self.machine_busy:.0f}%",
        ]


HEADERS = [
    "case",
    "acks",
    "acks/s",
    "writes/s",
    "p50 ms",
    "p99 ms",
    "max ms",
    "p50 / ping p50",
    "skipped ticks",
    "errors",
    "server CPU",
    "client CPU",
    "PostgreSQL CPU",
    "machine CPU busy",
]


async def measured(
    case: str,
    server: Server,
    database_url: str,
    editors: Sequence[Editor],
    action: Action,
    seconds: float,
    baseline: Summary | None = None,
    interval: float = INTERVAL,
) -> Row:
    """Run `action` paced over `editors`, with the CPU the server and this process used."""
    postgres = "postgresql" in database_url
    server_before, client_before = server.cpu_seconds(), cpu_seconds(os.getpid())
    db_before = command_cpu("postgres") if postgres else {}
    machine = MachineLoad()
    tally, elapsed = await paced(editors, action, seconds, interval)
    db_cpu = cpu_used_since(db_before, command_cpu("postgres")) if postgres else None
    return Row(
        case,
        tally,
        elapsed,
        server_cpu=(server.cpu_seconds() - server_before) / elapsed * 100,
        client_cpu=(cpu_seconds(os.getpid()) - client_before) / elapsed * 100,
        database_cpu=None if db_cpu is None else db_cpu / elapsed * 100,
        machine_busy=machine.busy_percent(),
        baseline=baseline,
    )


async def run_backend(name: str, database_url: str, workdir: Path, plan: Plan) -> list[Row]:
    await wait_for_quiet(plan.wait_quiet)
    print(f"  {name}: seeding {CLIENTS} accounts and a problem", flush=True)
    slug = await seed_problem(database_url)
    accounts: list[Account] = await seed_accounts(database_url, CLIENTS)
    server = start_server(f"autosave-{name}", workdir, database_url)
    editors: list[Editor] = []
    rows: list[Row] = []
    http = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0))
    try:
        gate = asyncio.Semaphore(50)

        async def join(account: Account) -> Editor:
            async with gate:
                client = await connect_client(server.url, account.token, http=http)
                ack = await client.call(
                    "session:open", {"problem": slug, "language": "python"}, timeout=60
                )
                if not ack.get("ok"):
                    raise RuntimeError(f"session:open failed: {ack}")
                session = ack["session"]
                return Editor(client, int(session["id"]), int(session["revision"]))

        started = time.perf_counter()
        editors = list(await asyncio.gather(*(join(a) for a in accounts)))
        print(
            f"  {name}: {len(editors)} clients connected with open sessions"
            f" in {time.perf_counter() - started:.1f} s",
            flush=True,
        )
        await paced(editors, ping, 1.0)  # warm up
        base = await measured(
            f"{name}: system:ping 1/s/client (baseline)",
            server,
            database_url,
            editors,
            ping,
            plan.baseline_seconds,
        )
        rows.append(base)
        baseline = Summary.of(base.tally.latencies)
        print(f"  {name}: ping baseline p50 {baseline.p50:.2f} ms", flush=True)
        schedules = [(INTERVAL, plan.seconds)] + [(i, plan.slower_seconds) for i in plan.slower]
        for interval, seconds in schedules:
            row = await measured(
                f"{name}: session:autosave every {interval:g} s/client"
                f" ({CLIENTS / interval:.0f}/s offered)",
                server,
                database_url,
                editors,
                autosave,
                seconds,
                baseline,
                interval,
            )
            rows.append(row)
            s = Summary.of(row.tally.latencies)
            print(
                f"  {name}: autosave every {interval:g} s: p50 {s.p50:.2f} ms,"
                f" p99 {s.p99:.2f} ms, {row.tally.saved / row.elapsed:.0f} writes/s,"
                f" {row.tally.snapshots} snapshots ({row.server_cpu:.0f}% server CPU)",
                flush=True,
            )
        await check_revisions(name, database_url, editors)
    finally:
        await asyncio.gather(*(e.client.disconnect() for e in editors), return_exceptions=True)
        await http.close()
        server.stop()
    return rows


async def check_revisions(name: str, database_url: str, editors: Sequence[Editor]) -> None:
    """The stored revisions should add up to what the acks told the clients."""
    from sqlalchemy import func, select

    from storage.database import Database
    from storage.models import PracticeSession

    db = Database(database_url)
    try:
        async with db.session() as session:
            stored = await session.scalar(select(func.sum(PracticeSession.revision)))
    finally:
        await db.close()
    acked = sum(e.revision for e in editors)
    verdict = "consistent" if stored == acked else "MISMATCH"
    print(f"  {name}: revisions stored {stored:,} vs acked {acked:,}: {verdict}", flush=True)


def reachable(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=1):
            return True
    except OSError:
        return False


async def run(plan: Plan, backends: Sequence[str]) -> None:
    print(
        f"\n## session:autosave: {CLIENTS} clients (one user each), one save per"
        f" {INTERVAL:.0f} s per client for {plan.seconds:.0f} s (ping baseline"
        f" {plan.baseline_seconds:.0f} s)"
        + "".join(f"; then every {i:g} s for {plan.slower_seconds:.0f} s" for i in plan.slower)
        + "\n",
        flush=True,
    )
    rows: list[Row] = []
    with scratch_dir("codearena-bench-autosave-") as workdir:
        for name in backends:
            if name == "sqlite":
                url = sqlite_url(workdir)
            elif not reachable(5432):
                print("  (PostgreSQL not reachable: skipped)")
                continue
            else:
                url = await reset_bench_postgres()
            rows += await run_backend(name, url, workdir, plan)
    print()
    print(table(HEADERS, [r.cells() for r in rows]))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="shorter runs")
    parser.add_argument(
        "--db", choices=("sqlite", "postgres"), action="append", help="one database only"
    )
    parser.add_argument(
        "--wait-quiet",
        type=float,
        default=0.0,
        metavar="S",
        help="before each database wait up to S seconds for the machine to be < 25%% busy",
    )
    args = parser.parse_args(argv)
    limit = raise_nofile_limit()
    print(
        f"# CodeArena autosave benchmark ({'quick' if args.quick else 'full'});"
        f" {time.strftime('%Y-%m-%d %H:%M')}; open-files limit {limit:,};"
        f" load average {load_average()}",
        flush=True,
    )
    started = time.monotonic()
    plan = dataclasses.replace(Plan.choose(args.quick), wait_quiet=args.wait_quiet)
    asyncio.run(run(plan, args.db or ("sqlite", "postgres")))
    print(f"\n(total {time.monotonic() - started:.0f} s; load average {load_average()})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
