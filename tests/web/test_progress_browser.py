"""A new learner's progress in real Chromium (web/e2e/progress.mjs): solve the daily challenge,
an achievement arrives live in the bell and is marked read, the dashboard counts it (solved,
streak, XP, heat-map, the challenge's history), the profile lists the achievement, the
leaderboard ranks her for herself and for another user."""

from __future__ import annotations

import pytest

from tests.web.harness import ROOT, require_browser, run_script

FALLBACK = "anagram-classes"  # used when the day's challenge has no Python reference solution


@pytest.mark.timeout(300)
def test_new_learner_sees_progress_notifications_and_rank(tmp_path):
    require_browser()
    report = run_script(
        tmp_path, "progress.mjs", str(ROOT / "content" / "problems"), FALLBACK, timeout=240
    )
    assert report["steps"] == [
        "sign up; the daily challenge is on the problem list",
        "an empty dashboard",
        "solve the daily challenge",
        "an achievement arrives live in the bell",
        "the dashboard counts it",
        "the profile shows the achievement",
        "the leaderboard shows her rank",
        "another user sees her on the board",
    ]
    assert report["missing"] == []  # every progress endpoint the pages use exists
    assert report["streak"] == "1 day"
    # The uPlot chart of the last 30 days counts the accepted submit, and says so in words.
    assert report["charted"]["accepted"] >= 1
    assert report["charted"]["submissions"] >= report["charted"]["accepted"]
    assert f"{report['charted']['accepted']} accepted" in report["caption"]
    assert report["rank"].startswith("#")
    assert "unread" in report["bell"]
    assert report["achievement"]
    assert "not on this board yet" in report["quinn"]
