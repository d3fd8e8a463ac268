"""Sandbox behaviour, one property per test, checked from outside where it matters."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import random
from pathlib import Path

import pytest

from judging import cgroups
from judging.errors import SandboxError, SandboxUnavailable
from judging.sandbox import Sandbox
from judging.sandbox_policy import MIB, Limits, SandboxPolicy
from tests.judging.conftest import started_sandbox

PY = ["/usr/bin/python3", "-S", "-E", "-c"]
FAST = Limits(cpu_time_s=1, wall_time_s=2, memory_mb=64)
# Children the kernel reaps by itself spin while their parent waits for them forever.
AUTO_REAPED_SPINNERS = (
    "import os, signal\nsignal.signal(signal.SIGCHLD, signal.SIG_IGN)\nr, w = os.pipe()\n"
    "for _ in range(4):\n    if os.fork() == 0:\n        while True: pass\n"
    "os.close(w)\nos.read(r, 1)\n"
)


def _uid_processes(uid: int) -> int:
    """Live processes of `uid` (zombies are dead; the host's init reaps them)."""
    count = 0
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines())
        except (OSError, ValueError):
            continue
        if fields["Uid"].split()[0] == str(uid) and not fields["State"].strip().startswith("Z"):
            count += 1
    return count


async def test_exit_code_stdin_and_streams(sandbox: Sandbox) -> None:
    code = (
        "import sys; d = sys.stdin.read(); print(d.upper());"
        "print('err', file=sys.stderr); sys.exit(4)"
    )
    out = await sandbox.run([*PY, code], stdin=b"hello", limits=FAST)
    assert (out.exit_code, out.signal) == (4, None)
    assert out.stdout == b"HELLO\n" and out.stderr == b"err\n"
    assert not (out.timed_out or out.output_exceeded or out.memory_exceeded)
    assert out.wall_ms < 1000 and out.memory_kb > 0


async def test_signal_is_named(sandbox: Sandbox) -> None:
    out = await sandbox.run([*PY, "import os, signal; os.kill(os.getpid(), signal.SIGSEGV)"])
    assert out.exit_code is None and out.signal == "SIGSEGV"


