"""Schemathesis against a real `codearena serve`: every check, a bounded number of examples.

Runs the CLI in a subprocess (its HTTP client is synchronous) against a server in
another process, signed in as an admin so the authoring and admin endpoints are reached too.
"""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from tests.processes import ProcessGroup, base_env

CONFIG = Path(__file__).with_name("schemathesis.toml")
MAX_EXAMPLES = 20  # per operation and phase: ~50 s on a 2-core machine


def _post(url: str, body: dict[str, Any]) -> dict[str, Any]:
    request = urllib.request.Request(
        url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=10) as resp:
        return json.loads(resp.read())


@pytest.fixture
def served(tmp_path: Path) -> Any:
    group = ProcessGroup(
        tmp_path,
        base_env(
            CODEARENA_ENV="test",
            DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path}/st.db",
            CODEARENA_SECRET="schemathesis-secret",
            CODEARENA_JUDGE_CONCURRENCY="1",
            CODEARENA_AI_PROVIDER="offline",
        ),
    )
    try:
        admin = group.start(
            "admin",
            "users",
            "create",
            "--email",
            "fuzz@example.com",
            "--display-name",
            "Fuzz",
            "--password",
            "correct-horse-9",
            "--admin",
        )
        assert admin.popen.wait(timeout=60) == 0, admin.output()
        yield group.serve("web")
    finally:
        group.stop_all()


@pytest.mark.timeout(300)
def test_schemathesis_finds_nothing(served: Any, tmp_path: Path) -> None:
    credentials = {"email": "fuzz@example.com", "password": "correct-horse-9"}
    token = _post(served.url + "/api/auth/login", credentials)["access_token"]
    st = Path(sys.executable).with_name("st")
    result = subprocess.run(
        [
            str(st),
            "--config-file",
            str(CONFIG),
            "run",
            served.url + "/api/openapi.json",
            "-H",
            f"Authorization: Bearer {token}",
            "--max-examples",
            str(MAX_EXAMPLES),
            "--phases",
            "examples,coverage,fuzzing",
            "--seed",
            "13",
            "--generation-database",
            "none",
            "--workers",
            "1",  # with a fixed seed, one worker makes the run repeatable
            "--no-color",
            "--request-timeout",
            "30",
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=280,
    )
    failures = result.stdout.partition("FAILURES")[2] or result.stdout
    tail = failures[:12000] + result.stderr[-2000:]
    assert result.returncode == 0, tail
    assert "Tested: " in result.stdout, tail
