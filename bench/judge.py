"""Judge benchmarks: sandbox overhead, end-to-end judging, throughput, C++ compile.

Run: .venv/bin/python bench/judge.py [--runs N]. Prints figures side by side (targets in
brackets); asserts nothing. Figures depend on what else the machine is doing, so the
load average is printed before and after.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import resource
import statistics
import time
from collections.abc import Awaitable, Callable

from judging.pipeline import Judge
from judging.request import JudgeRequest, TestCase
from judging.sandbox import Sandbox

PYTHON = "/usr/bin/python3"
TRIVIAL = [PYTHON, "-S", "-E", "-c", "pass"]
APLUSB = "a, b = map(int, input().split())\nprint(a + b)\n"
CPP_APLUSB = (
    "#include <iostream>\nint main(){long long a,b;std::cin>>a>>b;std::cout<<a+b<<'\\n';}\n"
)


def children_cpu_ms() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (usage.ru_utime + usage.ru_stime) * 1000


async def timed(n: int, action: Callable[[], Awaitable[object]]) -> tuple[list[float], float]:
    """Per-call wall times (ms) and CPU of child processes per call (ms)."""
    times = []
    cpu0 = children_cpu_ms()
    for _ in range(n):
        start = time.perf_counter()
        await action()
        times.append((time.perf_counter() - start) * 1000)
    return times, (children_cpu_ms() - cpu0) / n


async def bare(command: list[str], stdin: bytes = b"") -> bytes:
    proc = await asyncio.create_subprocess_exec(
        *command,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        env={"PATH": "/usr/bin:/bin"},
    )
    out, _ = await proc.communicate(stdin)
    return out


def line(label: str, value: str, target: str = "") -> None:
    print(f"  {label:<46} {value:>22}  {target}")


async def sandbox_overhead(sandbox: Sandbox, runs: int) -> None:
    print(f"\n1. Per-run overhead: `python3 -S -E -c pass`, {runs} runs one after another")
    for _ in range(5):  # warm caches
        await bare(TRIVIAL)
        await sandbox.run(TRIVIAL)
    bare_t, bare_cpu = await timed(runs, lambda: bare(TRIVIAL))
    cold_t, cold_cpu = await timed(runs, lambda: sandbox.run(TRIVIAL))
    warm_t, warm_cpu = await timed(runs, lambda: sandbox.run(TRIVIAL, warm=True))
    base = statistics.median(bare_t)
    for label, times in (("bare", bare_t), ("sandbox, cold", cold_t), ("sandbox, warm", warm_t)):
        stats = f"{statistics.median(times):.2f} / {statistics.mean(times):.2f}"
        line(f"{label}: median / mean ms", stats)
    cold = statistics.median(cold_t) - base
    warm = statistics.median(warm_t) - base
    line("overhead per run, cold (built on the spot) ms", f"{cold:.2f}")
    line("overhead per run, warm (pre-built) ms", f"{warm:.2f}", "[target < 5 ms]")
    line("CPU per run: bare / cold / warm ms", f"{bare_cpu:.1f} / {cold_cpu:.1f} / {warm_cpu:.1f}")

    print("\n   Python start-up flags inside the sandbox (median ms of 30)")
    for flags in ([], ["-S"], ["-S", "-E"], ["-I", "-S"], ["-I", "-S", "-X", "frozen_modules=on"]):
        command = [PYTHON, *flags, "-c", "pass"]
        times, _cpu = await timed(30, lambda command=command: sandbox.run(command, warm=True))
        line("python3 " + " ".join(flags or ["(no flags)"]), f"{statistics.median(times):.2f}")


async def end_to_end(judge: Judge) -> None:
    tests = [TestCase(str(i), f"{i} {i * 7}\n".encode(), f"{i * 8}\n".encode()) for i in range(20)]
    task = JudgeRequest("python", APLUSB, tests)
    await judge.judge(task)  # warm
    judged = []
    for _ in range(3):
        start = time.perf_counter()
        result = await judge.judge(task)
        judged.append(time.perf_counter() - start)
        assert result.verdict == "AC", result  # a broken bench is worse than none
    sequential = []
    for _ in range(3):
        start = time.perf_counter()
        for test in tests:
            await bare([PYTHON, "-S", "-E", "-c", APLUSB], test.input)
        sequential.append(time.perf_counter() - start)
    print("\n2. A 20-test Python submission, end to end vs the same 20 runs bare, sequential")
    line("judged (syntax check + 20 sandboxed runs) ms", f"{min(judged) * 1000:.1f}")
    line("20 bare runs one after another ms", f"{min(sequential) * 1000:.1f}")
    line("ratio judged / bare", f"{min(judged) / min(sequential):.2f}", "[target <= 0.8]")


async def throughput(judge: Judge, total: int) -> None:
    per = 50
    submissions = max(1, total // per)
    tests = [TestCase(str(i), b"", b"") for i in range(per)]
    task = JudgeRequest("python", "pass\n", tests)
    start = time.perf_counter()
    results = await asyncio.gather(*(judge.judge(task) for _ in range(submissions)))
    elapsed = time.perf_counter() - start
    runs = sum(len(r.tests) + 1 for r in results)  # +1: each syntax check is a run too
    print(f"\n3. Sustained throughput: {submissions} submissions x {per} trivial tests at once")
    line(f"sandboxed runs per second ({judge.concurrency} slots)", f"{runs / elapsed:.1f}",
         "[target >= 100/s]")  # fmt: skip
    sandbox = judge.sandbox
    slots = asyncio.Semaphore(judge.concurrency)

    async def one() -> None:
        async with slots:
            await sandbox.run(TRIVIAL, warm=True)

    start = time.perf_counter()
    await asyncio.gather(*(one() for _ in range(total)))
    line("raw Sandbox.run per second, same slots", f"{total / (time.perf_counter() - start):.1f}")


async def cpp(judge: Judge) -> None:
    tests = [TestCase(str(i), f"{i} {i}\n".encode(), f"{2 * i}\n".encode()) for i in range(20)]
    events: list[tuple[str, float]] = []
    start = time.perf_counter()

    async def record(event: object) -> None:
        events.append((getattr(event, "kind", "?"), time.perf_counter() - start))

    result = await judge.judge(JudgeRequest("cpp", CPP_APLUSB, tests), record)
    compiled_at = next(t for kind, t in events if kind == "compiled")
    finished_at = events[-1][1]
    test_ms = [t.time_ms for t in result.tests]
    print("\n4. C++ (g++ -O2, iostream): compile once, then 20 tests")
    line("compile step wall ms", f"{compiled_at * 1000:.0f}")
    line("20 tests wall ms after compile", f"{(finished_at - compiled_at) * 1000:.0f}")
    line("per-test CPU ms (median)", f"{statistics.median(test_ms):.1f}")
    line("verdict", str(result.verdict))


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=100, help="runs per overhead measurement")
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.2f}, cores: {os.cpu_count()}")
    async with Judge() as judge:
        sandbox = judge.sandbox
        print(f"memory cgroups: {'yes' if sandbox.cgroups else 'no (rlimits)'}")
        await sandbox_overhead(sandbox, args.runs)
        await end_to_end(judge)
        await throughput(judge, max(args.runs, 200))
        await cpp(judge)
    print(f"\nload average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    asyncio.run(main())
