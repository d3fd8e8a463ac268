"""Two browser contexts in one pair room type at once, converge and see each other's cursor."""

from __future__ import annotations

import pytest

from tests.web.harness import require_browser, run_script


@pytest.mark.timeout(180)
def test_pair_room_converges_with_named_cursors(tmp_path):
    require_browser()
    report = run_script(tmp_path, "pair.mjs", "anagram-classes")
    assert report["steps"] == [
        "two people sign up",
        "Ann opens a pair room",
        "Ben joins by code and gets the document",
        "both type at once and converge",
        "each sees the other's named cursor",
        "chat both ways",
        "Ann's run shows on Ben's screen",
    ]
    assert report["verdict"]
