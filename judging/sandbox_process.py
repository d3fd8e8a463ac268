"""One bubblewrap sandbox as a process: built ahead of time, started on "go", collected.

Life of a SandboxProcess:
  spawn()   bwrap builds the namespaces and mounts and execs our launcher as pid 1, which
            parks on its control socket. We read the launcher's pid from bwrap's
            --json-status-fd and move it into a pooled run cgroup (memory, CPU); nothing
            has run yet, so nothing escapes accounting.
  go()      sends "go" with the program's stdin (a sealed memfd) and the cgroup's CPU usage
            file attached; the launcher starts the program and its clock, and kills the
            run when the CPU of all its processes passes the limit. We collect
            stdout/stderr with caps and wait for bwrap to exit, which happens only after
            pid 1 (and so every process in the namespace) is gone.
  discard() for a spare that is not needed: closing the control socket makes the
            launcher exit without running anything.
"""

from __future__ import annotations

import asyncio
import contextlib
import fcntl
import json
import os
import select
import signal
import socket
import subprocess
import time
from concurrent.futures import Executor
from pathlib import Path

from judging.capture import Capture, read_available, wait_readable
from judging.cgroups import CgroupPool, RunCgroup
from judging.errors import SandboxError
from judging.launcher import LauncherReport, launcher_argv, parse_report
from judging.sandbox_policy import MIB, Limits, SandboxPolicy

# Seconds past the wall limit before we stop trusting the launcher and kill from outside.
BACKSTOP_GRACE_S = 2.0
# Seconds a stopped run (too much output) gets to report before it is killed outright.
STOP_GRACE_S = 1.0
SPAWN_TIMEOUT_S = 10.0


def _signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"SIG{number}"


# No write, no resize, and no removing the seals: reopening /proc/self/fd/0 read-write
# inside the sandbox still cannot change the input.
STDIN_SEALS = fcntl.F_SEAL_WRITE | fcntl.F_SEAL_GROW | fcntl.F_SEAL_SHRINK | fcntl.F_SEAL_SEAL


def memfd_stdin(data: bytes) -> int:
    """A read-only fd holding `data`, sealed: no writer task, no pipe deadlock, seekable."""
    if not data:
        return os.open(os.devnull, os.O_RDONLY | os.O_CLOEXEC)
    fd = os.memfd_create("stdin", os.MFD_CLOEXEC | os.MFD_ALLOW_SEALING)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        fcntl.fcntl(fd, fcntl.F_ADD_SEALS, STDIN_SEALS)
        return os.open(f"/proc/self/fd/{fd}", os.O_RDONLY | os.O_CLOEXEC)
    finally:
        os.close(fd)


