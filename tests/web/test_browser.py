"""A new user in real Chromium against a real `codearena serve`: sign up, solve, reload, resume.

The browser is Debian's chromium driven by playwright-core (web/e2e/solve.mjs). Skipped
locally when chromium, Node.js or the built client is missing; on CI any of them missing fails.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.processes import ProcessGroup, base_env

ROOT = Path(__file__).resolve().parents[2]
WEB = ROOT / "web"
SHOTS = WEB / "e2e" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ON_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
SLUG = "anagram-classes"  # an easy bank problem with a Python reference solution


def _missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"chromium not found at {CHROMIUM} (apt-get install chromium)"
    if shutil.which("node") is None:
        return "Node.js is not installed"
    if not (WEB / "node_modules" / "playwright-core").is_dir():
        return "web/node_modules is missing (cd web && npm ci)"
    if not (WEB / "dist" / "index.html").is_file():
        return "the client is not built (cd web && npm run build)"
    return None


@pytest.fixture
def browser_ready() -> None:
    reason = _missing()
    if reason:
        if ON_CI:
            pytest.fail(reason)
        pytest.skip(reason)


@pytest.mark.timeout(300)
def test_new_user_signs_up_and_solves_an_easy_problem(browser_ready, tmp_path):
    group = ProcessGroup(
        tmp_path,
        base_env(
            DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path}/browser.db",
            CODEARENA_SECRET="browser-secret-" + "b" * 32,
            CODEARENA_ENV="test",
            CODEARENA_WEB_DIST=str(WEB / "dist"),
        ),
    )
    shutil.rmtree(SHOTS, ignore_errors=True)
    solution = ROOT / "content" / "problems" / SLUG / "solutions" / "reference.py"
    web = group.serve("web")
    try:
        proc = subprocess.run(
            ["node", "e2e/solve.mjs", web.url, SLUG, str(solution), str(SHOTS)],
            cwd=WEB,
            capture_output=True,
            text=True,
            timeout=240,
            env={**os.environ, "CHROMIUM": CHROMIUM},
        )
    finally:
        group.stop_all()
    lines = proc.stdout.strip().splitlines()
    report = json.loads(lines[-1]) if lines else {}
    assert proc.returncode == 0 and report.get("ok"), (
        f"browser run failed (screenshots in {SHOTS}):\n{json.dumps(report, indent=2)}\n"
        f"stderr:\n{proc.stderr[-3000:]}\nserver log:\n{web.output()[-3000:]}"
    )
    assert report["verdict"] == "AC"
    assert report["rows"] >= 1 and report["live"] == report["rows"]
    assert report["steps"] == [
        "sign up",
        "an expired access token is refreshed silently",
        "open the problem from the list",
        "type the solution",
        "autosave",
        "reload mid-edit keeps the text",
        "submit",
        "resume from another browser",
        "sign out",
    ]
