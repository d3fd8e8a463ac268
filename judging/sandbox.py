"""Running untrusted commands under bubblewrap, with limits, and reporting what happened.

One run: bwrap (as an unprivileged uid when we are root) builds fresh user, pid, net,
ipc, uts, cgroup and mount namespaces with read-only system paths, a private size-capped
/tmp and no environment from the server; our launcher (launcher.c) is pid 1 inside, sets
rlimits and supervises the program. bwrap waits on --block-fd until we have moved the
sandbox into its memory cgroup, so nothing escapes accounting. The event loop collects
stdout/stderr with caps, and the run ends when pid 1 exits: the kernel has then killed
every process in the namespace, daemons included.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import select
import shutil
import signal
import stat
import subprocess
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from judging.capture import Capture, read_available, wait_readable
from judging.cgroups import MemoryCgroups, RunCgroup
from judging.errors import SandboxError, SandboxUnavailable
from judging.launcher import LauncherReport, build_launcher, launcher_argv, parse_report
from judging.sandbox_policy import DEFAULT_POLICY, MIB, Bind, Limits, Mount, SandboxPolicy

log = logging.getLogger(__name__)

# Seconds past the wall limit before we stop trusting the launcher and kill from outside.
BACKSTOP_GRACE_S = 2.0
# Seconds a stopped run gets to report before it is killed outright.
STOP_GRACE_S = 1.0


@dataclass(frozen=True)
class RunOutcome:
    """How one run ended and what it used.

    exit_code is None when the program died of a signal (then `signal` names it, e.g.
    "SIGSEGV"). cpu_ms covers the whole process tree; memory_kb is the peak resident set
    of the largest process. The flags say which limit stopped it, if any.
    """

    exit_code: int | None
    signal: str | None
    cpu_ms: int
    wall_ms: int
    memory_kb: int
    stdout: bytes
    stderr: bytes
    timed_out: bool = False
    output_exceeded: bool = False
    memory_exceeded: bool = False

    @property
    def ok(self) -> bool:
        """Exited 0 within every limit."""
        return self.exit_code == 0 and not (
            self.timed_out or self.output_exceeded or self.memory_exceeded
        )


@dataclass(frozen=True)
class Workspace:
    """A host directory shared by the steps of one submission (source, binary)."""

    path: Path

    def mount(self, target: str = "/box", *, writable: bool = False) -> Mount:
        return Mount(str(self.path), target, writable)


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"SIG{number}"


def _memfd_stdin(data: bytes) -> int:
    """A read-only fd holding `data`: no writer task, no pipe deadlock, seekable input."""
    if not data:
        return os.open(os.devnull, os.O_RDONLY | os.O_CLOEXEC)
    fd = os.memfd_create("stdin", os.MFD_CLOEXEC)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        return os.open(f"/proc/self/fd/{fd}", os.O_RDONLY | os.O_CLOEXEC)
    finally:
        os.close(fd)


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
    use_cgroups: try per-run memory cgroups (default True; falls back to rlimits).
    """

    def __init__(
        self,
        policy: SandboxPolicy = DEFAULT_POLICY,
        *,
        state_dir: Path | None = None,
        launcher: Path | None = None,
        allow_unsandboxed: bool = False,
        use_cgroups: bool = True,
    ) -> None:
        self.policy = policy
        self.state_dir = state_dir or Path(tempfile.gettempdir()) / (
            f"codearena-sandbox-{os.geteuid()}"
        )
        self.allow_unsandboxed = allow_unsandboxed
        self._launcher = launcher
        self._use_cgroups = use_cgroups
        self.cgroups: MemoryCgroups | None = None
        self.sandboxed = True
        self.unavailable_reason: str | None = None
        self._started = False
        self._start_lock = asyncio.Lock()

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
            raise SandboxUnavailable(f"bubblewrap not found at {bwrap}")
        if self._launcher is None:
            self._launcher = await asyncio.to_thread(build_launcher, self.state_dir)
        if self._use_cgroups and self.cgroups is None:
            self.cgroups = await asyncio.to_thread(MemoryCgroups.detect)
        try:
            outcome = await self._run_bwrap(
                ["/bin/true"], Limits(wall_time_s=10), b"", (), (), (), None
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
        if self.cgroups is not None:
            await asyncio.to_thread(self.cgroups.close)
            self.cgroups = None

    async def __aenter__(self) -> Sandbox:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    # -- workspaces ------------------------------------------------------------------

    @contextlib.contextmanager
    def workspace(self) -> Iterator[Workspace]:
        """A fresh host directory for one submission, removed afterwards.

        Owned by the run uid so the compile step may write its binary there; test runs
        mount it read-only.
        """
        path = Path(tempfile.mkdtemp(prefix=f"ws-{os.getpid()}-", dir=self.state_dir / "work"))
        try:
            if os.geteuid() == 0 and self.sandboxed:
                os.chown(path, self.policy.run_uid, self.policy.run_gid)
            yield Workspace(path)
        finally:
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
    ) -> RunOutcome:
        """Run `command` (absolute paths, as seen inside) and report how it went.

        limits: resource limits (see Limits). stdin: the program's whole input.
        mounts: per-run host dirs (e.g. the workspace at /box). extra_binds: further
        read-only system paths a toolchain needs. env: variables on top of the policy's.
        cwd: working directory inside (default: the private /tmp).
        Raises SandboxError when the sandbox itself fails (never for the program's own
        failures, which are reported in the outcome).
        """
        await self.start()
        if not self.sandboxed:
            from judging.unsandboxed import run_unsandboxed

            log.warning("UNSANDBOXED RUN of %s: development mode only", command[0])
            return await run_unsandboxed(
                list(command), limits, stdin, tuple(mounts), tuple(env), cwd, self.policy
            )
        return await self._run_bwrap(
            list(command), limits, stdin, tuple(mounts), tuple(extra_binds), tuple(env), cwd
        )

    async def _run_bwrap(
        self,
        command: list[str],
        limits: Limits,
        stdin: bytes,
        mounts: tuple[Mount, ...],
        extra_binds: tuple[Bind, ...],
        env: tuple[tuple[str, str], ...],
        cwd: str | None,
    ) -> RunOutcome:
        assert self._launcher is not None
        cgroup: RunCgroup | None = None
        if self.cgroups is not None:
            # cgroupfs writes take microseconds: cheaper inline than a thread hop.
            cgroup = self.cgroups.create(limits.memory_mb * MIB)
        try:
            return await _BwrapRun(self, command, limits, stdin, cgroup).execute(
                self.policy.bwrap_args(
                    limits=limits,
                    mounts=mounts,
                    extra_binds=extra_binds,
                    extra_env=env,
                    launcher_source=str(self._launcher),
                    cwd=cwd,
                )
            )
        finally:
            if cgroup is not None and not cgroup.try_remove():
                try:
                    await asyncio.to_thread(cgroup.remove)
                except asyncio.CancelledError:
                    cgroup.remove()
                    raise


