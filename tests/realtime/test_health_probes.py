"""Liveness and readiness: /api/health/live never does I/O; /api/health/ready answers 503
while a dependency is down and 200 again once it is back, without restarting us. The Redis
outage is real: the test runs its own redis-server on a free port and kills it."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.processes import ProcessGroup, base_env, free_port


async def test_live_and_ready_on_one_process(client) -> None:
    live = await client.get("/api/health/live")
    assert live.status == 200 and (await live.json()) == {"status": "ok"}
    ready = await client.get("/api/health/ready")
    assert ready.status == 200, await ready.text()
    assert (await ready.json()) == {"status": "ok", "checks": {"database": "ok"}}


def _get(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=10) as resp:
            return resp.status, json.loads(resp.read())
    except urllib.error.HTTPError as exc:
        return exc.code, json.loads(exc.read())


def _until(url: str, status: int, within: float = 30.0) -> dict:
    deadline = time.monotonic() + within
    while True:
        code, body = _get(url)
        if code == status or time.monotonic() > deadline:
            assert code == status, body
            return body
        time.sleep(0.2)


def _redis_server(port: int, workdir: Path) -> subprocess.Popen:
    server = shutil.which("redis-server")
    assert server, "redis-server is needed for this test"
    proc = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        cwd=workdir,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while (
        subprocess.run(
            [shutil.which("redis-cli") or "redis-cli", "-p", str(port), "ping"],
            capture_output=True,
            text=True,
        ).stdout.strip()
        != "PONG"
    ):
        assert time.monotonic() < deadline and proc.poll() is None, "redis-server did not start"
        time.sleep(0.1)
    return proc


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[tuple[int, list[subprocess.Popen]]]:
    port = free_port()
    procs = [_redis_server(port, tmp_path)]
    yield port, procs
    for proc in procs:
        proc.kill()
        proc.wait()


@pytest.mark.timeout(180)
def test_ready_follows_a_redis_outage(tmp_path: Path, own_redis) -> None:
    port, procs = own_redis
    group = ProcessGroup(
        tmp_path,
        base_env(
            CODEARENA_ENV="test",
            DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path}/ready.db",
            CODEARENA_SECRET="ready-secret",
            REDIS_URL=f"redis://127.0.0.1:{port}/0",
            CODEARENA_SOCKETIO_CHANNEL=f"ready-{uuid.uuid4().hex}",
            CODEARENA_AI_PROVIDER="offline",
        ),
    )
    try:
        web = group.serve("web")
        ready = web.url + "/api/health/ready"
        body = _until(ready, 200)
        assert body["checks"] == {"database": "ok", "redis": "ok"}

        procs[0].kill()
        procs[0].wait()
        body = _until(ready, 503)
        assert body["status"] == "unavailable" and body["checks"]["redis"] != "ok"
        assert body["checks"]["database"] == "ok"
        assert _get(web.url + "/api/health/live") == (200, {"status": "ok"})

        procs.append(_redis_server(port, tmp_path))
        body = _until(ready, 200)
        assert body["checks"]["redis"] == "ok"
        assert web.popen.poll() is None, web.output()
    finally:
        group.stop_all()
