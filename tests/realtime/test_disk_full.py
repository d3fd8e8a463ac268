"""The SQLite default on a full disk (a 4 MB tmpfs the test mounts and fills): a write gets a
clear 507 `storage_full` and nothing half-written; once space is freed the same process
writes again, and the database file passes SQLite's integrity check."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.processes import ProcessGroup, base_env, call_json


@pytest.fixture
def small_disk() -> Iterator[Path]:
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("mounting a small tmpfs needs root")
    where = Path(tempfile.mkdtemp(prefix="codearena-full-"))
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(where)], capture_output=True
    )
    if mounted.returncode != 0:
        where.rmdir()
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)
        shutil.rmtree(where, ignore_errors=True)


def _call(method: str, url: str, body: dict | None = None, token: str | None = None):
    return call_json(method, url, body, token)[:2]


def _fill(disk: Path) -> Path:
    filler = disk / "filler"
    with filler.open("wb") as out:
        try:
            while True:
                out.write(b"\0" * 65536)
                out.flush()
        except OSError:
            pass
    return filler


@pytest.mark.timeout(120)
def test_a_full_disk_gives_a_clear_error_and_no_corruption(tmp_path: Path, small_disk) -> None:
    db_file = small_disk / "codearena.db"
    group = ProcessGroup(
        tmp_path,
        base_env(
            CODEARENA_ENV="test",
            DATABASE_URL=f"sqlite+aiosqlite:///{db_file}",
            CODEARENA_SECRET="full-secret-" + "f" * 20,
            CODEARENA_LOAD_BANK="false",
            CODEARENA_AI_PROVIDER="offline",
        ),
    )
    try:
        web = group.serve("web")
        account = {"email": "fay@example.com", "password": "correct-horse-9"}
        status, _ = _call("POST", web.url + "/api/auth/register", {**account, "display_name": "F"})
        assert status == 201
        status, tokens = _call("POST", web.url + "/api/auth/login", account)
        token = tokens["access_token"]
        assert _call("PUT", web.url + "/api/users/me/profile", {"bio": "kept"}, token)[0] == 200

        filler = _fill(small_disk)
        big = "x" * 1900  # a write that needs new pages
        refused = 0
        for i in range(20):
            status, body = _call(
                "PUT", web.url + "/api/users/me/profile", {"bio": f"{i} {big}"}, token
            )
            if status == 200:
                continue  # a freed page could still take it
            assert status == 507, body
            assert body["error"]["code"] == "storage_full"
            assert "nothing was saved" in body["error"]["message"]
            refused += 1
            break
        assert refused == 1, "the full disk never refused a write"

        filler.unlink()
        status, body = _call("PUT", web.url + "/api/users/me/profile", {"bio": "after"}, token)
        assert status == 200, body
        status, body = _call("GET", web.url + "/api/users/me/profile", token=token)
        assert body["user"]["bio"] == "after"
        assert web.popen.poll() is None, web.output()
    finally:
        group.stop_all()
    with sqlite3.connect(db_file) as check:
        assert check.execute("PRAGMA integrity_check").fetchone() == ("ok",)
