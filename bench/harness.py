"""Shared benchmark plumbing: server processes, seeded accounts, client workers, statistics.

Imported by the scripts next to it (`bench/sockets.py`, `bench/autosave.py`) and also
run as a subprocess by them:

    python bench/harness.py worker        # holds Socket.IO clients, driven by JSON lines on stdin
    python bench/harness.py echo --port P # a plain aiohttp websocket echo server (baseline)

Accounts are inserted straight into the database (registration is rate limited to
5 per minute per address) and their access tokens are minted with the server's
secret by `realtime.security.tokens.create_access_token`, the function the login
endpoint uses; the admin account logs in through `POST /api/auth/login`.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import resource
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:  # the scripts run as `python bench/x.py`
    sys.path.insert(0, str(REPO))

import aiohttp  # noqa: E402
import socketio  # noqa: E402

CODEARENA = REPO / ".venv" / "bin" / "codearena"
BENCH_PG_URL = "postgresql+asyncpg://postgres@127.0.0.1:5432/bench"
PG_ADMIN_DSN = "postgresql://postgres@127.0.0.1:5432/postgres"
BENCH_REDIS_URL = "redis://127.0.0.1:6379/15"
SECRET = "bench-secret-" + "k" * 48
PASSWORD = "bench-horse-9"
TOKEN_LIFETIME = timedelta(hours=2)
NOFILE = 65536


# ---------------------------------------------------------------- statistics


def percentile(samples: Sequence[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of unsorted samples; NaN when empty."""
    if not samples:
        return math.nan
    ordered = sorted(samples)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


@dataclass(frozen=True)
class Summary:
    n: int
    p50: float
    p99: float
    mean: float

    @classmethod
    def of(cls, samples_ms: Sequence[float]) -> Summary:
        mean = sum(samples_ms) / len(samples_ms) if samples_ms else math.nan
        return cls(len(samples_ms), percentile(samples_ms, 50), percentile(samples_ms, 99), mean)


def table(headers: Sequence[str], rows: Sequence[Sequence[Any]]) -> str:
    """A Markdown table (so the output pastes straight into docs/benchmarks.md)."""

    def cell(value: Any) -> str:
        if isinstance(value, float):
            if math.isnan(value):
                return "-"
            return f"{value:.3f}" if abs(value) < 10 else f"{value:,.1f}"
        if isinstance(value, int):
            return f"{value:,}"
        return str(value)

    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


# ---------------------------------------------------------------- processes


def raise_nofile_limit(wanted: int = NOFILE) -> int:
    """Raise RLIMIT_NOFILE to `wanted` (children inherit it), or as far as the hard limit
    allows when this process may not lift that; returns the soft limit now in force."""
    _, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY or hard >= wanted:
        resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, hard))
    else:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (wanted, wanted))  # CAP_SYS_RESOURCE
        except (ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)[0]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def rss_mb(pid: int) -> float:
    """Resident set size of a process, from /proc/<pid>/status."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no VmRSS for pid {pid}")


def cpu_seconds(pid: int) -> float:
    """User + system CPU time a process has used, from /proc/<pid>/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_cpu() -> tuple[float, float]:
    """(busy, total) jiffies of all cores since boot, from /proc/stat."""
    values = [int(v) for v in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return float(sum(values) - idle), float(sum(values))


@dataclass
class MachineLoad:
    """How busy the whole machine was over a stretch: other work skews loopback figures."""

    start: tuple[float, float] = field(default_factory=machine_cpu)

    def busy_percent(self) -> float:
        """Busy share of all cores (100% = every core busy) since `start`."""
        busy, total = machine_cpu()
        return 100 * (busy - self.start[0]) / max(1.0, total - self.start[1])

    def describe(self) -> str:
        return (
            f"machine CPU busy {self.busy_percent():.0f}% of {os.cpu_count()} cores"
            f" (includes this benchmark); load average {load_average()}"
        )


async def wait_for_quiet(max_wait: float, threshold: float = 25.0) -> None:
    """Wait up to `max_wait` s for a 3-second stretch with the machine under `threshold`%
    busy (other people's work skews loopback figures); says what it found."""
    if max_wait <= 0:
        return
    deadline = time.monotonic() + max_wait
    while True:
        probe = MachineLoad()
        await asyncio.sleep(3)
        busy = probe.busy_percent()
        if busy < threshold:
            print(f"  (machine quiet: {busy:.0f}% busy)", flush=True)
            return
        if time.monotonic() >= deadline:
            print(f"  (machine still {busy:.0f}% busy after {max_wait:.0f} s; going on)")
            return


class CpuMeter:
    """CPU share (100% = one core) of some processes over a stretch of wall time."""

    def __init__(self, *pids: int) -> None:
        self.pids = pids
        self.before = [cpu_seconds(pid) for pid in pids]
        self.started = time.perf_counter()

    def percents(self) -> list[float]:
        elapsed = time.perf_counter() - self.started
        return [
            (cpu_seconds(pid) - before) / elapsed * 100
            for pid, before in zip(self.pids, self.before, strict=True)
        ]


def command_cpu(command: str) -> dict[int, float]:
    """CPU seconds used so far by each process whose command name is `command` (postgres)."""
    found: dict[int, float] = {}
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if (proc / "comm").read_text().strip() == command:
                found[int(proc.name)] = cpu_seconds(int(proc.name))
        except (OSError, ValueError):
            continue  # exited meanwhile
    return found


def cpu_used_since(before: dict[int, float], after: dict[int, float]) -> float:
    """CPU seconds used between two `command_cpu` readings (processes that exited are lost)."""
    return sum(used - before.get(pid, 0.0) for pid, used in after.items())


def load_average() -> str:
    """The 1/5/15-minute load averages (other work on the machine skews the figures)."""
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def clean_env(**overrides: str) -> dict[str, str]:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("CODEARENA_", "DATABASE_URL", "REDIS_URL"))
    }
    env.update(overrides)
    return env


