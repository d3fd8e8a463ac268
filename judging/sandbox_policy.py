"""The sandbox policy as data: what a run may see, which limits apply, what env it gets.

Kept apart from sandbox.py (which launches processes) so the policy can be read, reviewed
and tested on its own, as DMOJ keeps its filesystem policies apart from cptbox.
"""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, field

MIB = 1024 * 1024


@dataclass(frozen=True)
class Bind:
    """A host path made visible read-only inside the sandbox.

    optional: skip it when the host lacks the path (e.g. a JDK that is not installed).
    """

    source: str
    target: str | None = None
    optional: bool = False

    @property
    def inside(self) -> str:
        return self.target or self.source


@dataclass(frozen=True)
class Mount:
    """A per-run host directory (the submission's workspace, a checker's data)."""

    source: str
    target: str
    writable: bool = False


@dataclass(frozen=True)
class Limits:
    """Resource limits for one run; every field has a safe default.

    cpu_time_s: CPU seconds of the whole process tree before TLE.
    wall_time_s: wall-clock seconds before the tree is killed (TLE).
    memory_mb: memory cgroup limit (or RLIMIT_AS without cgroups) in MiB.
    processes: tasks (processes + threads) the program may have at once.
    output_bytes / stderr_bytes: caps on captured stdout / stderr; exceeding is OLE.
    file_size_bytes: largest file the program may write (RLIMIT_FSIZE).
    open_files: RLIMIT_NOFILE.
    stack_mb: RLIMIT_STACK; None means as large as memory_mb.
    limit_address_space: apply RLIMIT_AS when cgroups are unavailable; off for VMs (JVM,
        V8) that reserve far more address space than they use.
    tmpfs_mb: size of the private writable /tmp.
    """

    cpu_time_s: float = 2.0
    wall_time_s: float = 5.0
    memory_mb: int = 256
    processes: int = 16
    output_bytes: int = 16 * MIB
    stderr_bytes: int = 1 * MIB
    file_size_bytes: int = 16 * MIB
    open_files: int = 64
    stack_mb: int | None = None
    limit_address_space: bool = True
    tmpfs_mb: int = 64

    def rlimits(self, *, cgroup_memory: bool) -> dict[str, int]:
        """The rlimits the launcher sets on the program (keys as launcher.c knows them)."""
        stack = (self.stack_mb if self.stack_mb is not None else self.memory_mb) * MIB
        limits = {
            "cpu": max(1, math.ceil(self.cpu_time_s)),
            # +1 for the launcher itself, which shares the sandbox's task count.
            "nproc": self.processes + 1,
            "fsize": self.file_size_bytes,
            "nofile": self.open_files,
            "stack": stack,
            "core": 0,
            "memlock": 0,
            "msgqueue": 0,
        }
        if self.limit_address_space and not cgroup_memory:
            limits["as"] = self.memory_mb * MIB
        return limits


def _root_links() -> tuple[str, ...]:
    return ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32")


@dataclass(frozen=True)
class SandboxPolicy:
    """Everything bwrap is told, as data.

    system_binds: read-only host paths every run sees (toolchains live under /usr). Kept
        short on purpose: bwrap re-reads the mount table after every bind, so each one
        costs every run; a language adds what only it needs (Language.extra_binds).
    root_links: top-level dirs that merged-/usr hosts symlink into /usr; recreated as the
        same symlinks, or bound read-only where the host has real directories.
    devices: the only device nodes a run gets (no tty, no pts, no shm), bound one by one
        instead of bwrap's --dev, which mounts a tmpfs, a devpts and more.
    env: the whole environment of a run (nothing is inherited from the server).
    run_uid / run_gid: the unprivileged host ids runs use when the judge is root, so
        RLIMIT_NPROC applies (it never does for uid 0) and no root-owned file is readable
        by owner permission.
    """

    bwrap: str = "/usr/bin/bwrap"
    system_binds: tuple[Bind, ...] = (
        Bind("/usr"),
        Bind("/etc/ld.so.cache", optional=True),
    )
    root_links: tuple[str, ...] = field(default_factory=_root_links)
    devices: tuple[str, ...] = (
        "/dev/null",
        "/dev/zero",
        "/dev/full",
        "/dev/random",
        "/dev/urandom",
    )
    env: tuple[tuple[str, str], ...] = (
        ("PATH", "/usr/bin:/bin"),
        ("HOME", "/tmp"),
        ("TMPDIR", "/tmp"),
        ("LANG", "C.UTF-8"),
        ("LC_ALL", "C.UTF-8"),
    )
    hostname: str = "sandbox"
    run_uid: int = 65534
    run_gid: int = 65534
    tmp_dir: str = "/tmp"
    launcher_target: str = "/run/codearena/launcher"

    def bwrap_args(
        self,
        *,
        limits: Limits,
        mounts: tuple[Mount, ...],
        extra_binds: tuple[Bind, ...],
        extra_env: tuple[tuple[str, str], ...],
        launcher_source: str,
        cwd: str | None = None,
    ) -> list[str]:
        """The bwrap options for one run (everything before `--`)."""
        args = [
            "--unshare-all",
            "--unshare-user",  # explicit: --unshare-all only *tries* it
            "--disable-userns",
            "--die-with-parent",
            "--new-session",
            "--as-pid-1",
            "--hostname",
            self.hostname,
        ]
        for bind in (*self.system_binds, *extra_binds):
            if bind.optional and not os.path.exists(bind.source):
                continue
            args += ["--ro-bind", bind.source, bind.inside]
        for link in self.root_links:
            if os.path.islink(link):
                args += ["--symlink", os.readlink(link), link]
            elif os.path.isdir(link):
                args += ["--ro-bind", link, link]
        args += ["--ro-bind", launcher_source, self.launcher_target]
        for device in self.devices:
            args += ["--dev-bind", device, device]
        for fd, name in enumerate(("stdin", "stdout", "stderr")):
            args += ["--symlink", f"/proc/self/fd/{fd}", f"/dev/{name}"]
        args += ["--symlink", "/proc/self/fd", "/dev/fd", "--proc", "/proc"]
        # The host kernel's boot arguments (and so its init's) are nobody's business.
        args += ["--ro-bind", "/dev/null", "/proc/cmdline"]
        args += ["--size", str(limits.tmpfs_mb * MIB), "--tmpfs", self.tmp_dir]
        for mount in mounts:
            args += ["--bind" if mount.writable else "--ro-bind", mount.source, mount.target]
        # The root tmpfs bwrap builds (holding /dev, /etc, /run) is writable and
        # unbounded; nothing needs to write there once the mounts above exist.
        args += ["--remount-ro", "/"]
        args += ["--clearenv"]
        for key, value in (*self.env, *extra_env):
            args += ["--setenv", key, value]
        args += ["--chdir", cwd or self.tmp_dir]
        return args


DEFAULT_POLICY = SandboxPolicy()
