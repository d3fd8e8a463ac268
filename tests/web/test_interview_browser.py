"""An interview in two browser contexts: the interviewer posts the problem, watches the
candidate's code arrive live, then replays it (web/e2e/interview.mjs)."""

from __future__ import annotations

import pytest

from tests.web.harness import require_browser, run_script


@pytest.mark.timeout(180)
def test_interview_live_and_its_playback(tmp_path):
    require_browser()
    report = run_script(tmp_path, "interview.mjs", "anagram-classes", "Anagram Classes")
    assert report["steps"] == [
        "interviewer and candidate sign up",
        "Ivy opens an interview room and posts the problem",
        "Cam joins by code and sees the problem",
        "Cam codes in a few edits; Ivy sees each one live",
        "the playback shows an earlier text and the final one",
    ]
    assert report["moments"] > 3  # the starter and at least one moment per edit
    first, middle, last = report["edits"]  # how many of the candidate's edits each moment holds
    assert first == 0 and first <= middle <= last == 3
