"""The coach in real Chromium: an anonymous visitor reads a problem; a hint streams and stops."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator

import pytest

from tests.processes import free_port
from tests.web.harness import ROOT, require_browser, run_script

STEPS = [
    "an anonymous visitor reads the statement",
    "sign up and open the problem",
    "ask for a hint",
    "stop the answer",
    "ask again after it ended",
]


@pytest.mark.timeout(180)
def test_offline_coach_hint_streams(tmp_path):
    """The built-in coach answers fast: the reply streams and ends (Stop may come too late);
    a mock interview ends with scored feedback."""
    require_browser()
    report = run_script(tmp_path, "coach.mjs", "anagram-classes")
    assert report["steps"] == [
        *STEPS,
        "mock interview: the first question streams",
        "answer, end, and get the scored feedback",
    ]
    assert 0 <= report["score"] <= 10
    assert report["status"] in ("cancelled", "complete")
    assert report["chars"] > 0
    assert report["streamed_lengths"] >= 2  # the text grew in steps, not all at once


@pytest.fixture
def slow_model() -> Iterator[str]:
    """tests/web/slow_model.py on a free port: 300 words at 20 per second."""
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "tests.web.slow_model", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 30
        while True:  # until it accepts connections
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the slow model server did not start") from None
                time.sleep(0.1)
        yield f"http://127.0.0.1:{port}/v1"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.mark.timeout(180)
def test_stop_ends_a_streaming_answer(tmp_path, slow_model):
    """A model streaming for 15 s: the person stops it after the first words; it stays stopped."""
    require_browser()
    report = run_script(
        tmp_path,
        "coach.mjs",
        "anagram-classes",
        server_env={
            "CODEARENA_AI_PROVIDER": "openai",
            "OPENAI_API_KEY": "sk-loopback",
            "OPENAI_BASE_URL": slow_model,
            "CODEARENA_AI_DAILY_TOKENS": "0",
        },
        script_env={"E2E_EXPECT_STOP": "1"},
        shots_name="coach-stop",
    )
    assert report["steps"] == STEPS
    assert report["stopped"] is True
    assert report["status"] == "cancelled"
    assert 0 < report["chars"] < len("stepNNN ") * 300  # part of the reply, not all of it
