"""A PostgreSQL restart under a running server, on a cluster of the test's own (initdb on a
free port, never the shared one): during the outage requests get a clear, retryable 503
(`database_unavailable`, JSON, Retry-After) and socket events a `database_unavailable` ack;
once the database is back, the same process serves again without a restart and nothing
written before the outage is lost."""

from __future__ import annotations

import asyncio
import glob
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import socketio

from tests.processes import ProcessGroup, base_env, call_json, free_port


def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).resolve().parent if initdb else None


class Cluster:
    """A throwaway PostgreSQL cluster run as the `postgres` user when we are root."""

    def __init__(self, root: Path, bindir: Path) -> None:
        self.dir, self.bin, self.port = root / "pgdata", bindir, free_port()
        self.prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def run(self, *args: str) -> None:
        subprocess.run([*self.prefix, *args], check=True, capture_output=True, timeout=60)

    def init(self) -> None:
        self.dir.mkdir(parents=True)
        if self.prefix:
            shutil.chown(self.dir, "postgres")
            shutil.chown(self.dir.parent, "postgres")
        self.run(str(self.bin / "initdb"), "-D", str(self.dir), "-A", "trust", "-U", "postgres")
        self.start()
        self.run(
            str(self.bin / "createdb"),
            "-h",
            "127.0.0.1",
            "-p",
            str(self.port),
            "-U",
            "postgres",
            "outage",
        )

    def start(self) -> None:
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.run(
            str(self.bin / "pg_ctl"),
            "-D",
            str(self.dir),
            "-o",
            options,
            "-w",
            "start",
            "-l",
            str(self.dir / "log"),
        )

    def stop(self) -> None:
        self.run(str(self.bin / "pg_ctl"), "-D", str(self.dir), "-m", "immediate", "-w", "stop")

    @property
    def url(self) -> str:
        return f"postgresql+asyncpg://postgres@127.0.0.1:{self.port}/outage"


@pytest.fixture
def cluster() -> Iterator[Cluster]:
    bindir = _pg_bin()
    if bindir is None or (os.geteuid() == 0 and shutil.which("runuser") is None):
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    # Not under pytest's tmp dir: the `postgres` user cannot enter root's 0700 folder.
    root = Path(tempfile.mkdtemp(prefix="codearena-pg-"))
    pg = Cluster(root, bindir)
    try:
        pg.init()
        yield pg
    finally:
        try:
            pg.stop()
        except subprocess.CalledProcessError:
            pass  # already stopped, or never started
        shutil.rmtree(root, ignore_errors=True)


@pytest.mark.timeout(240)
def test_a_postgresql_restart_gives_clear_errors_then_recovers(tmp_path: Path, cluster) -> None:
    group = ProcessGroup(
        tmp_path,
        base_env(
            CODEARENA_ENV="test",
            DATABASE_URL=cluster.url,
            CODEARENA_SECRET="outage-secret-" + "o" * 20,
            CODEARENA_AI_PROVIDER="offline",
        ),
    )
    loop = asyncio.new_event_loop()
    try:
        web = group.serve("web")
        account = {"email": "ola@example.com", "password": "correct-horse-9"}
        status, _, _ = call_json(
            "POST", web.url + "/api/auth/register", {**account, "display_name": "Ola"}
        )
        assert status == 201
        status, tokens, _ = call_json("POST", web.url + "/api/auth/login", account)
        assert status == 200
        token = tokens["access_token"]
        status, _, _ = call_json("PUT", web.url + "/api/users/me/profile", {"bio": "before"}, token)
        assert status == 200

        sio = socketio.AsyncClient(reconnection=False)
        loop.run_until_complete(
            sio.connect(web.url, auth={"token": token}, transports=["websocket"])
        )

        def join() -> dict:
            return loop.run_until_complete(
                sio.call("room:join", {"room": "no-such-room"}, timeout=20)
            )

        assert join()["error"]["code"] == "room_not_found"

        cluster.stop()
        ack = join()
        assert ack["ok"] is False and ack["error"]["code"] == "database_unavailable", ack
        status, body, headers = call_json("GET", web.url + "/api/problems")
        assert status == 503, body
        assert body["error"]["code"] == "database_unavailable"
        assert "try again" in body["error"]["message"] and headers.get("Retry-After") == "5"
        status, body, _ = call_json(
            "PUT", web.url + "/api/users/me/profile", {"bio": "lost"}, token
        )
        assert status in (401, 503), body  # the token check itself needs the database
        assert body["error"]["code"] in ("database_unavailable", "invalid_token"), body
        ready, body, _ = call_json("GET", web.url + "/api/health/ready")
        assert ready == 503 and body["checks"]["database"] != "ok"
        assert call_json("GET", web.url + "/api/health/live")[0] == 200

        cluster.start()
        deadline = time.monotonic() + 30
        while call_json("GET", web.url + "/api/problems")[0] != 200:
            assert time.monotonic() < deadline, "the server did not recover"
            time.sleep(0.3)
        status, body, _ = call_json("GET", web.url + "/api/users/me/profile", token=token)
        assert status == 200 and body["user"]["bio"] == "before"  # kept, and "lost" never stored
        assert join()["error"]["code"] == "room_not_found"  # the same socket, still connected
        assert web.popen.poll() is None, web.output()
        loop.run_until_complete(sio.disconnect())
    finally:
        group.stop_all()
        loop.close()
