"""Run one web/e2e script against a real `codearena serve` and read its JSON report.

The browser is Debian's chromium driven by playwright-core. Skipped locally when chromium,
Node.js or the built client is missing; on CI any of them missing fails.
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


def missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return f"chromium not found at {CHROMIUM} (apt-get install chromium)"
    if shutil.which("node") is None:
        return "Node.js is not installed"
    if not (WEB / "node_modules" / "playwright-core").is_dir():
        return "web/node_modules is missing (cd web && npm ci)"
    if not (WEB / "dist" / "index.html").is_file():
        return "the client is not built (cd web && npm run build)"
    return None


def require_browser() -> None:
    reason = missing()
    if reason:
        if ON_CI:
            pytest.fail(reason)
        pytest.skip(reason)


def run_script(
    tmp_path: Path,
    script: str,
    *args: str,
    timeout: float = 120,
    server_env: dict[str, str] | None = None,
    script_env: dict[str, str] | None = None,
    shots_name: str | None = None,
) -> dict:
    """Serve the app, run `node e2e/<script> URL *args SHOTS/<name>`, return its report."""
    shots = SHOTS / (shots_name or Path(script).stem)
    shutil.rmtree(shots, ignore_errors=True)
    group = ProcessGroup(
        tmp_path,
        base_env(
            DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path}/browser.db",
            CODEARENA_SECRET="browser-secret-" + "b" * 32,
            CODEARENA_ENV="test",
            CODEARENA_WEB_DIST=str(WEB / "dist"),
        ),
    )
    web = group.serve("web", extra_env=server_env)
    try:
        proc = subprocess.run(
            ["node", f"e2e/{script}", web.url, *args, str(shots)],
            cwd=WEB,
            capture_output=True,
            text=True,
            timeout=timeout,
            env={**os.environ, "CHROMIUM": CHROMIUM, **(script_env or {})},
        )
    finally:
        group.stop_all()
    lines = proc.stdout.strip().splitlines()
    report = json.loads(lines[-1]) if lines else {}
    assert proc.returncode == 0 and report.get("ok"), (
        f"browser run failed (screenshots in {shots}):\n{json.dumps(report, indent=2)}\n"
        f"stderr:\n{proc.stderr[-3000:]}\nserver log:\n{web.output()[-3000:]}"
    )
    return report