class _BwrapRun:
    """The plumbing of one bwrap run: fds, process, limits, collection."""

    def __init__(
        self,
        sandbox: Sandbox,
        command: list[str],
        limits: Limits,
        stdin: bytes,
        cgroup: RunCgroup | None,
    ) -> None:
        self.sandbox = sandbox
        self.command = command
        self.limits = limits
        self.stdin = stdin
        self.cgroup = cgroup
        self.launcher_pidfd: int | None = None
        self.stop_requested = asyncio.Event()
        self.killed = False

    def _drop_prefix(self) -> list[str]:
        """As root, exec bwrap through `launcher --drop`, so runs use the unprivileged uid.

        Doing it in C rather than with Popen(user=...) keeps Python's fast vfork spawn.
        """
        if os.geteuid() != 0:
            return []
        policy = self.sandbox.policy
        launcher = str(self.sandbox.launcher_path)
        return [launcher, "--drop", str(policy.run_uid), str(policy.run_gid)]

    def _request_stop(self) -> None:
        self.stop_requested.set()

    def _signal_launcher(self, sig: int) -> None:
        if self.launcher_pidfd is not None:
            with contextlib.suppress(ProcessLookupError, OSError):
                signal.pidfd_send_signal(self.launcher_pidfd, sig)

    async def execute(self, bwrap_args: list[str]) -> RunOutcome:
        policy = self.sandbox.policy
        fds: list[int] = []

        def pipe() -> tuple[int, int]:
            r, w = os.pipe2(os.O_CLOEXEC)
            fds.extend((r, w))
            return r, w

        out_r, out_w = pipe()
        err_r, err_w = pipe()
        status_r, status_w = pipe()
        block_r, block_w = pipe()
        report_r, report_w = pipe()
        stdin_fd = _memfd_stdin(self.stdin)
        fds.append(stdin_fd)
        wall_ms = max(1, round(self.limits.wall_time_s * 1000))
        cgroup_memory = self.cgroup is not None
        argv = [
            *self._drop_prefix(),
            policy.bwrap,
            *bwrap_args,
            "--json-status-fd",
            str(status_w),
            "--block-fd",
            str(block_r),
            "--",
            *launcher_argv(
                policy.launcher_target,
                report_w,
                wall_ms,
                self.limits.rlimits(cgroup_memory=cgroup_memory),
                self.command,
            ),
        ]
        started = time.monotonic()
        stdout = stderr = None
        proc: subprocess.Popen[bytes] | None = None
        proc_fd: int | None = None
        try:
            proc = subprocess.Popen(  # noqa: ASYNC220 - fork+exec only; we never block on it
                argv,
                stdin=stdin_fd,
                stdout=out_w,
                stderr=err_w,
                pass_fds=(status_w, block_r, report_w),
                env={},
                cwd="/",
                close_fds=True,
                start_new_session=True,
            )
            proc_fd = os.pidfd_open(proc.pid)
            for fd in (out_w, err_w, status_w, block_r, report_w, stdin_fd):
                os.close(fd)
                fds.remove(fd)
            stdout = Capture(out_r, self.limits.output_bytes, self._request_stop)
            stderr = Capture(err_r, self.limits.stderr_bytes, self._request_stop)
            fds.remove(out_r)
            fds.remove(err_r)

            status = await self._read_status_line(status_r)
            if status is None:
                await wait_readable(proc_fd, 5.0)
                raise SandboxError(self._setup_failure(proc, stderr))
            launcher_pid = int(json.loads(status)["child-pid"])
            self.launcher_pidfd = os.pidfd_open(launcher_pid)
            if self.cgroup is not None:
                self.cgroup.attach(launcher_pid)
            os.write(block_w, b"1")
            os.close(block_w)
            fds.remove(block_w)

            await self._wait_exit(proc_fd)
            returncode = _reap(proc)
            await stdout.wait(1.0)
            await stderr.wait(1.0)
            elapsed_ms = round((time.monotonic() - started) * 1000)
            report = parse_report(read_available(report_r))
            status_tail = read_available(status_r)
            return self._outcome(report, status_tail, returncode, stdout, stderr, elapsed_ms)
        finally:
            if proc is not None and proc.returncode is None:
                # Cancelled or failed mid-run. Kill the sandbox's pid 1 before bwrap:
                # bwrap's child only arms its parent-death signal right before exec, so
                # killing bwrap alone could leave it to finish setup and run unwatched.
                self._abort(proc, status_r)
                await asyncio.shield(asyncio.to_thread(_reap, proc))
            for capture in (stdout, stderr):
                if capture is not None:
                    capture.close()
            for fd in (proc_fd, self.launcher_pidfd, *fds):
                if fd is not None:
                    with contextlib.suppress(OSError):
                        os.close(fd)

    async def _read_status_line(self, fd: int) -> bytes | None:
        """bwrap's first --json-status-fd line: the sandbox's pid 1, as seen from here."""
        data = b""
        deadline = time.monotonic() + 10.0
        while b"\n" not in data:
            left = deadline - time.monotonic()
            if left <= 0 or not await wait_readable(fd, left):
                return None
            chunk = read_available(fd, 4096)
            if not chunk:
                return None
            data += chunk
        return data.split(b"\n", 1)[0]

    async def _wait_exit(self, proc_fd: int) -> None:
        """Wait for bwrap to exit; stop on OLE, kill if the launcher overstays."""
        deadline = time.monotonic() + self.limits.wall_time_s + BACKSTOP_GRACE_S
        exited = asyncio.ensure_future(wait_readable(proc_fd))
        stop = asyncio.ensure_future(self.stop_requested.wait())
        try:
            while not exited.done():
                left = deadline - time.monotonic()
                if left <= 0:
                    self._kill()
                    deadline = time.monotonic() + 30.0
                    continue
                await asyncio.wait({exited, stop}, timeout=left, return_when="FIRST_COMPLETED")
                if stop.done() and not exited.done():
                    # Too much output: let the launcher stop the tree and report.
                    self._signal_launcher(signal.SIGTERM)
                    deadline = min(deadline, time.monotonic() + STOP_GRACE_S)
                    stop = asyncio.ensure_future(asyncio.Event().wait())
        finally:
            exited.cancel()
            stop.cancel()

    def _abort(self, proc: subprocess.Popen[bytes], status_r: int) -> None:
        """Synchronously kill everything this run started (cancellation-safe)."""
        if self.launcher_pidfd is None:
            # Setup not acknowledged yet: the child is blocked on --block-fd (we still
            # hold its write end), so its pid from the status line is safe to kill.
            ready, _, _ = select.select([status_r], [], [], 2.0)
            line = read_available(status_r, 4096).split(b"\n", 1)[0] if ready else b""
            with contextlib.suppress(ValueError, KeyError, ProcessLookupError):
                os.kill(int(json.loads(line)["child-pid"]), signal.SIGKILL)
        self._kill()
        with contextlib.suppress(ProcessLookupError):
            proc.kill()

    def _kill(self) -> None:
        self.killed = True
        self._signal_launcher(signal.SIGKILL)
        if self.cgroup is not None:
            for pid in self.cgroup.pids():
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)

    def _setup_failure(self, proc: subprocess.Popen[bytes], stderr: Capture | None) -> str:
        detail = bytes(stderr.data).decode(errors="replace").strip() if stderr else ""
        return f"bwrap failed to start (exit {proc.poll()}): {detail[-500:]}"

    def _outcome(
        self,
        report: LauncherReport | None,
        status_tail: bytes,
        returncode: int,
        stdout: Capture,
        stderr: Capture,
        elapsed_ms: int,
    ) -> RunOutcome:
        output_exceeded = stdout.exceeded or stderr.exceeded
        oom = self.cgroup is not None and self.cgroup.oom_kills() > 0
        if report is None:
            if self.killed or output_exceeded:
                return RunOutcome(
                    exit_code=None,
                    signal="SIGKILL",
                    cpu_ms=0,
                    wall_ms=elapsed_ms,
                    memory_kb=(self.cgroup.peak_bytes() // 1024) if self.cgroup else 0,
                    stdout=bytes(stdout.data),
                    stderr=bytes(stderr.data),
                    timed_out=self.killed and not output_exceeded,
                    output_exceeded=output_exceeded,
                    memory_exceeded=oom,
                )
            detail = bytes(stderr.data).decode(errors="replace").strip()[-500:]
            if b"exit-code" not in status_tail:
                raise SandboxError(f"sandbox setup failed (bwrap exit {returncode}): {detail}")
            raise SandboxError(f"sandbox launcher failed (exit {returncode}): {detail}")
        if report.status == "execfail":
            raise SandboxError(f"cannot execute {self.command[0]}: {os.strerror(report.value)}")
        signaled = report.status == "signaled"
        sig = _signal_name(report.value) if signaled else None
        cpu_ms = report.cpu_us // 1000
        limit_ms = self.limits.cpu_time_s * 1000
        memory_exceeded = oom or (
            self.cgroup is None and report.maxrss_kb > self.limits.memory_mb * 1024
        )
        return RunOutcome(
            exit_code=None if signaled else report.value,
            signal=sig,
            cpu_ms=cpu_ms,
            wall_ms=report.wall_us // 1000,
            memory_kb=report.maxrss_kb,
            stdout=bytes(stdout.data),
            stderr=bytes(stderr.data),
            timed_out=report.timed_out or cpu_ms > limit_ms or sig == "SIGXCPU" or self.killed,
            output_exceeded=output_exceeded or sig == "SIGXFSZ",
            memory_exceeded=memory_exceeded,
        )


def _reap(proc: subprocess.Popen[bytes]) -> int:
    """Reap bwrap (it has exited) and record it so Popen never waits on it again."""
    if proc.returncode is None:
        _, status = os.waitpid(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode
