"""Learning modules, a quiz and a company page in real Chromium (web/e2e/content.mjs): an item
marked done, a quiz answered against the server's clock and graded with explanations, and the
passed quiz counted by the module and by a company."""

from __future__ import annotations

import json
import re

import pytest

from storage.content_catalog import load_catalog
from storage.quiz_grading import expected_answer
from tests.web.harness import require_browser, run_script

MODULE, ITEM, COMPANY = "arrays-and-hashing", "lookup-not-search", "acme"


@pytest.mark.timeout(180)
def test_module_quiz_and_company_progress(tmp_path):
    require_browser()
    catalog = load_catalog()
    module = catalog.modules[MODULE]
    quiz_slug = next(i.quiz for i in module.items if i.kind == "quiz")
    quiz = catalog.quizzes[quiz_slug]
    assert quiz_slug in catalog.companies[COMPANY].quizzes
    answers = {
        str(q.number): {"kind": q.kind, "answer": expected_answer(q)} for q in quiz.questions
    }
    plan = {
        "module": MODULE,
        "item": ITEM,
        "quiz": quiz_slug,
        "company": COMPANY,
        "answers": answers,
    }
    report = run_script(tmp_path, "content.mjs", json.dumps(plan), timeout=150)
    total = len(module.items)
    assert report["before"].startswith(f"0/{total}")
    assert report["marked"].startswith(f"1/{total}")
    assert re.fullmatch(r"\d+:\d\d left", report["clock"])
    n = len(quiz.questions)
    percent = round(100 * (n - 1) / n)
    assert report["heading"] == (
        f"Passed: {n - 1} of {n} ({percent}%, pass mark {quiz.pass_mark}%)"
    )
    first = quiz.questions[0]
    assert report["wrongRow"].startswith("Wrong") and first.explanation in report["wrongRow"]
    assert report["after"].startswith(f"2/{total}")
    company = catalog.companies[COMPANY]
    assert f"1 of {len(company.quizzes)} quizzes passed" in report["companyProgress"]
    assert quiz.title in report["companyQuiz"]
    assert report["best"] == f"your best {percent}%"
