"""Start-up without bubblewrap: one line saying what is missing, and serve still works.

CODEARENA_BWRAP points at a file that does not exist, which is what a host without the
bubblewrap package looks like to the judge.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import aiohttp
import pytest
import socketio

from tests.inbox import CONNECT_TIMEOUT
from tests.processes import ProcessGroup, base_env
from tests.sockets.test_scaled import login

INSTALL_HINT = "apt-get install bubblewrap"


@pytest.fixture
def no_bwrap_env(tmp_path: Path) -> dict[str, str]:
    return base_env(
        DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path}/nobwrap.db",
        CODEARENA_SECRET="no-sandbox-secret-" + "z" * 32,
        CODEARENA_ENV="test",
        CODEARENA_LOAD_BANK="false",
        CODEARENA_BWRAP=str(tmp_path / "missing" / "bwrap"),
    )


@pytest.fixture
def group(tmp_path: Path, no_bwrap_env: dict[str, str]) -> Iterator[ProcessGroup]:
    processes = ProcessGroup(tmp_path, no_bwrap_env)
    try:
        yield processes
    finally:
        processes.stop_all()


def test_judge_command_exits_2_with_one_line(tmp_path: Path, no_bwrap_env: dict[str, str]):
    source = tmp_path / "sum.py"
    source.write_text("a, b = map(int, input().split())\nprint(a + b)\n")
    tests = tmp_path / "tests"
    tests.mkdir()
    (tests / "1.in").write_text("1 2\n")
    (tests / "1.out").write_text("3\n")
    command = ["judge", str(source), "--language", "python", "--tests", str(tests)]
    result = subprocess.run(
        [sys.executable, "-m", "realtime", *command],
        capture_output=True,
        text=True,
        env=no_bwrap_env,
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 2, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "bubblewrap not found" in lines[0] and INSTALL_HINT in lines[0]
    assert result.stdout == ""


async def test_serve_starts_and_reports_the_judge_unavailable(group: ProcessGroup):
    server = group.serve("web")
    async with aiohttp.ClientSession() as http:
        async with http.get(server.url + "/api/health") as resp:
            assert resp.status == 200
            health = await resp.json()
        async with http.get(server.url + "/api/languages") as resp:
            assert resp.status == 200
            languages = (await resp.json())["languages"]
    assert health["status"] == "ok"
    assert health["components"]["judge"].startswith("unavailable: bubblewrap not found")
    assert INSTALL_HINT in health["components"]["judge"]
    assert languages and all(not lang["available"] for lang in languages)
    assert all(INSTALL_HINT in lang["reason"] for lang in languages)

    # The rest works (accounts, sockets); running code is refused with a clear error.
    me = await login(server.url)
    sio = socketio.AsyncClient(reconnection=False)
    await sio.connect(
        server.url, auth={"token": me.token}, transports=["websocket"], wait_timeout=CONNECT_TIMEOUT
    )
    try:
        ack = await sio.call(
            "code:execute",
            {"language": "python", "code": "print(1)", "mode": "run", "stdin": ""},
            timeout=10,
        )
    finally:
        await sio.disconnect()
    assert ack["ok"] is False
    assert ack["error"]["code"] == "judge_unavailable"
    assert INSTALL_HINT in ack["error"]["message"]

    output = server.output()
    assert "Traceback" not in output
    mentions = [line for line in output.splitlines() if "bubblewrap" in line]
    assert len(mentions) == 1, output


def test_worker_refuses_to_take_jobs(tmp_path: Path, no_bwrap_env: dict[str, str], redis_url: str):
    """A worker that cannot judge must not drain the shared queue into IE verdicts."""
    result = subprocess.run(
        [sys.executable, "-m", "realtime", "worker"],
        capture_output=True,
        text=True,
        env={**no_bwrap_env, "REDIS_URL": redis_url},
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and INSTALL_HINT in errors[0], result.stderr
