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
import subprocess
import time
from collections.abc import Awaitable, Callable

from judging.cgroups import CgroupPool
from judging.pipeline import Judge
from judging.request import JudgeRequest, TestCase
from judging.sandbox import Sandbox
from judging.sandbox_policy import MIB

PYTHON = "/usr/bin/python3"
IDLE_S = 0.030  # the idle-gap case: sporadic submissions rather than a busy queue
TRIVIAL = [PYTHON, "-S", "-E", "-c", "pass"]
APLUSB = "a, b = map(int, input().split())\nprint(a + b)\n"
CPP_APLUSB = (
    "#include <iostream>\nint main(){long long a,b;std::cin>>a>>b;std::cout<<a+b<<'\\n';}\n"
)


def children_cpu_ms() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (usage.ru_utime + usage.ru_stime) * 1000


async def timed(
    n: int, action: Callable[[], Awaitable[object]], idle_s: float = 0.0
) -> tuple[list[float], float]:
    """Per-call wall times (ms) and CPU of child processes per call (ms).

    idle_s: sleep before each call (not timed), as between sporadic submissions: caches
    and the kernel's RCU state go cold, which back-to-back loops never show.
    """
    times = []
    cpu0 = children_cpu_ms()
    for _ in range(n):
        if idle_s:
            await asyncio.sleep(idle_s)
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
    print(f"\n1. Per-run overhead: `python3 -S -E -c pass`, {runs} runs per case")
    for _ in range(5):  # warm caches
        await bare(TRIVIAL)
        await sandbox.run(TRIVIAL)
    for idle_s, title in (
        (0.0, "back to back"),
        (IDLE_S, f"{IDLE_S * 1000:.0f} ms idle before each"),
    ):
        print(f"   {title}")
        bare_t, bare_cpu = await timed(runs, lambda: bare(TRIVIAL), idle_s)
        with LoopLag() as lag:
            cold_t, cold_cpu = await timed(runs, lambda: sandbox.run(TRIVIAL), idle_s)
            warm_t, warm_cpu = await timed(runs, lambda: sandbox.run(TRIVIAL, warm=True), idle_s)
        base = statistics.median(bare_t)
        cases = (("bare", bare_t), ("sandbox, cold", cold_t), ("sandbox, warm", warm_t))
        for label, times in cases:
            stats = f"{statistics.median(times):.2f} / {statistics.mean(times):.2f}"
            line(f"{label}: median / mean ms", stats)
        cold = statistics.median(cold_t) - base
        warm = statistics.median(warm_t) - base
        line("overhead per run, cold (built on the spot) ms", f"{cold:.2f}")
        line(
            "overhead per run, warm (pre-built) ms",
            f"{warm:.2f}",
            "[target <= isolate's; #12 measured +2.3 ms]",
        )
        cpu = f"{bare_cpu:.1f} / {cold_cpu:.1f} / {warm_cpu:.1f}"
        line("CPU per run: bare / cold / warm ms", cpu)
        line("event loop late, p99 / max ms (sandbox runs)", lag.summary())


class LoopLag:
    """How late a 1 ms ticker wakes up: time the event loop spent blocked (e.g. on cgroup
    files), which delays every other run and socket the server handles."""

    def __init__(self) -> None:
        self.lags: list[float] = []
        self._task: asyncio.Task[None] | None = None

    async def _tick(self) -> None:
        while True:
            start = time.perf_counter()
            await asyncio.sleep(0.001)
            self.lags.append((time.perf_counter() - start - 0.001) * 1000)

    def __enter__(self) -> LoopLag:
        self._task = asyncio.ensure_future(self._tick())
        return self

    def __exit__(self, *exc: object) -> None:
        assert self._task is not None
        self._task.cancel()

    def summary(self) -> str:
        lags = sorted(self.lags) or [0.0]
        return f"{lags[len(lags) * 99 // 100]:.1f} / {lags[-1]:.1f}"


