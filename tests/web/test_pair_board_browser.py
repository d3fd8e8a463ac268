"""The pair room's shared drawing board in real Chromium (web/e2e/pairboard.mjs): two people
draw on one Excalidraw board bound to the room's Y.Map("scene"), both boards end with both
shapes, and the server's copy reads both labels."""

from __future__ import annotations

import pytest

from tests.web.harness import require_browser, run_script


@pytest.mark.timeout(180)
def test_two_people_draw_on_one_board(tmp_path):
    require_browser()
    report = run_script(tmp_path, "pairboard.mjs", "anagram-classes", timeout=150)
    assert report["steps"] == [
        "Ann opens a pair room and its board; Ben joins and opens his",
        "each draws a labelled box; both boards hold both",
        "the server's copy of the drawing reads both labels",
    ]
    # Two rectangles and their two bound labels on each board, the same on both.
    assert report["ann"] == report["ben"] >= 4
    scene = report["scene"]
    labels = {e.get("text") for e in scene["elements"] if e.get("type") == "text"}
    assert {"Load balancer", "Cache"} <= labels
    assert "Load balancer" in scene["diagram"] and "Cache" in scene["diagram"]
