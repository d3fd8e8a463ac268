"""Pair editing: update latency between editors, server CPU per update, document load times.

Prints figures; asserts nothing.

1. Typing: N editors (pycrdt clients over python-socketio, tests/rooms_live/pair_peers.py)
   share one pair room, each typing 10 keystrokes/s at a random place in one Y.Text.
   Latency = a keystroke's arrival at another editor minus the moment it was typed
   (matched by the Yjs (client id, clock) the update ends at). Server CPU per update =
   the `codearena serve` process's user+system time (/proc) over the typing stretch,
   divided by the keystrokes it applied.
2. History: a room with 10,000 single-keystroke updates stored; time to load it into a
   document (DocumentStore.load) and to get the first `doc:sync` answer from a fresh
   server, before and after compaction; and the time to replay it for playback.

    .venv/bin/python bench/pair.py [--quick] [--editors 2 5 10] [--seconds 10]
"""

from __future__ import annotations

import argparse
import asyncio
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import aiohttp
from pycrdt import Doc, Text

from bench.machine import MachineLoad, raise_nofile_limit
from bench.seeding import seed_accounts, seed_problem
from bench.servers import scratch_dir, sqlite_url, start_server
from bench.stats import Summary, table
from tests.rooms_live.pair_peers import PyPeer

RATE = 10.0  # keystrokes per second per editor


def state_vector(encoded: bytes) -> dict[int, int]:
    """Decode a Yjs state vector: count, then (client id, clock) pairs."""
    values, pos = [], 0
    while pos < len(encoded):
        value = shift = 0
        while True:
            byte = encoded[pos]
            pos += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if byte < 0x80:
                break
        values.append(value)
    count, pairs = values[0], values[1:]
    return {pairs[2 * i]: pairs[2 * i + 1] for i in range(count)}


async def create_room(url: str, token: str, editors: int, slug: str, kind: str = "pair") -> str:
    async with aiohttp.ClientSession() as http:
        resp = await http.post(
            url + "/api/rooms",
            json={"kind": kind, "problems": [slug], "max_participants": max(2, editors)},
            headers={"Authorization": f"Bearer {token}"},
        )
        body = await resp.json()
        if resp.status != 201:
            raise RuntimeError(f"room creation failed: {body}")
        return str(body["room"]["id"])


async def typing(server, accounts, slug: str, editors: int, seconds: float) -> list:
    rid = await create_room(server.url, accounts[0].token, editors, slug)
    peers = [await PyPeer.connect(server.url, a.token, rid) for a in accounts[:editors]]
    for peer in peers:
        await peer.sync()
    typed: dict[tuple[int, int], float] = {}  # (client id, end clock) -> when typed
    latencies: list[float] = []

    def receiver(peer: PyPeer):
        seen = state_vector(peer.doc.get_state())

        def on_remote(_data: bytes) -> None:
            # Each keystroke advances its author's clock by one: every clock this update
            # brought in is one keystroke arriving (called right after the apply).
            now = time.perf_counter()
            for client, clock in state_vector(peer.doc.get_state()).items():
                if client == peer.doc.client_id:
                    continue  # our own keystrokes
                for tick in range(seen.get(client, 0) + 1, clock + 1):
                    if (client, tick) in typed:
                        latencies.append((now - typed[(client, tick)]) * 1000)
                seen[client] = clock

        return on_remote

    for peer in peers:
        peer.on_remote_update = receiver(peer)

    async def type_for(peer: PyPeer) -> int:
        rng = random.Random(peer.doc.client_id)
        await asyncio.sleep(rng.random() / RATE)
        count, start = 0, time.perf_counter()
        while (elapsed := time.perf_counter() - start) < seconds:
            text = peer.text()
            peer.insert(rng.randint(0, len(text)), rng.choice("abcdefghij (){}:=\n"))
            client = peer.doc.client_id
            typed[(client, state_vector(peer.doc.get_state()).get(client, 0))] = time.perf_counter()
            count += 1
            await asyncio.sleep(max(0.0, count / RATE - elapsed))
        return count

    idle_start, idle_cpu = time.perf_counter(), server.cpu_seconds()
    await asyncio.sleep(3)  # the server's own timers cost something when nobody types
    idle = (server.cpu_seconds() - idle_cpu) / (time.perf_counter() - idle_start)
    load = MachineLoad()
    cpu_before, wall = server.cpu_seconds(), time.perf_counter()
    bench_cpu = time.process_time()
    counts = await asyncio.gather(*(type_for(p) for p in peers))
    for peer in peers:
        await peer.drain()
    await asyncio.sleep(0.5)  # the last relays
    wall = time.perf_counter() - wall
    cpu = server.cpu_seconds() - cpu_before - idle * wall  # what the typing added
    bench_cpu = time.process_time() - bench_cpu
    texts = {str(p.text()) for p in peers}
    for peer in peers:
        await peer.close()
    updates = sum(counts)
    lat = Summary.of(latencies)
    expected = updates * (editors - 1)
    print(
        f"  {editors} editors: {updates} keystrokes, {len(latencies)}/{expected} deliveries "
        f"matched, converged={len(texts) == 1}; bench process CPU {bench_cpu / wall:.0%} of "
        f"a core; server idle {100 * idle:.1f}% (subtracted); {load.describe()}",
        flush=True,
    )
    return [
        editors,
        updates,
        round(updates / wall, 1),
        lat.p50,
        lat.p99,
        cpu * 1e6 / max(1, updates),
        cpu * 1e6 / max(1, updates * editors),
        100 * cpu / wall,
    ]  # CPU per message: per update received plus each relay of it sent


