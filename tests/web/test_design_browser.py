"""System design in real Chromium (web/e2e/design.mjs): draw with Excalidraw's own tools,
autosave, reload to the server's copy, submit and read the offline review."""

from __future__ import annotations

import re

import pytest

from tests.web.harness import require_browser, run_script


@pytest.mark.timeout(180)
def test_draw_save_reload_and_review_a_design(tmp_path):
    require_browser()
    report = run_script(tmp_path, "design.mjs", timeout=150)
    assert report["steps"] == [
        "sign up and find the system-design problems",
        "open the URL shortener and draw two boxes and an arrow",
        "the board saves to the server",
        "reload: the drawing comes back from the server",
        "submit and read the review",
    ]
    assert report["listed"] >= 6
    assert "URL shortener" in report["title"]
    assert report["drawn"] >= 5
    # The board's fonts come from our own dist/fonts, not Excalidraw's CDN.
    assert report["foreign"] == [], report["foreign"]
    assert report["fonts"] >= 1
    score = int(re.fullmatch(r"Review: (\d+)/100", report["heading"]).group(1))
    # Two of the expected components, joined: credit for them, far from a pass.
    assert 0 < score < 60, report
    assert (
        "Missing:" in report["review"]
        and "Load balancer" not in report["review"].split("Missing:")[1]
    )
