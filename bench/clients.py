"""Socket.IO clients for benchmarks, many per process: a pool driven over stdin, and its handle.

`python bench/harness.py worker` runs `worker_main` in a subprocess so that the
sampling client's process stays quiet and no process holds more than a few
thousand clients; `Worker` is the parent's handle on it.
"""

from __future__ import annotations

import asyncio
import json
import math
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import socketio

from bench.servers import HARNESS


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