async def seed_history(url: str, room_id: str, edits: int, author: int) -> None:
    """Store `edits` single-keystroke updates, as a long session would leave them."""
    from datetime import UTC, datetime

    from storage.database import Database
    from storage.repositories import documents as doc_repo

    doc, updates = Doc(), []
    doc.observe(lambda e: updates.append(e.update))
    text = doc.get("python", type=Text)
    rng = random.Random(7)
    for _ in range(edits):
        if len(text) > 20 and rng.random() < 0.15:
            del text[rng.randrange(len(text))]
        else:
            text.insert(rng.randint(0, len(text)), rng.choice("abcdefghij (){}:=\n"))
    db = Database(url)
    try:
        now = datetime.now(UTC)
        for start in range(0, edits, 2000):
            async with db.session() as session:
                rows = [(u, author, now) for u in updates[start : start + 2000]]
                await doc_repo.append(session, room_id, rows)
    finally:
        await db.close()


async def first_sync_ms(url: str, token: str, room_id: str) -> tuple[float, str]:
    peer = await PyPeer.connect(url, token, room_id)
    start = time.perf_counter()
    await peer.sync()
    elapsed = (time.perf_counter() - start) * 1000
    text = str(peer.text())
    await peer.close()
    return elapsed, text


async def history(workdir: Path, url: str, accounts, slug: str, edits: int) -> list:
    from rooms.doc_history import timeline
    from rooms.document_store import DocumentStore
    from rooms.documents import SharedDocument
    from storage.database import Database

    rows = []
    for kind in ("pair", "interview"):
        server = start_server(f"web-history-{kind}", workdir, url)
        try:
            rid = await create_room(server.url, accounts[0].token, 2, slug, kind)
        finally:
            server.stop()
        await seed_history(url, rid, edits, accounts[0].id)
        db = Database(url)
        store = DocumentStore(db)
        try:
            await store.load(SharedDocument(rid, ("python",)))  # warm-up: imports, connection
            for phase in ("before", "after"):
                stored = await store.history(rid)
                started = time.perf_counter()
                _, frames = timeline(stored, ("python",), 0, 1000)
                replay_ms = (time.perf_counter() - started) * 1000
                doc = SharedDocument(rid, ("python",), keep_history=kind == "interview")
                started = time.perf_counter()
                await store.load(doc)
                load_ms = (time.perf_counter() - started) * 1000
                server = start_server(f"web-{kind}-{phase}", workdir, url)
                try:
                    sync_ms, text = await first_sync_ms(server.url, accounts[0].token, rid)
                finally:
                    server.stop()  # it compacted what it loaded (>= compact_every updates)
                assert text == doc.text("python")
                rows.append(
                    [
                        kind,
                        f"{phase} compaction",
                        len(stored),
                        load_ms,
                        sync_ms,
                        frames,
                        replay_ms,
                        len(text),
                    ]
                )
        finally:
            await db.close()
    return rows


async def run(editor_counts: list[int], seconds: float, edits: int) -> None:
    raise_nofile_limit()
    with scratch_dir("bench-pair-") as workdir:
        url = sqlite_url(workdir)
        slug = await seed_problem(url)
        accounts = await seed_accounts(url, max(editor_counts))
        server = start_server("web", workdir, url)
        try:
            print(f"Typing: {RATE:.0f} keystrokes/s per editor for {seconds:.0f} s", flush=True)
            rows = [await typing(server, accounts, slug, n, seconds) for n in editor_counts]
        finally:
            server.stop()
        print()
        print(
            table(
                [
                    "editors",
                    "keystrokes",
                    "updates/s",
                    "latency p50 ms",
                    "latency p99 ms",
                    "server CPU µs/update",
                    "server CPU µs/message",
                    "server CPU %",
                ],
                rows,
            )
        )
        print(f"\nHistory of {edits:,} single-keystroke updates (SQLite):", flush=True)
        rows = await history(workdir, url, accounts, slug, edits)
        print()
        print(
            table(
                [
                    "room",
                    "history",
                    "stored rows",
                    "load ms (in process)",
                    "first doc:sync ms (fresh server)",
                    "playback frames",
                    "replay ms (first 1000 frames)",
                    "text chars",
                ],
                rows,
            )
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="2 and 5 editors, 4 s, 2,000 edits")
    parser.add_argument("--editors", type=int, nargs="+", default=[2, 5, 10])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--edits", type=int, default=10_000)
    args = parser.parse_args()
    if args.quick:
        args.editors, args.seconds, args.edits = [2, 5], 4.0, 2000
    asyncio.run(run(args.editors, args.seconds, args.edits))


if __name__ == "__main__":
    main()
