"""A calm client's `system:ping` while another client floods the server with events.

    .venv/bin/python bench/flood.py [--samples N] [--seconds S]

One `codearena serve` (SQLite, in-process manager) with the per-connection event budget as
shipped, and a second one with the budget out of the way (rate and burst 10^9), so the
budget's effect is measured against its absence in the same run. For each: the calm
client's round trip (25 pings a second, a busy person's pace, inside the budget) with nobody
else busy (the baseline), then during a flood from a
separate process that writes `system:ping` frames over a raw websocket as fast as the
socket takes them without waiting for answers, and connects again whenever it is
disconnected (a determined flooder). Prints figures only; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import aiohttp
import socketio

from bench.clients import connect_client
from bench.machine import MachineLoad, load_average
from bench.seeding import seed_accounts
from bench.servers import scratch_dir, sqlite_url, start_server
from bench.sockets import socketio_pings
from bench.stats import Summary, table

BATCH = 64  # frames written before yielding to the reader
CALM_GAP = 0.04  # seconds between the calm client's pings: 25 a second, inside the budget


async def calm_pings(client: socketio.AsyncClient, count: int) -> list[float]:
    """`count` pings at a person's pace (one per CALM_GAP); ms per round trip."""
    samples: list[float] = []
    for _ in range(count):
        samples += await socketio_pings(client, 1)
        await asyncio.sleep(CALM_GAP)
    return samples


async def flood(url: str, token: str, seconds: float) -> dict[str, int]:
    """Write ping frames as fast as the socket takes them, reconnecting when dropped."""
    ws_url = url.replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket"
    counts = {"connects": 0, "sent": 0, "answered": 0, "refused": 0, "dropped": 0}
    deadline = time.monotonic() + seconds
    async with aiohttp.ClientSession() as http:
        while time.monotonic() < deadline:
            try:
                async with http.ws_connect(ws_url) as ws:
                    await ws.receive_str()  # Engine.IO open
                    await ws.send_str("40" + json.dumps({"token": token}))
                    if not (await ws.receive_str()).startswith("40"):
                        raise RuntimeError("namespace connect refused")
                    counts["connects"] += 1
                    await _flood_one(ws, counts, deadline)
            except (aiohttp.ClientError, RuntimeError, ConnectionError):
                counts["dropped"] += 1
                await asyncio.sleep(0.05)
    return counts


async def _flood_one(
    ws: aiohttp.ClientWebSocketResponse, counts: dict[str, int], deadline: float
) -> None:
    async def read() -> None:
        async for msg in ws:
            if msg.type is not aiohttp.WSMsgType.TEXT:
                break
            text = msg.data
            if text == "2":
                await ws.send_str("3")
            elif text.startswith("43"):
                counts["refused" if '"rate_limited"' in text else "answered"] += 1
        counts["dropped"] += 1

    reader = asyncio.create_task(read())
    try:
        i = 0
        while time.monotonic() < deadline and not ws.closed and not reader.done():
            for _ in range(BATCH):
                await ws.send_str(f'42{i}["system:ping",{i}]')
                i += 1
            counts["sent"] += BATCH
            await asyncio.sleep(0)
    finally:
        reader.cancel()


async def flood_process(url: str, token: str, seconds: float) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable,
        __file__,
        "--flooder",
        url,
        token,
        str(seconds),
        stdout=asyncio.subprocess.PIPE,
    )


async def measure(name: str, workdir: Path, env: dict[str, str], samples: int, seconds: float):
    db = sqlite_url(workdir)
    calm_account, flooder_account = await seed_accounts(db, 2)
    server = start_server("flood", workdir, db, extra_env=env)
    rows = []
    try:
        calm = await connect_client(server.url, calm_account.token)
        try:
            await calm_pings(calm, 20)  # warm up
            quiet = Summary.of(await calm_pings(calm, samples))
            proc = await flood_process(server.url, flooder_account.token, seconds)
            await asyncio.sleep(1.0)  # the flood is under way
            stop = time.monotonic() + seconds - 1.5  # sample only while it lasts
            under: list[float] = []
            while time.monotonic() < stop:
                under += await calm_pings(calm, 10)
            out, _ = await proc.communicate()
            counts = json.loads(out.decode().strip().splitlines()[-1])
        finally:
            await calm.disconnect()
    finally:
        server.stop()
    flooded = Summary.of(under)
    rows.append(
        [name, "nobody else busy", quiet.n, quiet.p50, quiet.p99, 1.0, "-", "-", "-", "-", "-"]
    )
    rows.append(
        [name, "one client flooding", flooded.n, flooded.p50, flooded.p99,
         flooded.p50 / quiet.p50, counts["connects"], counts["dropped"], counts["sent"],
         counts["answered"], counts["refused"]]
    )  # fmt: skip
    return rows


async def run(samples: int, seconds: float) -> None:
    load = MachineLoad()
    rows = []
    with scratch_dir("codearena-bench-flood-") as workdir:
        for name, env in (
            ("budget as shipped (30/s, burst 120)", {}),
            (
                "no budget (10^9)",
                {
                    "CODEARENA_SOCKET_EVENT_RATE": "1000000000",
                    "CODEARENA_SOCKET_EVENT_BURST": "1000000000",
                },
            ),
        ):
            sub = workdir / str(len(rows))
            sub.mkdir()
            print(f"  {name} ...", flush=True)
            rows += await measure(name, sub, env, samples, seconds)
    print()
    print(
        table(
            ["server", "case", "calm pings", "p50 ms", "p99 ms", "p50 / quiet p50",
             "flooder connects", "refused or dropped", "flood frames sent", "answered",
             "refused"],
            rows,
        )
    )  # fmt: skip
    print(f"\n({load.describe()})")


def main() -> int:
    if len(sys.argv) == 5 and sys.argv[1] == "--flooder":
        url, token, seconds = sys.argv[2], sys.argv[3], float(sys.argv[4])
        print(json.dumps(asyncio.run(flood(url, token, seconds))), flush=True)
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--samples", type=int, default=250, help="quiet calm pings per server")
    parser.add_argument("--seconds", type=float, default=10.0, help="length of each flood")
    args = parser.parse_args()
    print(f"# calm client under a flood; {time.strftime('%Y-%m-%d %H:%M')}; load {load_average()}")
    asyncio.run(run(args.samples, args.seconds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
