"""`codearena worker --check`: the health check an orchestrator runs against real Redis."""

from __future__ import annotations

import signal
import subprocess
import sys
import time

from tests.processes import ProcessGroup, base_env


def check(env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "realtime", "worker", "--check"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
    )


def check_until(env: dict[str, str], returncode: int, within: float = 60.0):
    """Run the check until it gives `returncode` (a worker takes a moment to report in)."""
    deadline = time.monotonic() + within
    while True:
        result = check(env)
        if result.returncode == returncode or time.monotonic() > deadline:
            return result


def test_check_fails_without_a_worker_and_passes_while_one_runs(cluster: ProcessGroup):
    idle = check(cluster.env)
    assert idle.returncode == 1, idle.stdout + idle.stderr
    assert "no live workers" in idle.stdout

    worker = cluster.start("worker", "worker", "--concurrency", "1")
    alive = check_until(cluster.env, 0)
    assert alive.returncode == 0, alive.stdout + alive.stderr + worker.output()
    assert f":{worker.popen.pid} in_flight=0" in alive.stdout

    # A worker that stops cleanly takes its health key with it.
    worker.kill(signal.SIGTERM)
    assert worker.popen.returncode == 0, worker.output()
    gone = check(cluster.env)
    assert gone.returncode == 1 and "no live workers" in gone.stdout


def test_check_without_redis_explains_and_fails(tmp_path):
    env = base_env(DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path}/x.db")
    result = check(env)
    assert result.returncode == 1
    assert "no REDIS_URL" in result.stdout
