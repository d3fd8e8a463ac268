"""Per-run cgroups, pooled: memory (cgroup v1) and CPU accounting (v1 cpuacct or v2).

Memory: each run's group has a hard limit; the kernel's OOM killer then stops a memory
bomb inside the sandbox, and the oom_kill counter tells MLE apart from an ordinary
crash. Without a writable memory hierarchy the sandbox falls back to RLIMIT_AS and peak
RSS (see Limits.rlimits).

CPU: the group's usage counts every process of the run, including children the kernel
reaps by itself (SIGCHLD ignored), which getrusage(RUSAGE_CHILDREN) never sees. The
launcher gets the open usage file and kills the run when the total passes the limit.

Groups are reused, not made and removed per run: after idle, rmdir and the first move
into a fresh group each wait for an RCU grace period (several ms). A returned group is
checked empty; counters are not reset but read as a baseline (CPU in the launcher, the
OOM count here) and the peak is reset. All methods block: call them off the event loop.
"""

from __future__ import annotations

import itertools
import logging
import os
import signal
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

CGROUP_ROOT = Path("/sys/fs/cgroup")
MAX_IDLE = 32  # groups kept for reuse; more are removed when returned
_factories = itertools.count()


def _own_path(proc_cgroup: str, controller: str | None) -> str | None:
    """Our group in the v1 hierarchy of `controller`, or in the v2 one when None."""
    for line in proc_cgroup.splitlines():
        parts = line.split(":", 2)
        if len(parts) != 3:
            continue
        if controller is None and parts[0] == "0" and parts[1] == "":
            return parts[2]
        if controller is not None and controller in parts[1].split(","):
            return parts[2]
    return None


def _memory_root(proc_cgroup: str, root: Path) -> Path | None:
    own = _own_path(proc_cgroup, "memory")
    base = root / "memory"
    if own is None or not (base / "memory.limit_in_bytes").exists():
        return None
    return base / own.lstrip("/")


def _cpu_root(proc_cgroup: str, root: Path) -> tuple[Path, str] | None:
    """Our group of a hierarchy that counts CPU, and the name of its usage file."""
    own = _own_path(proc_cgroup, "cpuacct")
    if own is not None:
        for name in ("cpuacct", "cpu,cpuacct", "cpuacct,cpu"):
            if (root / name / "cpuacct.usage").exists():
                return root / name / own.lstrip("/"), "cpuacct.usage"
    own = _own_path(proc_cgroup, None)
    if own is not None:
        for base in (root / "unified", root):
            if (base / "cgroup.controllers").exists():
                return base / own.lstrip("/"), "cpu.stat"  # usage_usec: every v2 group
    return None


def cpu_usage_us(text: str) -> int:
    """A usage file's total in microseconds (v1 cpuacct.usage in ns, v2 cpu.stat)."""
    if text.startswith("usage_usec "):
        return int(text.split()[1])
    return int(text.split()[0]) // 1000


def _pids(path: Path) -> list[int]:
    try:
        return [int(p) for p in (path / "cgroup.procs").read_text().split()]
    except OSError:
        return []


def _rmdir(path: Path) -> None:
    """Kill stragglers (there should be none) and remove the group."""
    for attempt in range(50):
        for pid in _pids(path):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        try:
            path.rmdir()
            return
        except FileNotFoundError:
            return
        except OSError:  # EBUSY while killed tasks are still exiting
            time.sleep(0.002 * (attempt + 1))
    log.error("could not remove cgroup %s", path)


@dataclass(frozen=True)
class CgroupUsage:
    """What a run's groups saw: whether the OOM killer struck, and the memory peak."""

    oom_killed: bool
    peak_bytes: int


@dataclass(eq=False)
class RunCgroup:
    """One run's groups: memory (optional) and CPU (optional), same name in each."""

    memory: Path | None
    cpu: Path | None
    cpu_fd: int | None = None  # the open usage file, handed to the launcher at "go"
    limit_bytes: int = 0
    oom_base: int = 0
    paths: tuple[Path, ...] = field(default=(), init=False)

    def __post_init__(self) -> None:
        self.paths = tuple(p for p in (self.memory, self.cpu) if p is not None)

    def set_limit(self, limit_bytes: int) -> None:
        """Memory limit (and memory+swap, so a run cannot swap past it); peak reset."""
        if self.memory is None:
            return
        if limit_bytes != self.limit_bytes:
            memsw = self.memory / "memory.memsw.limit_in_bytes"
            # The kernel keeps memsw >= memory at every step: raise memsw first, lower it last.
            order = ["memory.limit_in_bytes"]
            if memsw.exists():
                lowering = self.limit_bytes == 0 or limit_bytes < self.limit_bytes  # 0: new
                order = [*order, memsw.name] if lowering else [memsw.name, *order]
            for name in order:
                (self.memory / name).write_text(str(limit_bytes))
            self.limit_bytes = limit_bytes
        (self.memory / "memory.max_usage_in_bytes").write_text("0")
        (self.memory / "memory.failcnt").write_text("0")
        self.oom_base = self._oom_kills()

    def attach(self, pid: int) -> None:
        for path in self.paths:
            (path / "cgroup.procs").write_text(str(pid))

    def _oom_kills(self) -> int:
        assert self.memory is not None
        for line in (self.memory / "memory.oom_control").read_text().splitlines():
            if line.startswith("oom_kill "):
                return int(line.split()[1])
        # Kernels without the counter: any failed charge (failcnt, reset above).
        return int((self.memory / "memory.failcnt").read_text())

    def usage(self) -> CgroupUsage | None:
        """The run's memory verdict material (read once the run is over)."""
        if self.memory is None:
            return None
        peak = int((self.memory / "memory.max_usage_in_bytes").read_text())
        return CgroupUsage(self._oom_kills() > self.oom_base, peak)

    def cpu_us(self) -> int | None:
        if self.cpu_fd is None:
            return None
        return cpu_usage_us(os.pread(self.cpu_fd, 1024, 0).decode())

    def pids(self) -> list[int]:
        return sorted({pid for path in self.paths for pid in _pids(path)})

    def remove(self) -> None:
        if self.cpu_fd is not None:
            os.close(self.cpu_fd)
            self.cpu_fd = None
        for path in self.paths:
            _rmdir(path)