async def test_environment_and_identity(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CODEARENA_SECRET", "do-not-leak")
    code = (
        "import os; print(sorted(os.environ)); print(os.getuid(), os.getpid(), os.getppid());"
        "print(sorted(p for p in os.listdir('/proc') if p.isdigit()));"
        "print(os.access('/proc/1/environ', os.R_OK))"
    )
    out = await sandbox.run([*PY, code], limits=FAST)
    lines = out.stdout.decode().splitlines()
    assert lines[0] == "['HOME', 'LANG', 'LC_ALL', 'PATH', 'PWD', 'TMPDIR']"
    uid, pid, ppid = lines[1].split()
    assert uid != "0" and pid == "2" and ppid == "1"  # our launcher is pid 1
    assert lines[2] == "['1', '2']"  # nothing else is visible
    assert lines[3] == "False"  # the launcher is not dumpable: its /proc files are closed
    assert b"do-not-leak" not in out.stdout


async def test_wall_clock_limit(sandbox: Sandbox) -> None:
    out = await sandbox.run([*PY, "import time; time.sleep(30)"], limits=Limits(wall_time_s=0.5))
    assert out.timed_out and out.signal == "SIGKILL"
    assert 400 <= out.wall_ms < 1500


async def test_cpu_limit(sandbox: Sandbox) -> None:
    out = await sandbox.run([*PY, "while True: pass"], limits=Limits(cpu_time_s=0.5, wall_time_s=5))
    assert out.timed_out and out.signal in ("SIGXCPU", "SIGKILL")
    assert out.cpu_ms >= 500


async def test_output_limits(sandbox: Sandbox) -> None:
    flood = await sandbox.run(
        [*PY, "while True: print('x' * 999)"], limits=Limits(output_bytes=MIB)
    )
    assert flood.output_exceeded and len(flood.stdout) == MIB
    spam = await sandbox.run(
        [*PY, "import sys\nwhile True: sys.stderr.write('e' * 999)"],
        limits=Limits(stderr_bytes=4096),
    )
    assert spam.output_exceeded and len(spam.stderr) == 4096


async def test_memory_limit(sandbox: Sandbox) -> None:
    out = await sandbox.run([*PY, "x = bytearray(200 * 1024 * 1024)"], limits=FAST)
    assert out.memory_exceeded and out.exit_code != 0


async def test_memory_limit_without_cgroups() -> None:
    sandbox = await started_sandbox(use_cgroups=False)
    assert sandbox.cgroups is None
    out = await sandbox.run([*PY, "x = bytearray(200 * 1024 * 1024)"], limits=FAST)
    assert out.exit_code == 1 and b"MemoryError" in out.stderr  # RLIMIT_AS refused it
    ok = await sandbox.run([*PY, "x = bytearray(20 * 1024 * 1024); print(len(x))"], limits=FAST)
    assert ok.ok and ok.memory_kb > 20 * 1024


async def test_cpu_of_auto_reaped_children_counts_and_stops_the_run(sandbox: Sandbox) -> None:
    """Children the kernel reaps by itself never reach getrusage(RUSAGE_CHILDREN); the
    cgroup counts them, and the launcher kills the run at the limit, long before the
    wall limit (the parent would wait for them forever)."""
    if sandbox.cgroups is None or sandbox.cgroups.cpu is None:
        pytest.skip("no CPU cgroup on this host")
    limits = Limits(cpu_time_s=0.5, wall_time_s=60, memory_mb=64)
    out = await sandbox.run([*PY, AUTO_REAPED_SPINNERS], limits=limits)
    assert out.timed_out and out.signal == "SIGKILL"
    assert 500 <= out.cpu_ms < 5000, out  # the total, stopped near the limit
    assert _uid_processes(sandbox.policy.run_uid) == 0


def _own_v2_group() -> Path | None:
    own = cgroups._own_path(Path("/proc/self/cgroup").read_text(), None)
    roots = (cgroups.CGROUP_ROOT / "unified", cgroups.CGROUP_ROOT)
    base = next((r for r in roots if (r / "cgroup.controllers").exists()), None)
    return None if own is None or base is None else base / own.lstrip("/")


async def test_cpu_is_counted_with_a_cgroup_v2_group_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """Hosts with only cgroup v2: the CPU total comes from cpu.stat (usage_usec)."""
    v2 = _own_v2_group()
    if v2 is None:
        pytest.skip("no cgroup v2 hierarchy here")
    monkeypatch.setattr(cgroups, "_memory_root", lambda *args: None)
    monkeypatch.setattr(cgroups, "_cpu_root", lambda *args: (v2, "cpu.stat"))
    sandbox = await started_sandbox()
    try:
        if sandbox.cgroups is None:
            pytest.skip("cgroup v2 groups cannot be made here")
        assert sandbox.cgroups.memory is None and sandbox.cgroups.cpu_file == "cpu.stat"
        limits = Limits(cpu_time_s=0.5, wall_time_s=60, memory_mb=64)
        out = await sandbox.run([*PY, AUTO_REAPED_SPINNERS], limits=limits)
        assert out.timed_out and out.signal == "SIGKILL"
        assert 500 <= out.cpu_ms < 5000, out
        assert not sandbox.cgroups.leftovers()
    finally:
        await sandbox.close()
    assert _uid_processes(sandbox.policy.run_uid) == 0


async def test_pooled_cgroups_start_every_run_afresh(sandbox: Sandbox) -> None:
    """Runs one after another reuse one group, and nothing of a run carries over to
    the next: not its OOM kill, not its CPU, not its processes."""
    pool = sandbox.cgroups
    if pool is None:
        pytest.skip("no cgroups on this host")
    created = pool.created
    bomb = await sandbox.run([*PY, "x = bytearray(200 * 1024 * 1024)"], limits=FAST)
    assert bomb.memory_exceeded
    burn = await sandbox.run([*PY, "import time\nwhile time.process_time() < 0.4: pass"])
    assert burn.ok and burn.cpu_ms >= 400
    after = await sandbox.run([*PY, "print(1)"], limits=FAST)
    assert after.ok and not after.memory_exceeded and after.cpu_ms < 400
    assert pool.created == created  # the smoke test's group, reused three times
    assert not pool.leftovers()


async def test_file_size_limit_and_private_tmp(sandbox: Sandbox) -> None:
    code = "open('/tmp/f', 'wb').write(b'x' * (2 * 1024 * 1024))"
    out = await sandbox.run([*PY, code], limits=Limits(file_size_bytes=MIB))
    assert out.exit_code == 1 and b"File too large" in out.stderr
    again = await sandbox.run([*PY, "import os; print(os.listdir('/tmp'))"], limits=FAST)
    assert again.stdout == b"[]\n"


async def test_process_limit_is_per_sandbox(sandbox: Sandbox) -> None:
    """RLIMIT_NPROC counts per user namespace: four sandboxes at 12 tasks each all fit,
    though they share one host uid; a fork loop in one stops at its own limit."""
    code = (
        "import os, time\nkids = 0\n"
        "for _ in range(50):\n"
        "    try:\n        pid = os.fork()\n    except OSError:\n        break\n"
        "    if pid == 0:\n        time.sleep(1); os._exit(0)\n    kids += 1\n"
        "print(kids)"
    )
    limits = Limits(processes=12, wall_time_s=5)
    outs = await asyncio.gather(*(sandbox.run([*PY, code], limits=limits) for _ in range(4)))
    assert [o.stdout for o in outs] == [b"11\n"] * 4  # 12 tasks: itself + 11 children


async def test_background_processes_die_with_the_run(sandbox: Sandbox) -> None:
    code = (
        "import os, subprocess\n"
        "subprocess.Popen(['/usr/bin/sleep', '300'], start_new_session=True,"
        " stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\nprint('ok')"
    )
    out = await sandbox.run([*PY, code], limits=FAST)
    assert out.ok and out.stdout == b"ok\n"
    assert _uid_processes(sandbox.policy.run_uid) == 0


async def test_cancelled_run_leaves_nothing(sandbox: Sandbox) -> None:
    task = asyncio.ensure_future(sandbox.run([*PY, "import time; time.sleep(60)"]))
    await asyncio.sleep(0.3)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    pool = sandbox.cgroups
    for _ in range(100):  # a busy group is returned by an executor thread, soon after
        if _uid_processes(sandbox.policy.run_uid) == 0 and not (pool and pool.leftovers()):
            break
        await asyncio.sleep(0.02)
    assert _uid_processes(sandbox.policy.run_uid) == 0
    if pool is not None:
        assert not pool.leftovers()  # every group back in the pool, empty


async def test_cancellation_at_any_point_leaves_nothing(sandbox: Sandbox) -> None:
    """Cancel runs (and the spare builds they start) at random points of their life."""
    rng = random.Random(7)
    async with sandbox.workspace() as ws:
        for _ in range(60):
            run = asyncio.ensure_future(
                sandbox.run(["/usr/bin/sleep", "1"], mounts=(ws.mount(),), warm=True)
            )
            await asyncio.sleep(rng.uniform(0, 0.012))
            run.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await run
    for _ in range(50):
        if _uid_processes(sandbox.policy.run_uid) == 0:
            break
        await asyncio.sleep(0.02)
    assert _uid_processes(sandbox.policy.run_uid) == 0


async def test_workspace_is_read_only_unless_mounted_writable(sandbox: Sandbox) -> None:
    async with sandbox.workspace() as ws:
        (ws.path / "data.txt").write_text("hi")
        (ws.path / "data.txt").chmod(0o644)
        code = "open('/box/data.txt').read(); open('/box/new', 'w')"
        ro = await sandbox.run([*PY, code], mounts=(ws.mount(),), limits=FAST)
        assert ro.exit_code == 1 and b"Read-only file system" in ro.stderr
        rw = await sandbox.run([*PY, code], mounts=(ws.mount(writable=True),), limits=FAST)
        assert rw.ok and (ws.path / "new").exists()
    assert not ws.path.exists()


async def test_missing_program_is_a_sandbox_error(sandbox: Sandbox) -> None:
    with pytest.raises(SandboxError, match="No such file"):
        await sandbox.run(["/usr/bin/definitely-not-here"])


async def test_refuses_without_bwrap(tmp_path: Path) -> None:
    missing = SandboxPolicy(bwrap=str(tmp_path / "bwrap"))
    with pytest.raises(SandboxUnavailable, match="bubblewrap not found"):
        await Sandbox(missing, state_dir=tmp_path / "state").start()


async def test_unsandboxed_development_mode_warns_every_run(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    sandbox = Sandbox(
        SandboxPolicy(bwrap=str(tmp_path / "bwrap")),
        state_dir=tmp_path / "state",
        allow_unsandboxed=True,
    )
    with caplog.at_level(logging.WARNING, logger="judging.sandbox"):
        await sandbox.start()
        for _ in range(2):
            out = await sandbox.run([*PY, "import sys; print(sys.stdin.read())"], stdin=b"dev")
            assert out.ok and out.stdout == b"dev\n"
        slow = await sandbox.run(
            [*PY, "import time; time.sleep(30)"], limits=Limits(wall_time_s=0.3)
        )
    assert slow.timed_out
    assert not sandbox.sandboxed
    warnings = [r for r in caplog.records if "UNSANDBOXED RUN" in r.getMessage()]
    assert len(warnings) == 3
    assert any("SANDBOX DISABLED" in r.getMessage() for r in caplog.records)


async def test_unsandboxed_memory_is_the_programs_own_not_the_servers(tmp_path: Path) -> None:
    """A child forked from a big server inherits its peak RSS in ru_maxrss; the figure
    (and the MLE verdict) must be the program's own."""
    ballast = b"x" * (300 << 20)  # this process now has a > 256 MB peak RSS
    sandbox = Sandbox(
        SandboxPolicy(bwrap=str(tmp_path / "bwrap")),
        state_dir=tmp_path / "state",
        allow_unsandboxed=True,
    )
    await sandbox.start()
    small = await sandbox.run([*PY, "print(1)"], limits=Limits(memory_mb=256))
    big = await sandbox.run(
        [*PY, "x = b'y' * (400 << 20); print(len(x))"], limits=Limits(memory_mb=256)
    )
    missing = sandbox.run([str(tmp_path / "no-such-program")])
    assert len(ballast) == 300 << 20
    assert small.ok and small.stdout == b"1\n" and small.memory_kb < 100_000, small
    assert not big.ok, big
    with pytest.raises(FileNotFoundError):
        await missing


async def test_state_dir_must_be_private(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o777)
    with pytest.raises(SandboxUnavailable, match="unsafe"):
        await Sandbox(state_dir=shared).start()
