"""Three browser contexts in one contest see the scoreboard move when one solves a problem."""

from __future__ import annotations

import pytest

from tests.web.harness import ROOT, require_browser, run_script

SLUG = "anagram-classes"


@pytest.mark.timeout(180)
def test_three_contestants_see_the_scoreboard_move(tmp_path):
    require_browser()
    solution = ROOT / "content" / "problems" / SLUG / "solutions" / "reference.py"
    report = run_script(tmp_path, "contest.mjs", SLUG, str(solution))
    assert report["steps"] == [
        "three people sign up",
        "Alice creates a contest",
        "Bob and Carol join by code",
        "Alice starts it; the clock runs for all",
        "Alice submits an accepted solution",
        "everyone sees the scoreboard move",
        "Alice ends it; final standings for all",
    ]
    assert "Your rating" in report["rating_change"]