class CgroupPool:
    """Run groups under `<own group>/codearena-<pid>-<n>/run-<k>`, handed out for reuse.

    acquire() gives an empty group (a returned one, or a new one); release() takes it
    back once the run is over, after killing and waiting out any straggler.
    """

    def __init__(self, memory: Path | None, cpu: Path | None, cpu_file: str = "") -> None:
        self.memory = memory
        self.cpu = cpu
        self.cpu_file = cpu_file
        self._counter = itertools.count()
        self._lock = threading.Lock()
        self._idle: list[RunCgroup] = []
        self._busy: set[RunCgroup] = set()
        self.created = 0  # groups made so far (reuse keeps this near the concurrency)

    @property
    def parents(self) -> tuple[Path, ...]:
        return tuple(p for p in (self.memory, self.cpu) if p is not None)

    @classmethod
    def detect(cls, root: Path = CGROUP_ROOT) -> CgroupPool | None:
        """A pool if we can create child groups of a memory or CPU hierarchy, else None."""
        try:
            proc_cgroup = Path("/proc/self/cgroup").read_text()
        except OSError:
            return None
        name = f"codearena-{os.getpid()}-{next(_factories)}"
        memory = _make_parent(_memory_root(proc_cgroup, root), name, "memory.limit_in_bytes")
        cpu_root = _cpu_root(proc_cgroup, root)
        cpu = _make_parent(cpu_root[0] if cpu_root else None, name, "cgroup.procs")
        if memory is None and cpu is None:
            log.info("cgroups unavailable; memory by rlimits, CPU by rusage only")
            return None
        if cpu is None:
            log.warning("no CPU cgroup: auto-reaped children's CPU is not counted")
        return cls(memory, cpu, cpu_root[1] if cpu_root and cpu else "")

    def acquire(self, limit_bytes: int) -> RunCgroup:
        """An empty group with this memory limit (a fresh one if a reused one refuses it,
        e.g. a lower limit than the page cache it still holds and cannot reclaim)."""
        with self._lock:
            reused = self._idle.pop() if self._idle else None
        for group in (reused, None):
            if group is None:
                group = self._new()
            with self._lock:
                self._busy.add(group)
            try:
                group.set_limit(limit_bytes)
                return group
            except OSError:
                self._forget(group)
                group.remove()
                if group is not reused:
                    raise
        raise AssertionError("unreachable")

    def _new(self) -> RunCgroup:
        name = f"run-{next(self._counter)}"
        memory = self.memory / name if self.memory else None
        cpu = self.cpu / name if self.cpu else None
        group = RunCgroup(memory, cpu)
        self.created += 1
        try:
            for path in group.paths:
                path.mkdir()
            if cpu is not None:
                group.cpu_fd = os.open(cpu / self.cpu_file, os.O_RDONLY | os.O_CLOEXEC)
        except OSError:
            group.remove()
            raise
        return group

    def release(self, group: RunCgroup) -> None:
        """Back to the pool once empty; removed if stragglers will not die or it is full."""
        for _ in range(50):
            pids = group.pids()
            if not pids:
                break
            for pid in pids:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            time.sleep(0.005)
        with self._lock:
            self._busy.discard(group)
            keep = not group.pids() and len(self._idle) < MAX_IDLE
            if keep:
                self._idle.append(group)
        if not keep:
            group.remove()

    def _forget(self, group: RunCgroup) -> None:
        with self._lock:
            self._busy.discard(group)

    def leftovers(self) -> list[RunCgroup]:
        """Groups still out on a run or holding a process (none once every run is over)."""
        with self._lock:
            groups = list(self._busy) + [g for g in self._idle if g.pids()]
        return groups

    def close(self) -> None:
        with self._lock:
            groups = self._idle + list(self._busy)
            self._idle, self._busy = [], set()
        for group in groups:
            group.remove()
        for parent in self.parents:
            for child in parent.glob("run-*"):
                _rmdir(child)
            try:
                parent.rmdir()
            except OSError:
                pass


def _make_parent(own_dir: Path | None, name: str, probe_file: str) -> Path | None:
    """`own_dir/name`, after clearing groups of dead judges; None if we may not."""
    if own_dir is None:
        return None
    try:
        _remove_stale(own_dir)
        parent = own_dir / name
        parent.mkdir(exist_ok=True)
        probe = parent / "probe"
        probe.mkdir(exist_ok=True)
        if probe_file == "memory.limit_in_bytes":
            (probe / probe_file).write_text(str(64 * 1024 * 1024))
        elif not (probe / probe_file).exists():
            raise OSError(f"{probe_file} missing")
        probe.rmdir()
    except OSError as exc:
        log.info("cgroups under %s unavailable (%s)", own_dir, exc)
        return None
    return parent


def _remove_stale(own_dir: Path) -> None:
    """Remove groups left by judge processes that died without closing them."""
    for stale in own_dir.glob("codearena-*"):
        try:
            pid = int(stale.name.split("-")[1])
        except (IndexError, ValueError):
            continue
        if pid != os.getpid() and not Path(f"/proc/{pid}").exists():
            for child in stale.glob("run-*"):
                _rmdir(child)
            try:
                stale.rmdir()
            except OSError:
                pass
