"""A new user in real Chromium against a real `codearena serve`: sign up, solve, reload, resume,
then the profile (own activity, edit, public view), sign out (web/e2e/solve.mjs)."""

from __future__ import annotations

import pytest

from tests.web.harness import ROOT, require_browser, run_script

SLUG = "anagram-classes"  # an easy bank problem with a Python reference solution


@pytest.mark.timeout(300)
def test_new_user_signs_up_and_solves_an_easy_problem(tmp_path):
    require_browser()
    solution = ROOT / "content" / "problems" / SLUG / "solutions" / "reference.py"
    report = run_script(tmp_path, "solve.mjs", SLUG, str(solution), timeout=240)
    assert report["verdict"] == "AC"
    assert report["rows"] >= 1 and report["live"] == report["rows"]
    assert report["steps"] == [
        "sign up",
        "an expired access token is refreshed silently",
        "open the problem from the list",
        "type the solution",
        "autosave",
        "reload mid-edit keeps the text",
        "submit",
        "resume from another browser",
        "profile: own activity, edit, public view",
        "sign out",
    ]
