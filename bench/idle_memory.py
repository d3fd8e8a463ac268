"""Idle memory per browser-like Socket.IO connection, with permessage-deflate off and on.

    .venv/bin/python bench/idle_memory.py [--clients 2000] [--cycles 3]

Starts `codearena serve` twice (CODEARENA_SOCKET_COMPRESSION=false, then true), opens
`--clients` websockets that offer permessage-deflate as browsers do, connects the
Socket.IO namespace on each, sends one event each (so each compressor has been used),
holds them idle, then closes them all; `--cycles` times. Prints the server's RSS before,
with the clients connected and after they left, and the cost per connection.
Prints figures only; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import aiohttp

from bench.machine import raise_nofile_limit, rss_mb
from bench.seeding import seed_accounts
from bench.servers import scratch_dir, sqlite_url, start_server
from bench.stats import table


async def open_client(
    http: aiohttp.ClientSession, url: str, token: str, stop: asyncio.Event
) -> tuple[aiohttp.ClientWebSocketResponse, asyncio.Task[None]]:
    ws_url = url.replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket"
    ws = await http.ws_connect(ws_url, compress=15)  # what browsers offer
    if not (await ws.receive_str()).startswith("0"):
        raise RuntimeError("no Engine.IO open packet")
    await ws.send_str("40" + json.dumps({"token": token}))
    if not (await ws.receive_str()).startswith("40"):
        raise RuntimeError("namespace connect refused")
    await ws.send_str('421["system:ping",1]')
    await ws.receive_str()

    async def answer_pings() -> None:
        while not stop.is_set():
            msg = await ws.receive()
            if msg.type != aiohttp.WSMsgType.TEXT:
                return
            if msg.data == "2":
                await ws.send_str("3")

    return ws, asyncio.create_task(answer_pings())


async def one_cycle(url: str, token: str, clients: int, pid: int) -> tuple[float, float, int]:
    """RSS (MB) with `clients` connected and after they all left, and the negotiated compress."""
    stop = asyncio.Event()
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as http:
        opened: list[tuple[aiohttp.ClientWebSocketResponse, asyncio.Task[None]]] = []
        for start in range(0, clients, 100):
            batch = range(start, min(clients, start + 100))
            opened += await asyncio.gather(*(open_client(http, url, token, stop) for _ in batch))
        await asyncio.sleep(2)
        held = rss_mb(pid)
        negotiated = opened[0][0].compress
        stop.set()
        for ws, task in opened:
            await ws.close()
            task.cancel()
        await asyncio.gather(*(task for _, task in opened), return_exceptions=True)
    await asyncio.sleep(3)
    return held, rss_mb(pid), negotiated


async def measure(
    compress: bool, clients: int, cycles: int, workdir: Path, env: dict[str, str]
) -> list[list[object]]:
    url_db = sqlite_url(workdir)
    token = (await seed_accounts(url_db, 1))[0].token
    server = start_server(
        "compress" if compress else "plain",
        workdir,
        url_db,
        extra_env={
            "CODEARENA_SOCKET_COMPRESSION": "true" if compress else "false",
            "CODEARENA_SOCKET_EVENT_BURST": "1000",
            **env,
        },
    )
    rows: list[list[object]] = []
    try:
        base = rss_mb(server.pid)
        for cycle in range(1, cycles + 1):
            held, left, negotiated = await one_cycle(server.url, token, clients, server.pid)
            rows.append(
                [
                    "on" if negotiated else "off",
                    cycle,
                    clients,
                    f"{base:.0f}",
                    f"{held:.0f}",
                    f"{left:.0f}",
                    f"{(held - base) * 1024 / clients:.1f}" if cycle == 1 else "",
                ]
            )
    finally:
        server.stop()
    return rows


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=2000)
    parser.add_argument("--cycles", type=int, default=3)
    parser.add_argument("--only", choices=("off", "on"), help="one mode only")
    parser.add_argument(
        "--env",
        action="append",
        default=[],
        help="KEY=VALUE for the server, e.g. "
        "MALLOC_ARENA_MAX=2 (tells allocator fragmentation from a leak)",
    )
    args = parser.parse_args()
    env = dict(item.split("=", 1) for item in args.env)
    raise_nofile_limit()
    rows: list[list[object]] = []
    modes = {"off": (False,), "on": (True,), None: (False, True)}[args.only]
    for compress in modes:
        with scratch_dir("idle-memory") as workdir:
            rows += await measure(compress, args.clients, args.cycles, workdir, env)
    extra = f" (server env {' '.join(args.env)})" if args.env else ""
    print(f"\n## Idle Socket.IO connections, {args.clients} browser-like clients{extra}\n")
    print(
        table(
            [
                "deflate",
                "cycle",
                "clients",
                "RSS before MB",
                "held MB",
                "after MB",
                "KB/conn (1st)",
            ],
            rows,
        )
    )


if __name__ == "__main__":
    asyncio.run(main())
