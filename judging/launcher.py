"""The in-sandbox launcher (launcher.c): building it once, its arguments and its report.

The launcher is a ~400-line C program compiled on first use with the host's C compiler
and cached by content hash; a deployment without a compiler can ship the binary and pass
its path to `Sandbox(launcher=...)`.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from judging.errors import SandboxUnavailable

SOURCE_PATH = Path(__file__).with_name("launcher.c")


@dataclass(frozen=True)
class LauncherReport:
    """What the launcher saw: how the program ended and what the whole tree used."""

    status: str  # "exited", "signaled" or "execfail"
    value: int  # exit code, signal number or errno
    cpu_us: int
    maxrss_kb: int
    wall_us: int
    timed_out: bool
    stopped: bool
    cpu_exceeded: bool = False  # the whole run's CPU passed its budget (it was killed)
    cpu_source: str = "rusage"  # "cgroup": every process counted, auto-reaped ones too


def parse_report(data: bytes) -> LauncherReport | None:
    """Parse the launcher's one-line report; None if it never wrote one (it was killed)."""
    line = data.decode("ascii", "replace").strip().splitlines()
    if not line:
        return None
    fields = dict(part.split("=", 1) for part in line[-1].split() if "=" in part)
    try:
        return LauncherReport(
            status=fields["status"],
            value=int(fields["value"]),
            cpu_us=int(fields["cpu_us"]),
            maxrss_kb=int(fields["maxrss_kb"]),
            wall_us=int(fields["wall_us"]),
            timed_out=fields["timed_out"] == "1",
            stopped=fields["stopped"] == "1",
            cpu_exceeded=fields.get("cpu_exceeded") == "1",
            cpu_source=fields.get("cpu_source", "rusage"),
        )
    except (KeyError, ValueError):
        return None


def launcher_argv(
    launcher: str,
    report_fd: int,
    control_fd: int,
    wall_ms: int,
    rlimits: dict[str, int],
    command: list[str],
) -> list[str]:
    """The launcher's command line around `command`."""
    limits = [f"{key}={value}" for key, value in rlimits.items()]
    return [launcher, str(report_fd), str(control_fd), str(wall_ms), *limits, "--", *command]


def find_compiler() -> str | None:
    """The host C compiler used to build the launcher, if any."""
    for name in ("cc", "gcc", "clang"):
        path = shutil.which(name)
        if path:
            return path
    return None


def build_launcher(state_dir: Path) -> Path:
    """Compile launcher.c into `state_dir` (once per source version) and return its path.

    The binary lands under a private name first and is renamed into place, so concurrent
    judges on one host never execute a half-written file.
    """
    source = SOURCE_PATH.read_bytes()
    digest = hashlib.sha256(source).hexdigest()[:16]
    target = state_dir / f"launcher-{digest}"
    if target.is_file() and os.access(target, os.X_OK):
        return target
    compiler = find_compiler()
    if compiler is None:
        raise SandboxUnavailable(
            "no C compiler to build the sandbox launcher: install gcc or pass launcher="
        )
    partial = state_dir / f".launcher-{digest}-{os.getpid()}"
    result = subprocess.run(
        [compiler, "-O2", "-Wall", "-o", str(partial), str(SOURCE_PATH)],
        capture_output=True,
        timeout=120,
        check=False,
    )
    if result.returncode != 0:
        partial.unlink(missing_ok=True)
        message = result.stderr.decode(errors="replace")[-2000:]
        raise SandboxUnavailable(f"building the sandbox launcher failed: {message}")
    partial.chmod(0o755)
    partial.replace(target)
    return target
