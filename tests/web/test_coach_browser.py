"""The coach in real Chromium: an anonymous visitor reads a problem; a hint streams and stops."""

from __future__ import annotations

import pytest

from tests.web.harness import require_browser, run_script


@pytest.mark.timeout(180)
def test_coach_hint_streams_and_stops(tmp_path):
    require_browser()
    report = run_script(tmp_path, "coach.mjs", "anagram-classes")
    assert report["steps"] == [
        "an anonymous visitor reads the statement",
        "sign up and open the problem",
        "ask for a hint",
        "stop the answer",
        "ask again after it ended",
    ]
    assert report["status"] in ("cancelled", "complete")
    assert report["chars"] > 0
    assert report["streamed_lengths"] >= 2  # the text grew in steps, not all at once
