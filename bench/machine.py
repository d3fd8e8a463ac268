"""How much CPU and memory processes and the whole machine use: the context for every figure.

The machine is shared, so the bench reports the CPU share of the server, of the
client process and of the machine, and can wait for a quiet moment first.
"""

from __future__ import annotations

import asyncio
import os
import resource
import time
from dataclasses import dataclass, field
from pathlib import Path

NOFILE = 65536


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
