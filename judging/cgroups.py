"""Per-run memory cgroups (cgroup v1 memory controller), when this host lets us make them.

Each run gets a child of the judge's own memory cgroup with a hard limit; the kernel's
OOM killer then stops a memory bomb inside the sandbox, and the oom_kill counter tells
MLE apart from an ordinary crash. Without a writable hierarchy the sandbox falls back
to RLIMIT_AS and peak RSS (see Limits.rlimits).
"""

from __future__ import annotations

import itertools
import logging
import os
import signal
import time
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)

V1_ROOT = Path("/sys/fs/cgroup/memory")
_factories = itertools.count()


def _own_v1_path(proc_cgroup: str) -> str | None:
    for line in proc_cgroup.splitlines():
        parts = line.split(":", 2)
        if len(parts) == 3 and "memory" in parts[1].split(","):
            return parts[2]
    return None


@dataclass
class RunCgroup:
    """One run's memory cgroup."""

    path: Path

    def attach(self, pid: int) -> None:
        (self.path / "cgroup.procs").write_text(str(pid))

    def oom_kills(self) -> int:
        for line in (self.path / "memory.oom_control").read_text().splitlines():
            if line.startswith("oom_kill "):
                return int(line.split()[1])
        # Kernels without the counter: any failed charge means the limit was hit.
        return int((self.path / "memory.failcnt").read_text())

    def peak_bytes(self) -> int:
        return int((self.path / "memory.max_usage_in_bytes").read_text())

    def pids(self) -> list[int]:
        try:
            text = (self.path / "cgroup.procs").read_text()
        except OSError:
            return []
        return [int(p) for p in text.split()]

    def try_remove(self) -> bool:
        """Remove the (empty) group at once; False if it is still busy."""
        try:
            self.path.rmdir()
        except FileNotFoundError:
            pass
        except OSError:
            return False
        return True

    def remove(self) -> None:
        """Kill stragglers (there should be none) and remove the group."""
        for attempt in range(50):
            pids = self.pids()
            for pid in pids:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            try:
                self.path.rmdir()
                return
            except FileNotFoundError:
                return
            except OSError:
                # EBUSY while killed tasks are still exiting.
                time.sleep(0.002 * (attempt + 1))
        log.error("could not remove memory cgroup %s", self.path)


def _remove_stale(own_dir: Path) -> None:
    """Remove groups left by judge processes that died without closing them."""
    for stale in own_dir.glob("codearena-*"):
        try:
            pid = int(stale.name.split("-")[1])
        except (IndexError, ValueError):
            continue
        if pid != os.getpid() and not Path(f"/proc/{pid}").exists():
            for child in stale.glob("run-*"):
                RunCgroup(child).remove()
            try:
                stale.rmdir()
            except OSError:
                pass


class MemoryCgroups:
    """Factory for run cgroups under `<own memory cgroup>/codearena-<pid>-<n>`."""

    def __init__(self, parent: Path) -> None:
        self.parent = parent
        self._counter = itertools.count()

    @classmethod
    def detect(cls, root: Path = V1_ROOT) -> MemoryCgroups | None:
        """A factory if we can create child memory cgroups here, else None."""
        try:
            own = _own_v1_path(Path("/proc/self/cgroup").read_text())
            if own is None or not (root / "memory.limit_in_bytes").exists():
                return None
            own_dir = root / own.lstrip("/")
            _remove_stale(own_dir)
            parent = own_dir / f"codearena-{os.getpid()}-{next(_factories)}"
            parent.mkdir(exist_ok=True)
            probe = parent / "probe"
            probe.mkdir(exist_ok=True)
            (probe / "memory.limit_in_bytes").write_text(str(64 * 1024 * 1024))
            probe.rmdir()
        except OSError as exc:
            log.info("memory cgroups unavailable (%s); using rlimits", exc)
            return None
        return cls(parent)

    def create(self, limit_bytes: int) -> RunCgroup:
        path = self.parent / f"run-{next(self._counter)}"
        path.mkdir()
        group = RunCgroup(path)
        try:
            (path / "memory.limit_in_bytes").write_text(str(limit_bytes))
            memsw = path / "memory.memsw.limit_in_bytes"
            if memsw.exists():
                # Same limit for memory+swap: a run may not swap its way past the limit.
                memsw.write_text(str(limit_bytes))
        except OSError:
            group.remove()
            raise
        return group

    def close(self) -> None:
        for child in self.parent.glob("run-*"):
            RunCgroup(child).remove()
        try:
            self.parent.rmdir()
        except OSError:
            pass
