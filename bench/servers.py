"""The processes a benchmark runs: `codearena serve` on a loopback port, and a bare echo server.

`python bench/harness.py echo` runs the echo server (the floor for a loopback
round trip) in its own process.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from aiohttp import WSMsgType, web

from bench.machine import cpu_seconds, rss_mb

REPO = Path(__file__).resolve().parent.parent
CODEARENA = REPO / ".venv" / "bin" / "codearena"
HARNESS = Path(__file__).resolve().parent / "harness.py"  # the helper processes' entry point
SECRET = "bench-secret-" + "k" * 48


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


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
    settings = {
        "DATABASE_URL": database_url,
        "CODEARENA_SECRET": SECRET,
        "CODEARENA_ENV": "development",
        "CODEARENA_LOAD_BANK": "false",
        "CODEARENA_LOG_LEVEL": "WARNING",
        "CODEARENA_ACCESS_TOKEN_MINUTES": "120",
        "CODEARENA_AI_PROVIDER": "offline",
        **({"REDIS_URL": redis_url} if redis_url else {}),
    }
    env = clean_env(**(settings | (extra_env or {})))  # extra_env may override a default
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


def run_echo_server(port: int) -> None:
    """A bare aiohttp websocket echo endpoint at /ws: the floor for a loopback round trip."""

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