def cgroup_step(pool: CgroupPool, runs: int, idle_s: float, pooled: bool) -> list[float]:
    """ms of cgroup work per run (group in, process moved in, group out), as the judge
    did before the pool (mkdir, limit, attach, rmdir) or does now (reuse)."""
    times = []
    for i in range(runs):
        time.sleep(idle_s)
        proc = subprocess.Popen(["/usr/bin/sleep", "5"])
        start = time.perf_counter()
        if pooled:
            group = pool.acquire(256 * MIB)
            group.attach(proc.pid)
        else:
            paths = [p / f"bench-{os.getpid()}-{i}" for p in pool.parents]
            for path in paths:
                path.mkdir()
            if pool.memory is not None:
                (paths[0] / "memory.limit_in_bytes").write_text(str(256 * MIB))
            for path in paths:
                (path / "cgroup.procs").write_text(str(proc.pid))
        times.append(time.perf_counter() - start)
        proc.kill()
        proc.wait()
        start = time.perf_counter()
        if pooled:
            pool.release(group)
        else:
            for path in paths:
                while True:
                    try:
                        path.rmdir()
                        break
                    except OSError:  # EBUSY while the killed process is still exiting
                        time.sleep(0.0005)
        times[-1] = (times[-1] + time.perf_counter() - start) * 1000
    return times


async def cgroup_overhead(sandbox: Sandbox, runs: int) -> None:
    pool = sandbox.cgroups
    if not isinstance(pool, CgroupPool):
        return
    print("\n1b. cgroup work per run (memory + CPU groups), in a worker thread")
    for idle_s, title in ((0.0, "back to back"), (IDLE_S, f"{IDLE_S * 1000:.0f} ms idle")):
        for pooled, how in ((False, "fresh group per run"), (True, "pooled group")):
            times = await asyncio.to_thread(cgroup_step, pool, runs, idle_s, pooled)
            times.sort()
            stats = f"{statistics.median(times):.2f} / {times[len(times) * 9 // 10]:.2f}"
            line(f"{title}, {how}: median / p90 ms", stats)


async def python_flags(sandbox: Sandbox) -> None:
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
         "[target >= 150/s]")  # fmt: skip
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


async def tle_submission(judge: Judge) -> None:
    """What a user waits for a TLE submit: every test to the limit, or only the first."""
    tests = [TestCase(str(i), b"", b"") for i in range(12)]
    figures = {}
    for stop in (False, True):
        task = JudgeRequest("python", "while True:\n    pass\n", tests, stop_on_failure=stop)
        start = time.perf_counter()
        result = await judge.judge(task)
        ran = sum(1 for t in result.tests if t.verdict != "SK")
        figures[stop] = (time.perf_counter() - start, ran)
        assert result.verdict == "TLE", result
    print("\n5. A TLE Python submit, 12 tests, 2 s limit: all tests vs stop at the first failure")
    for stop, (elapsed, ran) in figures.items():
        label = "stop on failure" if stop else "every test"
        line(f"{label}: wall s ({ran} tests run)", f"{elapsed:.1f}")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=100, help="runs per overhead measurement")
    parser.add_argument("--overhead-only", action="store_true", help="only the per-run case")
    args = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.2f}, cores: {os.cpu_count()}")
    async with Judge() as judge:
        sandbox = judge.sandbox
        pool = sandbox.cgroups
        print(f"memory cgroup: {getattr(pool, 'memory', pool) or 'no (rlimits)'}")
        print(f"CPU cgroup: {getattr(pool, 'cpu', None) or 'no (rusage)'}")
        print("isolate: not measured here (not installed on this host; see docs/judge.md)")
        await sandbox_overhead(sandbox, args.runs)
        await cgroup_overhead(sandbox, min(args.runs, 40))
        if args.overhead_only:
            return
        await python_flags(sandbox)
        await end_to_end(judge)
        await throughput(judge, max(args.runs, 200))
        await cpp(judge)
        await tle_submission(judge)
    print(f"\nload average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    asyncio.run(main())
