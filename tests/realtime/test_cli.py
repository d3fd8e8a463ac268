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


def test_judge_cli_json_and_exit_codes(tmp_path, sqlite_url):
    import json

    tests = tmp_path / "tests"
    tests.mkdir()
    for name, given, want in (
        ("1", "1 2\n", "3\n"),
        ("2", "5 5\n", "11\n"),
        ("10", "0 0\n", "0\n"),
    ):
        (tests / f"{name}.in").write_text(given)
        (tests / f"{name}.out").write_text(want)
    source = tmp_path / "main.c"
    source.write_text(
        '#include <stdio.h>\nint main(){int a,b;scanf("%d %d",&a,&b);printf("%d\\n",a+b);}\n'
    )
    result = run(
        "judge", str(source), "--language", "c", "--tests", str(tests), "--json", db_url=sqlite_url
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["verdict"] == "WA" and report["score"] == 66.67
    assert [t["name"] for t in report["tests"]] == ["1", "2", "10"]  # natural order
    assert [t["verdict"] for t in report["tests"]] == ["AC", "WA", "AC"]
    assert set(report["tests"][0]) >= {"name", "verdict", "time_ms", "memory_kb"}

    broken = tmp_path / "broken.cpp"
    broken.write_text("int main( {")
    result = run(
        "judge",
        str(broken),
        "--language",
        "cpp",
        "--tests",
        str(tests),
        "--json",
        db_url=sqlite_url,
    )
    report = json.loads(result.stdout)
    assert (
        result.returncode == 0 and report["verdict"] == "CE" and "error" in report["compile_output"]
    )

    slug = "pair-sum-count"
    reference = BANK_DIR / slug / "solutions" / "reference.py"
    result = run(
        "judge",
        str(reference),
        "--language",
        "python",
        "--problem",
        slug,
        "--json",
        db_url=sqlite_url,
    )
    assert json.loads(result.stdout)["verdict"] == "AC"

    for bad in (
        ["judge", str(source), "--language", "cobol", "--tests", str(tests)],
        ["judge", str(source), "--language", "c", "--problem", "no-such-problem"],
        ["judge", str(tmp_path / "missing.c"), "--language", "c", "--tests", str(tests)],
        ["judge", str(source), "--language", "c"],
        ["judge", str(source), "--language", "c", "--tests", str(tests), "--problem", slug],
    ):
        assert run(*bad, db_url=sqlite_url).returncode == 2, bad


def test_problems_validate_rejects_a_wrong_reference(tmp_path, sqlite_url):
    import shutil

    copy = tmp_path / "pair-sum-count"
    shutil.copytree(BANK_DIR / "pair-sum-count", copy)
    ok = run("problems", "validate", str(copy), db_url=sqlite_url)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "0 failed" in ok.stdout
    (copy / "solutions" / "reference.py").write_text("print(0)\n")
    bad = run("problems", "validate", str(copy), db_url=sqlite_url)
    assert bad.returncode == 1 and "FAIL" in bad.stdout and "python" in bad.stdout