class SandboxProcess:
    """A sandbox that is built (spawn), then run once (go) or thrown away (discard)."""

    def __init__(
        self,
        policy: SandboxPolicy,
        launcher: Path,
        bwrap_args: list[str],
        command: list[str],
        limits: Limits,
        cgroups: CgroupPool | None,
        spawner: Executor,
    ) -> None:
        self.policy = policy
        self.spawner = spawner
        self.launcher = launcher
        self.bwrap_args = bwrap_args
        self.command = command
        self.limits = limits
        self.cgroups = cgroups
        self.cgroup: RunCgroup | None = None  # from the pool once the launcher is up
        self._entering: asyncio.Future[None] | None = None
        self.proc: subprocess.Popen[bytes] | None = None
        self.proc_fd: int | None = None
        self.launcher_pidfd: int | None = None
        self.killed = False
        self.killed_for_time = False
        self._stopping = False
        self._timers: list[asyncio.TimerHandle] = []
        self._fds: dict[str, int] = {}
        self._status = b""
        self._control: socket.socket | None = None

    # -- building --------------------------------------------------------------------

    async def spawn(self) -> None:
        """Start bwrap and wait until the launcher is parked in its cgroup.

        The blocking steps (vfork until exec, the cgroup move, which waits for an RCU
        grace period) run on the spawner thread so the event loop keeps serving other
        runs. That thread lives as long as the Sandbox: bwrap's --die-with-parent
        follows the thread that started it.
        """
        loop = asyncio.get_running_loop()
        spawning = loop.run_in_executor(self.spawner, self._spawn_process)
        try:
            await asyncio.shield(spawning)
            line = await self._read_status_line()
            if line is None:
                assert self.proc_fd is not None
                await wait_readable(self.proc_fd, 5.0)
                detail = read_available(self._fds["err_r"]).decode(errors="replace").strip()
                raise SandboxError(f"bwrap failed to start: {detail[-500:]}")
            launcher_pid = int(json.loads(line)["child-pid"])
            self.launcher_pidfd = os.pidfd_open(launcher_pid)
            if self.cgroups is not None:
                self._entering = loop.run_in_executor(self.spawner, self._enter, launcher_pid)
                await asyncio.shield(self._entering)
        except BaseException:
            # Cancelled or failed half-way: tear down in a task of its own, so a second
            # cancellation cannot cut the teardown short.
            await asyncio.shield(asyncio.ensure_future(self._teardown_spawn(spawning)))
            raise

    async def _teardown_spawn(self, spawning: asyncio.Future[None]) -> None:
        """Undo a partial spawn without leaving bwrap's child stuck.

        bwrap's child waits on an eventfd until its parent has set up the namespace;
        killing bwrap before that leaves the child blocked forever. So wait for the
        status line (written just before that release; normally within milliseconds)
        and kill the child by pid first.
        """
        with contextlib.suppress(BaseException):
            await spawning  # the spawner thread may still be starting bwrap
        if self._entering is not None:
            with contextlib.suppress(BaseException):
                await self._entering  # so that self.cgroup is set for the caller to release
        if self.launcher_pidfd is None and self.proc is not None and "status_r" in self._fds:
            line = await self._read_status_line()
            with contextlib.suppress(ValueError, KeyError, TypeError, OSError):
                self.launcher_pidfd = os.pidfd_open(int(json.loads(line or b"")["child-pid"]))
        await self.discard()  # kill, and wait until the processes are really gone

    def _enter(self, launcher_pid: int) -> None:
        """Take a run cgroup from the pool and move the parked launcher into it."""
        assert self.cgroups is not None
        self.cgroup = self.cgroups.acquire(self.limits.memory_mb * MIB)
        self.cgroup.attach(launcher_pid)

    def _spawn_process(self) -> None:
        for name in ("out", "err", "status", "report"):
            r, w = os.pipe2(os.O_CLOEXEC)
            self._fds[f"{name}_r"], self._fds[f"{name}_w"] = r, w
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self._control = ours
        self._fds["control_theirs"] = theirs.detach()
        fds = self._fds
        cgroup_memory = self.cgroups is not None and self.cgroups.memory is not None
        # cpu_us: the CPU budget of the whole run, enforced with the cgroup's usage file.
        launcher_limits = {
            **self.limits.rlimits(cgroup_memory=cgroup_memory),
            "cpu_us": round(self.limits.cpu_time_s * 1_000_000),
        }
        argv = [
            *self._drop_prefix(),
            self.policy.bwrap,
            *self.bwrap_args,
            "--json-status-fd",
            str(fds["status_w"]),
            "--",
            *launcher_argv(
                self.policy.launcher_target,
                fds["report_w"],
                fds["control_theirs"],
                max(1, round(self.limits.wall_time_s * 1000)),
                launcher_limits,
                self.command,
            ),
        ]
        self.proc = subprocess.Popen(
            argv,
            stdin=subprocess.DEVNULL,
            stdout=fds["out_w"],
            stderr=fds["err_w"],
            pass_fds=(fds["status_w"], fds["report_w"], fds["control_theirs"]),
            env={},
            cwd="/",
            close_fds=True,
            start_new_session=True,
        )
        self.proc_fd = os.pidfd_open(self.proc.pid)
        for name in ("out_w", "err_w", "status_w", "report_w", "control_theirs"):
            os.close(fds.pop(name))

    def _drop_prefix(self) -> list[str]:
        """As root, exec bwrap through `launcher --drop`, so runs use the unprivileged uid.

        Doing it in C rather than with Popen(user=...) keeps Python's fast vfork spawn.
        """
        if os.geteuid() != 0:
            return []
        return [str(self.launcher), "--drop", str(self.policy.run_uid), str(self.policy.run_gid)]

    async def _read_status_line(self) -> bytes | None:
        """bwrap's first status line (child pid); kept across calls if interrupted."""
        fd = self._fds["status_r"]
        deadline = time.monotonic() + SPAWN_TIMEOUT_S
        while b"\n" not in self._status:
            left = deadline - time.monotonic()
            if left <= 0 or not await wait_readable(fd, left):
                return None
            chunk = read_available(fd, 4096)
            if not chunk:
                return None
            self._status += chunk
        return self._status.split(b"\n", 1)[0]

    @property
    def alive(self) -> bool:
        """The parked launcher is still there (a spare can be used)."""
        if self.launcher_pidfd is None:
            return False
        ready, _, _ = select.select([self.launcher_pidfd], [], [], 0)
        return not ready

    async def discard(self) -> None:
        """Throw away an unused sandbox and wait until its processes are gone."""
        pidfds = [fd for fd in (self.launcher_pidfd, self.proc_fd) if fd is not None]
        pidfds = [os.dup(fd) for fd in pidfds]  # _abort closes the originals
        try:
            self._abort()
            for fd in pidfds:
                await wait_readable(fd, 2.0)
        finally:
            for fd in pidfds:
                os.close(fd)

    # -- running ---------------------------------------------------------------------

    async def go(self, stdin: bytes) -> RunOutcomeParts:
        """Run the program on `stdin` and collect how it went."""
        assert self.proc is not None and self.proc_fd is not None and self._control
        stdout = Capture(self._fds.pop("out_r"), self.limits.output_bytes, self._stop)
        stderr = Capture(self._fds.pop("err_r"), self.limits.stderr_bytes, self._stop)
        try:
            stdin_fd = memfd_stdin(stdin)
            try:
                cpu_fd = self.cgroup.cpu_fd if self.cgroup is not None else None
                fds = [stdin_fd] if cpu_fd is None else [stdin_fd, cpu_fd]
                socket.send_fds(self._control, [b"g"], fds)
            finally:
                os.close(stdin_fd)
            started = time.monotonic()
            await self._wait_exit()
            returncode = _reap(self.proc)
            await stdout.wait(1.0)
            await stderr.wait(1.0)
            elapsed_ms = round((time.monotonic() - started) * 1000)
            report = parse_report(read_available(self._fds["report_r"]))
            status_tail = read_available(self._fds["status_r"])
            return RunOutcomeParts(
                report,
                status_tail,
                returncode,
                stdout,
                stderr,
                elapsed_ms,
                killed=self.killed,
                killed_for_time=self.killed_for_time,
            )
        finally:
            stdout.close()
            stderr.close()
            self._abort()

    def _stop(self) -> None:
        """Too much output: the launcher stops the tree (and still reports), or else."""
        if self._stopping:
            return
        self._stopping = True
        self._signal_launcher(signal.SIGTERM)
        loop = asyncio.get_running_loop()
        self._timers.append(loop.call_later(STOP_GRACE_S, self._kill, False))

    async def _wait_exit(self) -> None:
        """Wait for bwrap to exit; kill from outside if the launcher overstays its limit."""
        assert self.proc_fd is not None
        loop = asyncio.get_running_loop()
        exited: asyncio.Future[None] = loop.create_future()

        def on_exit() -> None:
            if not exited.done():
                exited.set_result(None)

        loop.add_reader(self.proc_fd, on_exit)
        backstop = self.limits.wall_time_s + BACKSTOP_GRACE_S
        self._timers.append(loop.call_later(backstop, self._kill, True))
        try:
            await exited
        finally:
            loop.remove_reader(self.proc_fd)
            for timer in self._timers:
                timer.cancel()

    def _signal_launcher(self, sig: int) -> None:
        if self.launcher_pidfd is not None:
            with contextlib.suppress(ProcessLookupError, OSError):
                signal.pidfd_send_signal(self.launcher_pidfd, sig)

    def _kill(self, for_time: bool = False) -> None:
        """Kill everything from outside; `for_time` when the wall-clock backstop fired."""
        self.killed = True
        self.killed_for_time = self.killed_for_time or for_time
        self._signal_launcher(signal.SIGKILL)
        if self.proc is not None and self.proc.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                self.proc.kill()
        # No cgroup I/O here (event loop): pid 1's death takes the namespace with it, and
        # the pool kills any straggler in a worker thread before reusing the group.

    def _abort(self) -> None:
        """Synchronously end this sandbox and release everything (idempotent).

        Closing the control socket first means a launcher that has not started its
        program never will; then pid 1 is killed (the namespace dies with it) and bwrap
        is reaped in the background.
        """
        if self._control is not None:
            self._control.close()
            self._control = None
        proc = self.proc
        if proc is not None and proc.returncode is None:
            self._signal_launcher(signal.SIGKILL)
            with contextlib.suppress(ProcessLookupError):
                proc.kill()
            _reap_soon(proc)
        for fd in (self.proc_fd, self.launcher_pidfd, *self._fds.values()):
            if fd is not None:
                with contextlib.suppress(OSError):
                    os.close(fd)
        self.proc_fd = self.launcher_pidfd = None
        self._fds.clear()


