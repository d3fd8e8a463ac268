"""Accessibility and phone width over every page in real Chromium (web/e2e/a11y.mjs): axe-core
finds no WCAG 2.1 A/AA violation in the light or the dark theme, no page scrolls sideways at
390 px, the keyboard's first stop is the skip link to the content, and the editor is no
keyboard trap."""

from __future__ import annotations

import json

import pytest

from storage.content_catalog import load_catalog
from tests.web.harness import require_browser, run_script
from tests.web.test_admin_browser import ADMIN_EMAIL, ADMIN_PASSWORD, make_admin

PLAN = {
    "problem": "anagram-classes",
    "module": "arrays-and-hashing",
    "quiz": None,
    "company": "acme",
    "design": "url-shortener",
}


@pytest.mark.timeout(300)
def test_every_page_passes_axe_and_fits_a_phone(tmp_path):
    require_browser()
    catalog = load_catalog()
    plan = {**PLAN, "quiz": next(iter(sorted(catalog.quizzes)))}
    make_admin(f"sqlite+aiosqlite:///{tmp_path}/browser.db")
    report = run_script(
        tmp_path,
        "a11y.mjs",
        json.dumps(plan),
        timeout=270,
        script_env={"ADMIN_EMAIL": ADMIN_EMAIL, "ADMIN_PASSWORD": ADMIN_PASSWORD},
    )
    assert report["firstStop"] == {"text": "Skip to content", "visible": True}
    assert report["afterSkip"] == "#main"
    assert report["tabIndents"] is True and report["leftEditor"] is True
    assert report["reachedSubmit"] is True
    assert len(report["pages"]) == 27
    assert report["overflow"] == {}, report["overflow"]
    assert report["violations"] == {}, json.dumps(report["violations"], indent=1)
