"""The problem editor in real Chromium (web/e2e/editor.mjs): language switch, Run with custom
input, an autosave conflict between two browsers resolved both ways, and a lost connection."""

from __future__ import annotations

import pytest

from content import PROBLEMS_DIR
from storage.problem_package import load_package
from tests.web.harness import require_browser, run_script

SLUG = "anagram-classes"


@pytest.mark.timeout(180)
def test_language_switch_custom_input_conflict_and_reconnect(tmp_path):
    require_browser()
    report = run_script(tmp_path, "editor.mjs", SLUG, timeout=150)
    assert report["steps"] == [
        "switch languages: each keeps its own text",
        "run with my own input",
        "a second browser saves first: the conflict is resolved both ways",
        "the connection drops: banner, text kept, saved once back",
    ]
    # The problem has a Python starter only: C++ opens on the client's stdin/stdout template.
    assert "cpp" not in load_package(PROBLEMS_DIR / SLUG).starter
    assert "int main()" in report["cpp"] and "cin" in report["cpp"]
    assert report["output"] == "42"
    assert "changed elsewhere" in report["conflictText"]
    assert "# edited in the second browser" in report["resolved"]
    assert "first browser" not in report["resolved"]
    assert report["bannerText"].startswith("Connection lost")
    assert report["runDisabled"] is True
