"""Running untrusted commands under bubblewrap, with limits, and reporting what happened.

One run: bwrap (as an unprivileged uid when we are root) builds fresh user, pid, net,
ipc, uts, cgroup and mount namespaces with read-only system paths, a private size-capped
/tmp and no environment from the server; our launcher (launcher.c) is pid 1 inside, sets
rlimits and supervises the program (see sandbox_process.py for the plumbing). Every run
gets a sandbox of its own; for repeated runs (`warm=True`, the tests of a submission) the
next identical sandbox is built in the background while the current one runs, which
takes bwrap's few milliseconds of setup off the critical path.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import shutil
import stat
import tempfile
from collections.abc import AsyncIterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from judging.cgroups import CgroupPool, CgroupUsage, RunCgroup
from judging.errors import SandboxError, SandboxUnavailable
from judging.launcher import build_launcher
from judging.outcome import RunOutcome
from judging.sandbox_policy import DEFAULT_POLICY, Bind, Limits, Mount, SandboxPolicy
from judging.sandbox_process import RunOutcomeParts, SandboxProcess
from judging.spares import SparePool
from judging.unsandboxed import run_unsandboxed

log = logging.getLogger(__name__)

SPARE_TTL_S = 10.0  # an unused pre-built sandbox is thrown away after this long


@dataclass(frozen=True)
class Workspace:
    """A host directory shared by the steps of one submission (source, binary)."""

    path: Path

    def mount(self, target: str = "/box", *, writable: bool = False) -> Mount:
        return Mount(str(self.path), target, writable)


RunKey = tuple[
    tuple[str, ...],
    Limits,
    tuple[Mount, ...],
    tuple[Bind, ...],
    tuple[tuple[str, str], ...],
    str | None,
]


def _check_state_dir(path: Path) -> None:
    """Refuse a state dir another user could have planted or can write into."""
    info = os.lstat(path)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.geteuid() or info.st_mode & 0o022:
        raise SandboxUnavailable(f"unsafe sandbox state directory {path}")


def _remove_stale_workspaces(work: Path) -> None:
    """Workspaces of judge processes that died mid-submission (named ws-<pid>-...)."""
    for path in work.glob("ws-*-*"):
        pid = path.name.split("-")[1]
        if pid.isdigit() and int(pid) != os.getpid() and not Path(f"/proc/{pid}").exists():
            shutil.rmtree(path, ignore_errors=True)


class Sandbox:
    """Runs commands in bubblewrap; one instance per judge process is enough.

    policy: binds, environment and ids (default DEFAULT_POLICY).
    state_dir: where the launcher binary and workspaces live (default
        $TMPDIR/codearena-sandbox-<euid>); must be ours and not group/world-writable.
    launcher: a prebuilt launcher binary instead of compiling launcher.c.
    allow_unsandboxed: development only: when bwrap is missing or unusable, run
        commands directly on the host with rlimits and log a loud warning on every run.
    use_cgroups: try pooled per-run cgroups (default True): memory (else rlimits) and CPU
        (else rusage only, which misses children the kernel reaps by itself).
    max_spares: pre-built sandboxes kept at most (default: four per core; 0 disables).
    """

    def __init__(
        self,
        policy: SandboxPolicy = DEFAULT_POLICY,
        *,
        state_dir: Path | None = None,
        launcher: Path | None = None,
        allow_unsandboxed: bool = False,
        use_cgroups: bool = True,
        max_spares: int | None = None,
    ) -> None:
        self.policy = policy
        self.state_dir = state_dir or Path(tempfile.gettempdir()) / (
            f"codearena-sandbox-{os.geteuid()}"
        )
        self.allow_unsandboxed = allow_unsandboxed
        self.max_spares = 4 * (os.cpu_count() or 1) if max_spares is None else max_spares
        self.cgroups: CgroupPool | None = None
        self.sandboxed = True
        self.unavailable_reason: str | None = None
        self._launcher = launcher
        self._use_cgroups = use_cgroups
        self._started = False
        self._start_lock = asyncio.Lock()
        self.spares = SparePool(self._build, _discard, limit=self.max_spares, ttl_s=SPARE_TTL_S)
        # One long-lived thread starts every bwrap (see SandboxProcess.spawn).
        self._spawner = _new_spawner()

    # -- lifecycle -------------------------------------------------------------------

    async def start(self) -> None:
        """Prepare (idempotent): state dir, launcher, cgroups, and one smoke-test run.

        Raises SandboxUnavailable when bwrap cannot run here and unsandboxed runs were
        not allowed.
        """
        async with self._start_lock:
            if self._started:
                return
            await asyncio.to_thread(self._prepare_state_dir)
            try:
                await self._start_sandboxed()
            except SandboxUnavailable as exc:
                if not self.allow_unsandboxed:
                    raise
                self.sandboxed = False
                self.unavailable_reason = str(exc)
                log.warning(
                    "SANDBOX DISABLED (%s): untrusted code will run directly on this host. "
                    "Development only.",
                    exc,
                )
            self._started = True

    def _prepare_state_dir(self) -> None:
        self.state_dir.mkdir(mode=0o711, exist_ok=True)
        _check_state_dir(self.state_dir)
        work = self.state_dir / "work"
        work.mkdir(mode=0o711, exist_ok=True)
        _remove_stale_workspaces(work)

    async def _start_sandboxed(self) -> None:
        bwrap = self.policy.bwrap
        if not await asyncio.to_thread(os.access, bwrap, os.X_OK):
            raise SandboxUnavailable(
                f"bubblewrap not found at {bwrap}; install it with `apt-get install bubblewrap`"
            )
        if self._launcher is None:
            self._launcher = await asyncio.to_thread(build_launcher, self.state_dir)
        if self._use_cgroups and self.cgroups is None:
            self.cgroups = await asyncio.to_thread(CgroupPool.detect)
        try:
            outcome = await self._run_sandboxed(
                (("/bin/true",), Limits(wall_time_s=10), (), (), (), None), b"", warm=False
            )
        except SandboxError as exc:
            raise SandboxUnavailable(f"bubblewrap does not work here: {exc}") from exc
        if not outcome.ok:
            raise SandboxUnavailable(f"sandbox smoke test failed: {outcome}")

    @property
    def launcher_path(self) -> Path:
        assert self._launcher is not None, "Sandbox.start() first"
        return self._launcher

    async def close(self) -> None:
        """Throw away pre-built sandboxes and release cgroups; call after the last run."""
        await self.spares.close()
        if self.cgroups is not None:
            await asyncio.to_thread(self.cgroups.close)
            self.cgroups = None
        # The spawner thread's exit kills any sandbox still running (--die-with-parent).
        spawner, self._spawner = self._spawner, _new_spawner()
        await asyncio.to_thread(spawner.shutdown)
        self._started = False

    async def __aenter__(self) -> Sandbox:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    # -- workspaces ------------------------------------------------------------------

    @contextlib.asynccontextmanager
    async def workspace(self) -> AsyncIterator[Workspace]:
        """A fresh host directory for one submission, removed afterwards.

        Owned by the run uid so the compile step may write its binary there; test runs
        mount it read-only. Pre-built sandboxes that mount it go with it.
        """
        path = Path(tempfile.mkdtemp(prefix=f"ws-{os.getpid()}-", dir=self.state_dir / "work"))
        try:
            if os.geteuid() == 0 and self.sandboxed:
                os.chown(path, self.policy.run_uid, self.policy.run_gid)
            yield Workspace(path)
        finally:

            def uses(key: RunKey) -> bool:
                return any(m.source == str(path) for m in key[2])

            await self.spares.drop(uses)
            shutil.rmtree(path, ignore_errors=True)

    def visible_path(self, mount: Mount) -> str:
        """Where the program sees `mount`: its target, or the host path when unsandboxed."""
        return mount.target if self.sandboxed else mount.source

    # -- running ---------------------------------------------------------------------

    async def run(
        self,
        command: Sequence[str],
        *,
        limits: Limits = Limits(),
        stdin: bytes = b"",
        mounts: Sequence[Mount] = (),
        extra_binds: Sequence[Bind] = (),
        env: Sequence[tuple[str, str]] = (),
        cwd: str | None = None,
        warm: bool = False,
    ) -> RunOutcome:
        """Run `command` (absolute paths, as seen inside) and report how it went.

        limits: resource limits (see Limits). stdin: the program's whole input.
        mounts: per-run host dirs (e.g. the workspace at /box). extra_binds: further
        read-only system paths a toolchain needs. env: variables on top of the policy's.
        cwd: working directory inside (default: the private /tmp).
        warm: more runs with exactly these arguments will follow (a submission's tests):
        build the next sandbox now, so that run starts without setup delay.
        Raises SandboxError when the sandbox itself fails (never for the program's own
        failures, which are reported in the outcome).
        """
        await self.start()
        if not self.sandboxed:
            log.warning("UNSANDBOXED RUN of %s: development mode only", command[0])
            return await run_unsandboxed(
                list(command), limits, stdin, tuple(mounts), tuple(env), cwd, self.policy
            )
        key: RunKey = (tuple(command), limits, tuple(mounts), tuple(extra_binds), tuple(env), cwd)
        return await self._run_sandboxed(key, stdin, warm=warm)

    async def _run_sandboxed(self, key: RunKey, stdin: bytes, *, warm: bool) -> RunOutcome:
        process = self.spares.take(key) if warm else None
        if process is None:
            process = await self._build(key)
        if warm:
            self.spares.replenish(key)
        try:
            parts = await process.go(stdin)
        except BaseException:
            _release_cgroup(process.cgroups, process.cgroup)
            raise
        usage = None
        if process.cgroup is not None:
            # Off the event loop (cgroup files can block); the group is back in the pool
            # before the outcome is returned.
            usage = await asyncio.to_thread(_finish, process.cgroups, process.cgroup)
        return _outcome(parts, process.limits, usage, key[0])

    async def _build(self, key: RunKey) -> SandboxProcess:
        command, limits, mounts, extra_binds, env, cwd = key
        args = self.policy.bwrap_args(
            limits=limits,
            mounts=mounts,
            extra_binds=extra_binds,
            extra_env=env,
            launcher_source=str(self.launcher_path),
            cwd=cwd,
        )
        process = SandboxProcess(
            self.policy,
            self.launcher_path,
            args,
            list(command),
            limits,
            self.cgroups,
            self._spawner,
        )
        try:
            await process.spawn()
        except BaseException:
            _release_cgroup(process.cgroups, process.cgroup)
            raise
        return process


def _new_spawner() -> ThreadPoolExecutor:
    return ThreadPoolExecutor(max_workers=1, thread_name_prefix="sandbox-spawn")


async def _discard(process: SandboxProcess) -> None:
    await process.discard()
    if process.cgroups is not None and process.cgroup is not None:
        await asyncio.to_thread(process.cgroups.release, process.cgroup)


def _finish(pool: CgroupPool | None, cgroup: RunCgroup) -> CgroupUsage | None:
    """Read a finished run's memory figures and return its group to the pool (blocks)."""
    try:
        return cgroup.usage()
    finally:
        if pool is not None:
            pool.release(cgroup)


def _release_cgroup(pool: CgroupPool | None, cgroup: RunCgroup | None) -> None:
    """Return a group to the pool in a worker thread (it may hold dying processes)."""
    if pool is None or cgroup is None:
        return
    try:
        asyncio.get_running_loop().run_in_executor(None, pool.release, cgroup)
    except RuntimeError:  # no loop (interpreter shutdown): do it here
        pool.release(cgroup)


def _outcome(
    parts: RunOutcomeParts, limits: Limits, usage: CgroupUsage | None, command: tuple[str, ...]
) -> RunOutcome:
    """Interpret the launcher's report against the limits (usage: the memory cgroup's)."""
    oom = usage is not None and usage.oom_killed
    report = parts.report
    if report is None:
        # No report: we killed the run, or the memory cgroup's OOM killer chose the
        # launcher itself (pid 1 is in the run's group), which a fork or memory bomb
        # can cause. Either way the program's doing, not an internal error.
        if parts.killed or parts.output_exceeded or oom:
            return RunOutcome(
                exit_code=None,
                signal="SIGKILL",
                cpu_ms=0,
                wall_ms=parts.elapsed_ms,
                memory_kb=(usage.peak_bytes // 1024) if usage else 0,
                stdout=parts.stdout,
                stderr=parts.stderr,
                timed_out=parts.killed_for_time,
                output_exceeded=parts.output_exceeded,
                memory_exceeded=oom,
            )
        detail = parts.stderr.decode(errors="replace").strip()[-500:]
        if b"exit-code" not in parts.status_tail:
            raise SandboxError(f"sandbox setup failed (bwrap exit {parts.returncode}): {detail}")
        raise SandboxError(f"sandbox launcher failed (exit {parts.returncode}): {detail}")
    if report.status == "execfail":
        raise SandboxError(f"cannot execute {command[0]}: {os.strerror(report.value)}")
    sig = parts.signal
    cpu_ms = report.cpu_us // 1000
    memory_exceeded = oom or (usage is None and report.maxrss_kb > limits.memory_mb * 1024)
    return RunOutcome(
        exit_code=None if sig else report.value,
        signal=sig,
        cpu_ms=cpu_ms,
        wall_ms=report.wall_us // 1000,
        memory_kb=report.maxrss_kb,
        stdout=parts.stdout,
        stderr=parts.stderr,
        timed_out=(
            report.timed_out
            or report.cpu_exceeded
            or cpu_ms > limits.cpu_time_s * 1000
            or sig == "SIGXCPU"
            or parts.killed_for_time
        ),
        output_exceeded=parts.output_exceeded or sig == "SIGXFSZ",
        memory_exceeded=memory_exceeded,
    )
