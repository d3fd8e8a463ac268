"""Development fallback: run a command directly on the host with rlimits only.

Used only when the caller passed allow_unsandboxed=True and bwrap cannot run. There is no
filesystem, network or process isolation here; the Sandbox logs a warning on every run.
Portable enough for a developer laptop (no pidfd, memfd or cgroups).

The command runs under a small Python trampoline that forks it and reports the
child's rusage: a child forked straight from this (large) process would inherit
its peak RSS in `ru_maxrss`, since Linux carries the old mm's high-water mark
across exec, and every program would look hundreds of MB big.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time

from judging.outcome import RunOutcome
from judging.sandbox_policy import Limits, Mount, SandboxPolicy

# argv[1] is the report fd, argv[2:] the command;
# the report fd receives "ok|execfail status maxrss_kb utime stime".
_TRAMPOLINE = """
import os, resource, sys
report = int(sys.argv[1])
pid = os.fork()
if pid == 0:
    os.close(report)
    try:
        os.execvp(sys.argv[2], sys.argv[2:])
    except OSError as exc:
        os.write(2, str(exc).encode())
        os._exit(127)
_, status = os.waitpid(pid, 0)
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
kind = "execfail" if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 127 else "ok"
os.write(report, f"{kind} {status} {ru.ru_maxrss} {ru.ru_utime} {ru.ru_stime}".encode())
os._exit(0)
"""

_RESOURCES = {
    "cpu": resource.RLIMIT_CPU,
    "as": getattr(resource, "RLIMIT_AS", None),
    "fsize": resource.RLIMIT_FSIZE,
    "nofile": resource.RLIMIT_NOFILE,
    "stack": resource.RLIMIT_STACK,
    "core": resource.RLIMIT_CORE,
}


async def run_unsandboxed(
    command: list[str],
    limits: Limits,
    stdin: bytes,
    mounts: tuple[Mount, ...],
    env: tuple[tuple[str, str], ...],
    cwd: str | None,
    policy: SandboxPolicy,
) -> RunOutcome:
    """Run `command` on the host with rlimits; same outcome shape as a sandboxed run."""
    rlimits = limits.rlimits(cgroup_memory=False)

    def set_limits() -> None:
        # Runs in the child between fork and exec; NPROC is left alone because on the
        # host it would count every process of this user.
        for key, value in rlimits.items():
            res = _RESOURCES.get(key)
            if res is not None:
                hard = value + 1 if key == "cpu" else value
                with contextlib.suppress(ValueError, OSError):
                    resource.setrlimit(res, (value, hard))

    with tempfile.TemporaryDirectory(prefix="codearena-run-") as tmp:
        run_env = dict(policy.env)
        run_env.update({"HOME": tmp, "TMPDIR": tmp})
        run_env.update(env)
        # Input from a file, not a pipe: a program that ignores stdin cannot deadlock us.
        input_path = os.path.join(tmp, ".stdin")
        with open(input_path, "wb") as f:  # noqa: ASYNC230 - small local file, dev mode
            f.write(stdin)
        started = time.monotonic()
        report_r, report_w = os.pipe()
        try:
            with open(input_path, "rb") as input_file:  # noqa: ASYNC230
                proc = subprocess.Popen(  # noqa: ASYNC220 - fork+exec only
                    [sys.executable, "-I", "-S", "-c", _TRAMPOLINE, str(report_w), *command],
                    stdin=input_file,
                    stdout=subprocess.PIPE,
                    stderr=subprocess.PIPE,
                    env=run_env,
                    cwd=cwd or tmp,
                    start_new_session=True,
                    pass_fds=(report_w,),
                    preexec_fn=set_limits,  # dev mode only: not thread-safe in general
                )
        except BaseException:
            os.close(report_r)
            raise
        finally:
            os.close(report_w)
        loop = asyncio.get_running_loop()
        waiter = loop.run_in_executor(None, os.wait4, proc.pid, 0)
        io = loop.run_in_executor(None, _communicate, proc, limits)
        timed_out = False
        try:
            async with asyncio.timeout(limits.wall_time_s):
                await asyncio.shield(waiter)
        except TimeoutError:
            timed_out = True
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
        _, status, usage = await waiter
        proc.returncode = os.waitstatus_to_exitcode(status)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        out, err, exceeded = await io
        with os.fdopen(report_r, "rb") as report_file:
            report = report_file.read().decode().split()
        wall_ms = round((time.monotonic() - started) * 1000)
    if report and report[0] == "execfail":
        raise FileNotFoundError(2, f"cannot run {command[0]}: {err.decode(errors='replace')}")
    if report:  # the program's own status and usage, measured by the trampoline
        status, maxrss = int(report[1]), int(report[2])
        cpu_ms = round((float(report[3]) + float(report[4])) * 1000)
    else:  # the trampoline itself was killed (timeout, output cap)
        maxrss = 0
        cpu_ms = round((usage.ru_utime + usage.ru_stime) * 1000)
    sig = signal.Signals(os.WTERMSIG(status)).name if os.WIFSIGNALED(status) else None
    return RunOutcome(
        exit_code=None if sig else os.WEXITSTATUS(status),
        signal=sig,
        cpu_ms=cpu_ms,
        wall_ms=wall_ms,
        memory_kb=maxrss,
        stdout=out,
        stderr=err,
        timed_out=timed_out or cpu_ms > limits.cpu_time_s * 1000 or sig == "SIGXCPU",
        output_exceeded=exceeded or sig == "SIGXFSZ",
        memory_exceeded=maxrss > limits.memory_mb * 1024,
    )


def _communicate(proc: subprocess.Popen[bytes], limits: Limits) -> tuple[bytes, bytes, bool]:
    """Blocking reads in a worker thread: both pipes, with caps."""
    import selectors

    assert proc.stdout and proc.stderr
    caps = {proc.stdout: limits.output_bytes, proc.stderr: limits.stderr_bytes}
    data = {proc.stdout: bytearray(), proc.stderr: bytearray()}
    exceeded = False
    with selectors.DefaultSelector() as sel:
        for stream in caps:
            sel.register(stream, selectors.EVENT_READ)
        while sel.get_map():
            for key, _ in sel.select():
                stream = key.fileobj
                chunk = os.read(stream.fileno(), 1 << 16)  # type: ignore[union-attr]
                if not chunk:
                    sel.unregister(stream)
                    continue
                data[stream] += chunk  # type: ignore[index]
                if len(data[stream]) > caps[stream]:  # type: ignore[index]
                    exceeded = True
                    with contextlib.suppress(ProcessLookupError):
                        os.killpg(proc.pid, signal.SIGKILL)
                    sel.unregister(stream)
    return (
        bytes(data[proc.stdout][: caps[proc.stdout]]),
        bytes(data[proc.stderr][: caps[proc.stderr]]),
        exceeded,
    )
