"""The sandbox policy as data, the launcher report, and test folders."""

from __future__ import annotations

from pathlib import Path

import pytest

from judging.launcher import parse_report
from judging.request import TestCase
from judging.sandbox_policy import DEFAULT_POLICY, MIB, Limits, Mount
from judging.testdata import read_tests_dir


def _args(**kw: object) -> list[str]:
    return DEFAULT_POLICY.bwrap_args(
        limits=Limits(),
        mounts=(Mount("/srv/ws-1", "/box"),),
        extra_binds=(),
        extra_env=(("EXTRA", "1"),),
        launcher_source="/srv/launcher",
        **kw,  # type: ignore[arg-type]
    )


def test_bwrap_args_isolate_everything() -> None:
    args = _args()
    for flag in ("--unshare-all", "--unshare-user", "--disable-userns", "--die-with-parent",
                 "--new-session", "--as-pid-1", "--clearenv"):  # fmt: skip
        assert flag in args
    joined = " ".join(args)
    assert "--ro-bind /usr /usr" in joined
    assert "--ro-bind /srv/ws-1 /box" in joined  # workspace read-only by default
    assert "--proc /proc" in joined and "--dev-bind /dev/null /dev/null" in joined
    assert "--dev " not in joined + " "  # no tty, pts or shm
    assert f"--size {64 * MIB} --tmpfs /tmp" in joined
    assert "--remount-ro /" in joined
    for forbidden in ("/etc/shadow", "/root", "/work", "/home", "--share-net", "/sys"):
        assert forbidden not in args
    env = [args[i + 1] for i, a in enumerate(args) if a == "--setenv"]
    assert env == ["PATH", "HOME", "TMPDIR", "LANG", "LC_ALL", "EXTRA"]


def test_writable_mount_and_cwd() -> None:
    args = DEFAULT_POLICY.bwrap_args(
        limits=Limits(tmpfs_mb=8),
        mounts=(Mount("/srv/ws", "/box", writable=True),),
        extra_binds=(),
        extra_env=(),
        launcher_source="/srv/launcher",
        cwd="/box",
    )
    assert "--bind /srv/ws /box" in " ".join(args)
    assert args[-2:] == ["--chdir", "/box"]


def test_rlimits() -> None:
    limits = Limits(cpu_time_s=1.5, memory_mb=128, processes=10)
    with_cgroup = limits.rlimits(cgroup_memory=True)
    assert with_cgroup["cpu"] == 2 and with_cgroup["nproc"] == 11 and with_cgroup["core"] == 0
    assert with_cgroup["stack"] == 128 * MIB
    assert "as" not in with_cgroup  # the cgroup limits memory precisely
    assert limits.rlimits(cgroup_memory=False)["as"] == 128 * MIB
    vm = Limits(limit_address_space=False)
    assert "as" not in vm.rlimits(cgroup_memory=False)


def test_parse_report() -> None:
    line = (
        b"status=signaled value=9 cpu_us=1500 maxrss_kb=2048 wall_us=9000 timed_out=1 stopped=0\n"
    )
    report = parse_report(line)
    assert report is not None
    assert (report.status, report.value, report.cpu_us, report.maxrss_kb) == (
        "signaled",
        9,
        1500,
        2048,
    )
    assert report.timed_out and not report.stopped
    assert parse_report(b"") is None
    assert parse_report(b"garbage\n") is None


def test_read_tests_dir(tmp_path: Path) -> None:
    for name, data in {"10.in": "c", "10.out": "C", "2.in": "b", "2.out": "B", "a.in": "x"}.items():
        (tmp_path / name).write_text(data)
    tests = read_tests_dir(tmp_path, hidden=True)
    assert tests == [
        TestCase("2", b"b", b"B", True),
        TestCase("10", b"c", b"C", True),
        TestCase("a", b"x", None, True),
    ]
    (tmp_path / "orphan.out").write_text("?")
    with pytest.raises(ValueError, match="orphan"):
        read_tests_dir(tmp_path)
