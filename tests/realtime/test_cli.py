"""The `codearena` command line, run as a real subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from storage.problem_package import BANK_DIR


def run(*args: str, db_url: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": db_url, "CODEARENA_SECRET": "cli-test-secret-" + "x" * 20}
    return subprocess.run(
        [sys.executable, "-m", "realtime", *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=env,
        timeout=180,
    )


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path}/cli.db"


def test_db_upgrade_import_and_users(sqlite_url):
    result = run("db", "upgrade", db_url=sqlite_url)
    assert result.returncode == 0, result.stderr
    one = sorted(p for p in BANK_DIR.iterdir() if (p / "problem.toml").exists())[0]
    result = run("problems", "import", str(one), db_url=sqlite_url)
    assert result.returncode == 0, result.stderr
    assert "1 new" in result.stdout
    result = run("problems", "import", str(one), db_url=sqlite_url)
    assert "1 updated" in result.stdout
    result = run(
        "users",
        "create",
        "--email",
        "root@example.com",
        "--admin",
        "--password-stdin",
        db_url=sqlite_url,
        stdin="a-strong-password-1\n",
    )
    assert result.returncode == 0, result.stderr
    assert "created admin root@example.com" in result.stdout
    again = run(
        "users",
        "create",
        "--email",
        "root@example.com",
        "--password-stdin",
        db_url=sqlite_url,
        stdin="a-strong-password-1\n",
    )
    assert again.returncode == 1 and "already exists" in again.stderr
    weak = run(
        "users",
        "create",
        "--email",
        "weak@example.com",
        "--password-stdin",
        db_url=sqlite_url,
        stdin="short\n",
    )
    assert weak.returncode == 2


def test_bad_arguments_exit_2(sqlite_url, tmp_path):
    assert run("nonsense", db_url=sqlite_url).returncode == 2
    broken = tmp_path / "broken"
    broken.mkdir()
    (broken / "problem.toml").write_text("slug = 'Not Valid'\n")
    result = run("problems", "import", str(broken), db_url=sqlite_url)
    assert result.returncode == 2 and "error" in result.stderr
