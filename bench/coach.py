"""Coach benchmarks: streaming through the real OpenAI SDK to Socket.IO clients, and offline
problem generation validated in the judge.

    .venv/bin/python bench/coach.py [--quick] [--only stream|concurrent|generate]

1. One stream: a loopback OpenAI-compatible server (its own process) streams 500 tokens
   as fast as it can; `codearena serve` (CODEARENA_AI_PROVIDER=openai, OPENAI_BASE_URL at
   the loopback) relays them as `ai:token` to one Socket.IO client. Time to first token
   (question sent -> first delta received) and tokens/s delivered.
2. 50 concurrent streams, one per user, each 200 tokens paced at 50 tokens/s (a typical
   model speed): delivery latency per delta, loopback model send -> client receive (both
   stamp `time.time()` on one machine), p50/p99.
3. Offline generation: every template generated, trimmed and validated through the
   sandboxed judge (reference on every test, brute force on the small ones): time per
   problem.

Prints figures only; asserts nothing.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aiohttp import web

from bench.clients import connect_client
from bench.machine import cpu_seconds, load_average
from bench.seeding import Account, seed_accounts, seed_problem
from bench.servers import (
    Server,
    free_port,
    scratch_dir,
    sqlite_url,
    start_server,
)
from bench.stats import Summary, table

REPO = Path(__file__).resolve().parent.parent


# ---------------------------------------------------------------- loopback model (subprocess)


def _instructions(body: dict[str, Any]) -> tuple[int, float]:
    """`burst N` or `paced N RATE` from the last user message (the bench's question)."""
    last = next(m["content"] for m in reversed(body["messages"]) if m["role"] == "user")
    words = last.split()
    if words and words[0] == "paced":
        return int(words[1]), float(words[2])
    if words and words[0] == "burst":
        return int(words[1]), 0.0
    return 20, 0.0


async def _chat(request: web.Request) -> web.StreamResponse:
    count, rate = _instructions(await request.json())
    response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
    await response.prepare(request)
    start = time.monotonic()
    for i in range(count):
        if rate:
            await asyncio.sleep(max(0.0, start + i / rate - time.monotonic()))
        # each token carries its send time, so the client can measure delivery latency
        delta = f"t{i}@{time.time():.6f} "
        chunk = {"choices": [{"index": 0, "delta": {"content": delta}, "finish_reason": None}]}
        await response.write(f"data: {json.dumps(chunk)}\n\n".encode())
    await response.write(b"data: [DONE]\n\n")
    await response.write_eof()
    return response


def run_model_server(port: int) -> None:
    app = web.Application()
    app.router.add_post("/v1/chat/completions", _chat)
    web.run_app(app, host="127.0.0.1", port=port, print=None, access_log=None)


def start_model_server(workdir: Path) -> Server:
    port = free_port()
    log = workdir / "model.log"
    with log.open("wb") as handle:
        popen = subprocess.Popen(
            [sys.executable, __file__, "model", "--port", str(port)],
            stdout=handle,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    time.sleep(1.0)
    return Server("model", port, popen, log)


def start_coach_server(workdir: Path, database_url: str, model_url: str) -> Server:
    """`codearena serve` on the OpenAI provider, pointed at the loopback model server."""
    server = start_server(
        "web",
        workdir,
        database_url,
        extra_env={
            "CODEARENA_AI_PROVIDER": "openai",
            "CODEARENA_AI_DAILY_TOKENS": "0",
            "OPENAI_API_KEY": "sk-bench",
            "OPENAI_BASE_URL": f"{model_url}/v1",
        },
    )
    with urllib.request.urlopen(server.url + "/api/health", timeout=5) as resp:
        coach = json.loads(resp.read())["components"].get("coach")
    if coach != "openai":
        server.stop()
        raise RuntimeError(f"the coach is {coach!r}, not the OpenAI provider")
    return server


# ---------------------------------------------------------------- clients


@dataclass
class Received:
    asked_at: float = 0.0
    first_at: float = 0.0
    last_at: float = 0.0
    deltas: int = 0
    latencies_ms: list[float] | None = None
    done: asyncio.Event | None = None


async def coach_client(url: str, token: str) -> tuple[Any, int, Received]:
    """A connected client with a review session open; returns (client, session id, record)."""
    record = Received(latencies_ms=[], done=asyncio.Event())

    def on_token(event: dict[str, Any]) -> None:
        now = time.time()
        if event["done"]:
            record.done.set()  # type: ignore[union-attr]
            return
        record.deltas += 1
        record.first_at = record.first_at or now
        record.last_at = now
        for word in event["delta"].split():
            if "@" in word:
                record.latencies_ms.append((now - float(word.split("@")[1])) * 1000)  # type: ignore[union-attr]

    def on_error(event: dict[str, Any]) -> None:
        print(f"  ! ai:error {event.get('code')}: {event.get('message')}")
        record.done.set()  # type: ignore[union-attr]

    client = await connect_client(url, token, handlers={"ai:token": on_token, "ai:error": on_error})
    ack = await client.call(
        "ai:session:start", {"mode": "review", "problem": "bench-sum"}, timeout=30
    )
    if not ack.get("ok"):
        raise RuntimeError(f"ai:session:start failed: {ack}")
    return client, ack["session_id"], record


async def ask(client: Any, session_id: int, record: Received, question: str) -> None:
    record.done = asyncio.Event()
    record.first_at = record.last_at = 0.0
    record.deltas = 0
    record.asked_at = time.time()
    ack = await client.call(
        "ai:question", {"session_id": session_id, "content": question}, timeout=30
    )
    if not ack.get("ok"):
        raise RuntimeError(f"ai:question failed: {ack}")
    await asyncio.wait_for(record.done.wait(), 120)


async def bench_single(url: str, accounts: list[Account], runs: int) -> None:
    client, session_id, record = await coach_client(url, accounts[0].token)
    ttft, rates = [], []
    try:
        for _ in range(runs):
            await ask(client, session_id, record, "burst 500")
            ttft.append((record.first_at - record.asked_at) * 1000)
            span = record.last_at - record.first_at
            rates.append(500 / span if span > 0 else float("nan"))
    finally:
        await client.disconnect()
    t, r = Summary.of(ttft), Summary.of(rates)
    print("\n1. One stream, 500 tokens as fast as the loopback model sends them (OpenAI SDK)")
    print(
        table(
            ["runs", "TTFT p50 ms", "TTFT p99 ms", "tokens/s p50", "tokens/s min"],
            [[runs, f"{t.p50:.1f}", f"{t.p99:.1f}", f"{r.p50:.0f}", f"{min(rates):.0f}"]],
        )
    )


async def bench_concurrent(
    url: str, accounts: list[Account], streams: int, pids: dict[str, int]
) -> None:
    clients = [await coach_client(url, a.token) for a in accounts[:streams]]
    cpu_before = {name: cpu_seconds(pid) for name, pid in pids.items()}
    own_before = time.process_time()
    started = time.monotonic()
    try:
        await asyncio.gather(*(ask(c, sid, rec, "paced 200 50") for c, sid, rec in clients))
    finally:
        elapsed = time.monotonic() - started
        for client, _, _ in clients:
            await client.disconnect()
    cpu = {name: cpu_seconds(pid) - cpu_before[name] for name, pid in pids.items()}
    cpu["clients"] = time.process_time() - own_before
    latencies = [ms for _, _, rec in clients for ms in rec.latencies_ms or []]
    ttft = [(rec.first_at - rec.asked_at) * 1000 for _, _, rec in clients]
    s, f = Summary.of(latencies), Summary.of(ttft)
    delivered = sum(rec.deltas for _, _, rec in clients)
    print(f"\n2. {streams} concurrent streams, 200 tokens each at 50 tokens/s")
    print(
        table(
            [
                "deltas",
                "delivery p50 ms",
                "delivery p99 ms",
                "TTFT p50 ms",
                "TTFT p99 ms",
                "wall s",
            ],
            [
                [
                    delivered,
                    f"{s.p50:.2f}",
                    f"{s.p99:.2f}",
                    f"{f.p50:.0f}",
                    f"{f.p99:.0f}",
                    f"{elapsed:.1f}",
                ]
            ],
        )
    )
    busy = ", ".join(f"{name} {100 * secs / elapsed:.0f}%" for name, secs in cpu.items())
    print(f"   CPU during the run (of one core): {busy}")


async def bench_generation(per_template: int) -> None:
    from coach.generation.request import Limits
    from coach.generation.trim import trim
    from coach.generation.validate import validate
    from coach.offline.templates import DIFFICULTIES, TEMPLATES, generate_from
    from judging.pipeline import Judge

    async def quiet(stage: str, **details: Any) -> None:
        return None

    limits = Limits()
    times: list[float] = []
    slowest: list[tuple[float, str]] = []
    async with Judge() as judge:
        for round_ in range(per_template):
            for index, template in enumerate(TEMPLATES):
                difficulty = DIFFICULTIES[(index + round_) % 3]
                began = time.monotonic()
                problem = trim(
                    generate_from(template, difficulty, seed=round_ * 100 + index), limits
                )
                await validate(problem, judge, limits, quiet)
                took = (time.monotonic() - began) * 1000
                times.append(took)
                slowest.append((took, f"{template.id}/{difficulty}"))
    s = Summary.of(times)
    worst = ", ".join(f"{name} {ms:.0f} ms" for ms, name in sorted(slowest, reverse=True)[:3])
    print(f"\n3. Offline generation + judge validation ({len(times)} problems)")
    print(
        table(
            ["problems", "p50 ms", "p99 ms", "mean ms"],
            [[s.n, f"{s.p50:.0f}", f"{s.p99:.0f}", f"{s.mean:.0f}"]],
        )
    )
    print(f"   slowest: {worst}")


async def main(quick: bool, only: str | None) -> None:
    print(f"machine: {os.cpu_count()} cores, load {load_average()}")
    if only in (None, "stream", "concurrent"):
        with scratch_dir("coach-bench-") as workdir:
            db = sqlite_url(workdir)
            accounts = await seed_accounts(db, 51)  # the "ai" rate limit is per user
            await seed_problem(db)
            model = start_model_server(workdir)
            server = start_coach_server(workdir, db, model.url)
            try:
                if only in (None, "stream"):
                    await bench_single(server.url, accounts[:1], 5 if quick else 10)
                if only in (None, "concurrent"):
                    pids = {"web": server.pid, "model": model.pid}
                    await bench_concurrent(server.url, accounts[1:], 10 if quick else 50, pids)
            finally:
                server.stop()
                model.stop()
    if only in (None, "generate"):
        await bench_generation(1)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "model":
        parser = argparse.ArgumentParser()
        parser.add_argument("mode")
        parser.add_argument("--port", type=int, required=True)
        run_model_server(parser.parse_args().port)
        sys.exit(0)
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", choices=("stream", "concurrent", "generate"))
    args = parser.parse_args()
    asyncio.run(main(args.quick, args.only))