class RunOutcomeParts:
    """Raw material of a RunOutcome, interpreted by Sandbox (which knows the limits)."""

    def __init__(
        self,
        report: LauncherReport | None,
        status_tail: bytes,
        returncode: int,
        stdout: Capture,
        stderr: Capture,
        elapsed_ms: int,
        *,
        killed: bool,
        killed_for_time: bool,
    ) -> None:
        self.report = report
        self.status_tail = status_tail
        self.returncode = returncode
        self.stdout = bytes(stdout.data)
        self.stderr = bytes(stderr.data)
        self.output_exceeded = stdout.exceeded or stderr.exceeded
        self.elapsed_ms = elapsed_ms
        self.killed = killed
        self.killed_for_time = killed_for_time

    @property
    def signal(self) -> str | None:
        if self.report is not None and self.report.status == "signaled":
            return _signal_name(self.report.value)
        return None


def _reap(proc: subprocess.Popen[bytes]) -> int:
    """Reap bwrap (it has exited) and record it so Popen never waits on it again."""
    if proc.returncode is None:
        _, status = os.waitpid(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
    return proc.returncode


def _reap_soon(proc: subprocess.Popen[bytes]) -> None:
    """Reap a killed bwrap without blocking the loop (it exits within milliseconds)."""
    try:
        pid, status = os.waitpid(proc.pid, os.WNOHANG)
    except ChildProcessError:
        proc.returncode = -signal.SIGKILL
        return
    if pid:
        proc.returncode = os.waitstatus_to_exitcode(status)
        return
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        _reap(proc)
        return
    loop.run_in_executor(None, _reap, proc)