@dataclass
class Server:
    """One `codearena serve` subprocess on a loopback port."""

    name: str
    port: int
    popen: subprocess.Popen[bytes]
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        return self.popen.pid

    def rss_mb(self) -> float:
        return rss_mb(self.pid)

    def cpu_seconds(self) -> float:
        return cpu_seconds(self.pid)

    def output(self) -> str:
        return self.log.read_text(errors="replace") if self.log.exists() else ""

    def stop(self) -> None:
        """SIGTERM (SIGKILL after 20 s), then print anything the server logged as an error."""
        if self.popen.poll() is None:
            self.popen.send_signal(signal.SIGTERM)
            try:
                self.popen.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.popen.kill()
                self.popen.wait(timeout=10)
        problems = [
            line
            for line in self.output().splitlines()
            if " ERROR " in line or "Traceback" in line or "Error:" in line
        ]
        if problems:
            print(f"  ! {self.name} logged {len(problems)} error line(s); first ones:")
            for line in problems[:10]:
                print(f"    {line[:300]}")


def start_server(
    name: str,
    workdir: Path,
    database_url: str,
    *,
    redis_url: str | None = None,
    extra_env: dict[str, str] | None = None,
) -> Server:
    """Start `codearena serve` (cwd = workdir, so no stray `.env` is read) and wait for health."""
    port = free_port()
    env = clean_env(
        DATABASE_URL=database_url,
        CODEARENA_SECRET=SECRET,
        CODEARENA_ENV="development",
        CODEARENA_LOAD_BANK="false",
        CODEARENA_LOG_LEVEL="WARNING",
        CODEARENA_ACCESS_TOKEN_MINUTES="120",
        CODEARENA_AI_PROVIDER="offline",
        **({"REDIS_URL": redis_url} if redis_url else {}),
        **(extra_env or {}),
    )
    log = workdir / f"{name}.log"
    with log.open("wb") as handle:
        popen = subprocess.Popen(
            [str(CODEARENA), "serve", "--port", str(port)],
            stdout=handle,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=workdir,
            start_new_session=True,
        )
    server = Server(name, port, popen, log)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if popen.poll() is not None:
            raise RuntimeError(f"{name} exited early:\n{server.output()}")
        try:
            with urllib.request.urlopen(server.url + "/api/health", timeout=2) as resp:
                if resp.status == 200:
                    return server
        except OSError:
            pass
        time.sleep(0.2)
    server.stop()
    raise RuntimeError(f"{name} never became healthy:\n{server.output()}")


@contextlib.contextmanager
def scratch_dir(prefix: str) -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def sqlite_url(workdir: Path) -> str:
    return f"sqlite+aiosqlite:///{workdir}/bench.db"


# ---------------------------------------------------------------- data stores


async def reset_bench_postgres() -> str:
    """Create the `bench` database if needed and empty its schema; returns its URL."""
    import asyncpg
    from sqlalchemy import text

    from storage.database import create_engine

    conn = await asyncpg.connect(PG_ADMIN_DSN)
    try:
        if not await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = 'bench'"):
            await conn.execute("CREATE DATABASE bench")
    finally:
        await conn.close()
    engine = create_engine(BENCH_PG_URL)
    async with engine.begin() as sql:
        await sql.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        await sql.execute(text("CREATE SCHEMA public"))
    await engine.dispose()
    return BENCH_PG_URL


async def flush_bench_redis() -> str:
    import redis.asyncio as aioredis

    client = aioredis.from_url(BENCH_REDIS_URL)
    try:
        await client.flushdb()
    finally:
        await client.aclose()
    return BENCH_REDIS_URL


@dataclass(frozen=True)
class Account:
    id: int
    email: str
    token: str


async def seed_accounts(database_url: str, count: int, *, role: str = "user") -> list[Account]:
    """Insert `count` users (migrating first) and mint an access token for each."""
    from realtime.security.passwords import hash_password
    from realtime.security.tokens import create_access_token
    from storage.database import Database
    from storage.migrate import upgrade
    from storage.models import User

    await upgrade(database_url)
    password_hash = await hash_password(PASSWORD)  # one argon2 hash shared by every account
    stamp = f"{time.time_ns():x}"
    db = Database(database_url)
    users: list[User] = []
    try:
        for start in range(0, count, 1000):
            batch = [
                User(
                    email=f"{role}-{stamp}-{i}@bench.example",
                    password_hash=password_hash,
                    display_name=f"{role} {i}",
                    role=role,
                    preferred_languages=[],
                    target_companies=[],
                )
                for i in range(start, min(count, start + 1000))
            ]
            async with db.session() as session:
                session.add_all(batch)
                await session.flush()
            users += batch
    finally:
        await db.close()
    return [
        Account(
            u.id,
            u.email,
            create_access_token(
                SECRET, user_id=u.id, role=u.role, version=0, lifetime=TOKEN_LIFETIME
            ),
        )
        for u in users
    ]


async def seed_problem(database_url: str, slug: str = "bench-sum") -> str:
    """A small public problem (for `session:open`); returns its slug."""
    from storage.database import Database
    from storage.migrate import upgrade
    from storage.repositories.problems import ProblemDraft, TestData, create_problem

    await upgrade(database_url)
    draft = ProblemDraft(
        slug=slug,
        fields={
            "title": "Bench sum",
            "statement": "Read two integers and print their sum.",
            "difficulty": "easy",
            "starter_code": {"python": "a, b = map(int, input().split())\n"},
            "visibility": "public",
        },
        topics=["math"],
        tests=[TestData("01", "1 2\n", "3\n", hidden=False)],
        solutions={"python": "a, b = map(int, input().split())\nprint(a + b)\n"},
    )
    db = Database(database_url)
    try:
        async with db.session() as session:
            await create_problem(session, draft, author_id=None, source="bank")
    finally:
        await db.close()
    return slug


async def login(base_url: str, email: str, password: str = PASSWORD) -> str:
    """A real `POST /api/auth/login`; returns the access token."""
    async with aiohttp.ClientSession() as http:
        resp = await http.post(
            base_url + "/api/auth/login", json={"email": email, "password": password}
        )
        body = await resp.json()
        if resp.status != 200:
            raise RuntimeError(f"login failed: {resp.status} {body}")
        return str(body["access_token"])


# ---------------------------------------------------------------- Socket.IO clients


async def connect_client(
    url: str,
    token: str,
    *,
    http: aiohttp.ClientSession | None = None,
    handlers: dict[str, Any] | None = None,
) -> socketio.AsyncClient:
    client = socketio.AsyncClient(reconnection=False, http_session=http)
    for event, handler in (handlers or {}).items():
        client.on(event, handler)
    await client.connect(url, auth={"token": token}, transports=["websocket"], wait_timeout=60)
    return client


@dataclass
class ClientPool:
    """Many idle Socket.IO clients in one process, recording `notification:new` receipts."""

    clients: list[socketio.AsyncClient] = field(default_factory=list)
    received: list[tuple[float, float]] = field(default_factory=list)  # (sent, received)
    http: aiohttp.ClientSession | None = None

    def _on_notification(self, data: Any) -> None:
        now = time.time()
        try:
            sent = float(str(data["title"]).split()[1])
        except (KeyError, IndexError, TypeError, ValueError):
            sent = math.nan
        self.received.append((sent, now))

    async def connect(self, url: str, tokens: Sequence[str], concurrency: int) -> dict[str, Any]:
        if self.http is None:  # one session, no connection cap, shared by every client
            self.http = aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0))
        gate = asyncio.Semaphore(concurrency)
        errors: list[str] = []

        async def one(token: str) -> None:
            async with gate:
                try:
                    client = await connect_client(
                        url,
                        token,
                        http=self.http,
                        handlers={"notification:new": self._on_notification},
                    )
                except Exception as exc:
                    errors.append(f"{type(exc).__name__}: {exc}")
                    return
                self.clients.append(client)

        started = time.perf_counter()
        await asyncio.gather(*(one(t) for t in tokens))
        return {
            "connected": len(tokens) - len(errors),
            "failed": len(errors),
            "errors": sorted(set(errors))[:5],
            "seconds": time.perf_counter() - started,
            "total": sum(1 for c in self.clients if c.connected),
        }

    def take_received(self) -> list[tuple[float, float]]:
        taken, self.received = self.received, []
        return taken

    async def close(self) -> None:
        await asyncio.gather(*(c.disconnect() for c in self.clients), return_exceptions=True)
        self.clients.clear()
        if self.http is not None:
            await self.http.close()


HARNESS = Path(__file__).resolve()


async def worker_main() -> None:
    """Serve JSON-line commands from stdin; one JSON reply line per command on stdout."""
    pool = ClientPool()
    loop = asyncio.get_running_loop()
    while True:
        line = await loop.run_in_executor(None, sys.stdin.readline)
        if not line:
            break
        command = json.loads(line)
        kind = command["cmd"]
        if kind == "connect":
            reply: dict[str, Any] = await pool.connect(
                command["url"], command["tokens"], command.get("concurrency", 50)
            )
        elif kind == "received":
            reply = {"received": pool.take_received(), "total": len(pool.clients)}
        elif kind == "close":
            await pool.close()
            reply = {"closed": True}
        else:
            reply = {"error": f"unknown command {kind!r}"}
        sys.stdout.write(json.dumps(reply) + "\n")
        sys.stdout.flush()
        if kind == "close":
            break


class Worker:
    """A `harness.py worker` subprocess holding Socket.IO clients."""

    def __init__(self, proc: asyncio.subprocess.Process) -> None:
        self.proc = proc

    @classmethod
    async def start(cls) -> Worker:
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            str(HARNESS),
            "worker",
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            limit=256 * 1024 * 1024,
        )
        return cls(proc)

    @property
    def pid(self) -> int:
        return self.proc.pid

    async def request(self, command: dict[str, Any]) -> dict[str, Any]:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write((json.dumps(command) + "\n").encode())
        await self.proc.stdin.drain()
        line = await self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"worker {self.pid} exited (rc {self.proc.returncode})")
        return dict(json.loads(line))

    async def connect(self, url: str, tokens: Sequence[str], concurrency: int = 50) -> dict:
        return await self.request(
            {"cmd": "connect", "url": url, "tokens": list(tokens), "concurrency": concurrency}
        )

    async def received(self) -> list[tuple[float, float]]:
        return [(s, r) for s, r in (await self.request({"cmd": "received"}))["received"]]

    async def close(self) -> None:
        if self.proc.returncode is None:
            try:
                await asyncio.wait_for(self.request({"cmd": "close"}), 60)
                await asyncio.wait_for(self.proc.wait(), 10)
            except (TimeoutError, RuntimeError, BrokenPipeError, ConnectionResetError):
                self.proc.kill()
                await self.proc.wait()


# ---------------------------------------------------------------- baseline echo server


def run_echo_server(port: int) -> None:
    """A bare aiohttp websocket echo endpoint at /ws: the floor for a loopback round trip."""
    from aiohttp import WSMsgType, web

    async def echo(request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse()
        await ws.prepare(request)
        async for msg in ws:
            if msg.type == WSMsgType.TEXT:
                await ws.send_str(msg.data)
        return ws

    async def health(_: web.Request) -> web.Response:
        return web.Response(text="ok")

    app = web.Application()
    app.router.add_get("/ws", echo)
    app.router.add_get("/health", health)
    web.run_app(app, host="127.0.0.1", port=port, print=None, access_log=None)


def start_echo_server(workdir: Path) -> Server:
    port = free_port()
    log = workdir / "echo.log"
    with log.open("wb") as handle:
        popen = subprocess.Popen(
            [sys.executable, str(HARNESS), "echo", "--port", str(port)],
            stdout=handle,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    server = Server("echo", port, popen, log)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(server.url + "/health", timeout=2):
                return server
        except OSError:
            time.sleep(0.1)
    server.stop()
    raise RuntimeError(f"echo server never started:\n{server.output()}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="benchmark helper processes")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("worker", help="hold Socket.IO clients, driven by JSON lines on stdin")
    echo = sub.add_parser("echo", help="plain aiohttp websocket echo server")
    echo.add_argument("--port", type=int, required=True)
    args = parser.parse_args(argv)
    if args.command == "worker":
        asyncio.run(worker_main())
    else:
        run_echo_server(args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
