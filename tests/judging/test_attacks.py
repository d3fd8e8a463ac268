"""The hostile catalogue: every file in attacks/ judged in one long-lived judge.

Each attack must get its verdict, and after each one the invariants below must hold.
They are checked from the host, so a broken sandbox fails them even if the attack
program itself misreports: no process of the sandbox uid survives, no marker process,
no cgroup out on a run or holding a process, no workspace left, nothing reached the
loopback listener, no host file was written, and neither the server's secret nor
hidden-test data is in any payload.
"""

from __future__ import annotations

import asyncio
import json
import os
import secrets
import shutil
import tempfile
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import pytest_asyncio

import judging.sandbox
from judging.events import Event
from judging.pipeline import Judge
from judging.request import JudgeRequest, TestCase
from judging.sandbox import Sandbox
from judging.verdicts import Verdict
from tests.judging.conftest import HERE, started_sandbox

pytestmark = pytest.mark.asyncio(loop_scope="module")

ATTACKS = HERE / "attacks"
REPO = Path(judging.sandbox.__file__).resolve().parents[1]
EXTENSIONS = {".py": "python", ".c": "c", ".cpp": "cpp", ".java": "java", ".js": "javascript"}


@dataclass(frozen=True)
class Attack:
    file: str
    verdict: Verdict
    expected: str = "blocked\n"
    sequential: bool = False  # tests one after another (state must not carry over)
    slow: bool = False
    # Other verdicts that also mean "contained": a fork bomb that fills the run's memory
    # before its time is up is killed by the cgroup's OOM killer (MLE) rather than at the
    # time limit (TLE); which comes first depends on how loaded the machine is.
    also: tuple[Verdict, ...] = ()


CATALOGUE = [
    # processes and CPU
    Attack("fork_bomb.py", Verdict.TLE, slow=True, also=(Verdict.MLE,)),
    Attack("fork_bomb.c", Verdict.TLE, slow=True, also=(Verdict.MLE,)),
    Attack("thread_bomb.py", Verdict.RE),
    Attack("thread_bomb.cpp", Verdict.RE),
    Attack("infinite_loop.java", Verdict.TLE),
    Attack("thread_spin.java", Verdict.TLE),
    # CPU of every process counts, also where getrusage(RUSAGE_CHILDREN) cannot see it
    Attack("cpu_autoreaped.c", Verdict.TLE),
    Attack("cpu_autoreaped.py", Verdict.TLE),
    Attack("cpu_double_fork.c", Verdict.TLE),
    Attack("cpu_double_fork.py", Verdict.TLE),
    Attack("cpu_threads.c", Verdict.TLE),
    Attack("sleep_forever.py", Verdict.TLE, slow=True),
    Attack("daemon.py", Verdict.AC, "clean\n", sequential=True),
    Attack("kill_parent.py", Verdict.AC, "alive\n"),
    Attack("kill_parent.js", Verdict.AC, "alive\n"),
    Attack("system_exit.java", Verdict.RE, "bye\n"),
    # memory
    Attack("memory_heap.py", Verdict.MLE),
    Attack("memory_heap.cpp", Verdict.MLE),
    Attack("memory_heap.java", Verdict.MLE),
    Attack("mmap_bomb.c", Verdict.MLE),
    # Python 3.11 frames live on the heap, so unbounded recursion is a memory bomb.
    Attack("stack_deep.py", Verdict.MLE),
    Attack("stack_bomb.c", Verdict.RE),
    # output and files
    Attack("infinite_output.c", Verdict.OLE),
    Attack("infinite_output.js", Verdict.OLE),
    Attack("huge_file.c", Verdict.OLE),
    Attack("write_outside.py", Verdict.AC),
    Attack("tmp_leak.py", Verdict.AC, "clean\n", sequential=True),
    Attack("symlink_escape.py", Verdict.AC),
    # network
    Attack("net_loopback.py", Verdict.AC),
    Attack("dns_lookup.py", Verdict.AC),
    Attack("net_public.js", Verdict.AC),
    # secrets and host data
    Attack("read_secrets.py", Verdict.AC, "clean\n"),
    Attack("read_env.js", Verdict.AC, "clean\n"),
    Attack("read_host_files.py", Verdict.AC),
    Attack("read_shadow.c", Verdict.AC),
    Attack("exfiltrate_hidden.py", Verdict.RE),  # exit code as a side channel: not shown
    Attack("escape_namespaces.py", Verdict.AC),
    Attack("kernel_surface.py", Verdict.AC),
    Attack("compat_syscall.c", Verdict.RE),  # killed by SIGSYS
    Attack("stdin_write.py", Verdict.AC),  # sealed memfd, even reopened read-write
    Attack("proc_cmdline.py", Verdict.AC),
    # refused by the seccomp filter (EPERM), so the program itself prints "blocked"
    Attack("vsock_socket.c", Verdict.AC),
    Attack("netlink_xfrm.py", Verdict.AC),
    Attack("personality.c", Verdict.AC),
    Attack("modify_ldt.c", Verdict.AC),
    Attack("memfd_secret.c", Verdict.AC),
    Attack("seccomp_stack.c", Verdict.AC),
    # the compiler
    Attack("include_dev_zero.c", Verdict.CE),
    Attack("include_bomb.cpp", Verdict.CE),
    Attack("template_bomb.cpp", Verdict.CE, slow=True),
]


@dataclass
class Arena:
    judge: Judge
    sequential_judge: Judge
    sandbox: Sandbox
    config: bytes
    hidden_token: str
    secret: str
    marker: str
    pwned: Path
    connections: list[bytes]


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def arena(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Arena]:
    secret = "sk-" + secrets.token_hex(16)
    old_secret = os.environ.get("CODEARENA_TEST_SECRET")
    os.environ["CODEARENA_TEST_SECRET"] = secret  # the server's environment holds a secret
    tmp = tmp_path_factory.mktemp("arena")
    hidden_token = "HIDDEN-" + secrets.token_hex(8)
    tests_dir = tmp / "problem-tests"
    tests_dir.mkdir()
    (tests_dir / "02.in").write_text(hidden_token)
    (tests_dir / "02.out").write_text(hidden_token)
    database = tmp / "codearena.db"
    database.write_text("DATABASE " + secret)
    connections: list[bytes] = []

    async def on_connect(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        connections.append(await reader.read(100))
        writer.close()

    listener = await asyncio.start_server(on_connect, "127.0.0.1", 0)
    port = listener.sockets[0].getsockname()[1]
    marker = "codearena-daemon-" + secrets.token_hex(6)
    config = "\n".join(
        [
            f"port={port}",
            f"source={REPO / 'judging' / 'sandbox.py'}",
            f"database={database}",
            f"hidden={tests_dir / '02.out'}",
            f"repo={REPO}",
            f"pwned={tmp / 'pwned'}",
            f"marker={marker}",
        ]
    ).encode()
    # A state dir of its own (outside pytest's private tmp, which the sandbox uid could
    # not traverse), so "no workspace left" is exact.
    state_dir = Path(tempfile.gettempdir()) / f"codearena-arena-{os.getpid()}"
    sandbox = await started_sandbox(state_dir=state_dir)
    judge = Judge(sandbox)
    sequential = Judge(sandbox, concurrency=1)
    yield Arena(
        judge, sequential, sandbox, config, hidden_token, secret, marker, tmp / "pwned", connections
    )
    listener.close()
    await sandbox.close()
    shutil.rmtree(state_dir, ignore_errors=True)
    if old_secret is None:
        os.environ.pop("CODEARENA_TEST_SECRET", None)
    else:
        os.environ["CODEARENA_TEST_SECRET"] = old_secret


def _sandbox_uid_processes(uid: int) -> list[str]:
    """Live processes of the sandbox uid (zombies are dead; the host's init reaps them)."""
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(line.split(":", 1) for line in status.read_text().splitlines())
        except (OSError, ValueError):
            continue
        if fields["Uid"].split()[0] == str(uid) and not fields["State"].strip().startswith("Z"):
            found.append(fields["Name"].strip())
    return found


def _marker_processes(marker: str) -> list[str]:
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            if marker.encode() in cmdline.read_bytes():
                found.append(str(cmdline))
        except OSError:
            continue
    return found


def _params() -> list[object]:
    marks = {True: [pytest.mark.slow], False: []}
    return [pytest.param(a, id=a.file, marks=marks[a.slow]) for a in CATALOGUE]


async def test_catalogue_covers_every_attack_file() -> None:
    files = {p.name for p in ATTACKS.iterdir() if p.suffix in EXTENSIONS}
    assert files == {a.file for a in CATALOGUE}
    assert len(CATALOGUE) >= 25


@pytest.mark.parametrize("attack", _params())
async def test_attack_is_contained(arena: Arena, attack: Attack) -> None:
    path = ATTACKS / attack.file
    language = EXTENSIONS[path.suffix]
    hidden_input = arena.config + f"\nhidden_token={arena.hidden_token}\n".encode()
    tests = [
        TestCase("visible", arena.config, attack.expected.encode()),
        TestCase("secret-test-name", hidden_input, attack.expected.encode(), hidden=True),
    ]
    task = JudgeRequest(language, path.read_text(), tests, time_limit_s=1.0, memory_limit_mb=64)
    events: list[Event] = []

    async def collect(event: Event) -> None:
        events.append(event)

    judge = arena.sequential_judge if attack.sequential else arena.judge
    result = await judge.judge(task, collect)

    detail = json.dumps(result.as_payload(), default=str)[:1500]
    contained = (attack.verdict, *attack.also)
    assert result.verdict in contained, detail
    if attack.verdict is not Verdict.CE:
        assert all(t.verdict in contained for t in result.tests), detail
        assert len(result.tests) == 2, detail

    # Nothing secret in anything that leaves the judge.
    wire = json.dumps([e.as_payload() for e in events], default=str) + detail
    assert arena.secret not in wire
    assert arena.hidden_token not in wire
    assert "secret-test-name" not in wire
    hidden = result.as_payload()["tests"][1] if result.tests else {}
    assert set(hidden) <= {"index", "verdict", "time_ms", "memory_kb", "hidden"}

    # The host is untouched and the sandbox left nothing behind.
    assert not _sandbox_uid_processes(arena.sandbox.policy.run_uid)
    assert not _marker_processes(arena.marker)
    assert arena.connections == []
    assert not arena.pwned.exists()
    assert not (REPO / "PWNED").exists()
    assert not list((arena.sandbox.state_dir / "work").iterdir())
    if arena.sandbox.cgroups is not None:  # every run cgroup back in the pool, empty
        assert not arena.sandbox.cgroups.leftovers()


async def test_attack_programs_do_detect_an_unsandboxed_host(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The catalogue's probes are sensitive: run on the bare host (development mode),
    the read-only ones report the escape and the listener sees the connection."""
    monkeypatch.setenv("CODEARENA_TEST_SECRET", "visible-on-the-host")
    connections: list[bytes] = []

    async def on_connect(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        connections.append(await reader.read(100))
        writer.close()

    listener = await asyncio.start_server(on_connect, "127.0.0.1", 0)
    hidden = tmp_path / "02.out"
    hidden.write_text("HIDDEN")
    config = (
        f"port={listener.sockets[0].getsockname()[1]}\nsource={REPO / 'judging' / 'sandbox.py'}\n"
        f"database={tmp_path / 'db'}\nhidden={hidden}\nrepo={REPO}\n"
    ).encode()
    host = Sandbox(
        judging.sandbox.SandboxPolicy(bwrap=str(tmp_path / "no-bwrap")),
        state_dir=tmp_path / "state",
        allow_unsandboxed=True,
    )
    try:
        async with Judge(host) as bare:
            for name in ("read_host_files.py", "net_loopback.py", "read_secrets.py"):
                source = (ATTACKS / name).read_text()
                tests = [TestCase("1", config, b"blocked\n")]
                result = await bare.judge(JudgeRequest("python", source, tests, time_limit_s=5))
                assert result.verdict is Verdict.WA, (name, result.tests[0].actual)
    finally:
        listener.close()
    assert connections and set(connections) == {b"escaped"}


async def test_system_exit_code_is_reported(arena: Arena) -> None:
    source = (ATTACKS / "system_exit.java").read_text()
    task = JudgeRequest("java", source, [TestCase("1", b"", b"bye\n")], time_limit_s=2.0)
    result = await arena.judge.judge(task)
    assert result.verdict is Verdict.RE
    assert result.tests[0].exit_code == 3


async def test_normal_submission_still_accepted_after_catalogue(arena: Arena) -> None:
    """Runs last in this module: the judge that took every attack still works."""
    task = JudgeRequest(
        "python",
        "a, b = map(int, input().split())\nprint(a + b)\n",
        [TestCase("1", b"1 2\n", b"3\n"), TestCase("2", b"5 5\n", b"10\n", hidden=True)],
    )
    result = await arena.judge.judge(task)
    assert result.verdict is Verdict.AC
    assert result.score == 100.0
