"""Companies over REST on both databases: preparation progress and weak topics from real solves."""

from __future__ import annotations

import pytest

from realtime.keys import CONTENT
from storage.quiz_grading import expected_answer
from tests.rest.learning import import_bank, reference, solve

COMPANY = "numera"


async def get_company(client, account, slug: str = COMPANY) -> dict:
    resp = await client.get(f"/api/companies/{slug}", headers=account.headers)
    assert resp.status == 200, await resp.text()
    return (await resp.json())["company"]


async def test_progress_and_weak_topics_follow_real_submissions(http, make_account_on):
    app = http.app
    company = app[CONTENT].companies[COMPANY]
    await import_bank(app, *company.problems)
    me = await make_account_on()

    fresh = await get_company(http, me)
    assert fresh["progress"]["solved"] == 0 and fresh["progress"]["total"] == 6
    assert all(p["available"] and not p["solved"] for p in fresh["problems"])
    assert fresh["process"] and fresh["name"] == "Numera"

    for slug in ("divisible-by-either", "step-climbing-ways"):
        assert await solve(http, me, slug, reference(slug)) == "AC"
    for _ in range(2):
        assert await solve(http, me, "prime-count-queries", "print(0)\n") != "AC"
    quiz_slug = company.quizzes[0]
    quiz = app[CONTENT].quizzes[quiz_slug]
    resp = await http.post(f"/api/quizzes/{quiz_slug}/attempts", headers=me.headers)
    attempt = (await resp.json())["attempt"]
    resp = await http.post(
        f"/api/quiz-attempts/{attempt['id']}/submit",
        json={"answers": {str(q.number): expected_answer(q) for q in quiz.questions}},
        headers=me.headers,
    )
    assert resp.status == 200

    body = await get_company(http, me)
    assert body["progress"] == {
        "solved": 2,
        "total": 6,
        "quizzes_passed": 1,
        "quizzes_total": len(company.quizzes),
    }
    assert {p["slug"] for p in body["problems"] if p["solved"]} == {
        "divisible-by-either",
        "step-climbing-ways",
    }
    topics = {
        t["topic"]: (t["total"], t["solved"], t["failed_submissions"]) for t in body["topics"]
    }
    assert topics == {
        "arrays": (1, 0, 0),
        "binary-search": (1, 0, 2),
        "dynamic-programming": (2, 1, 0),
        "math": (5, 1, 2),
    }
    assert [t["topic"] for t in body["weak_topics"]] == ["binary-search", "arrays", "math"]
    assert next(q for q in body["quizzes"] if q["slug"] == quiz_slug)["best_score"] == 100.0

    resp = await http.get("/api/companies", headers=me.headers)
    listed = {c["slug"]: c["progress"] for c in (await resp.json())["items"]}
    assert listed[COMPANY]["solved"] == 2
    assert listed["acme"]["solved"] == 1  # step-climbing-ways is on Acme's list too

    other = await make_account_on()
    assert (await get_company(http, other))["progress"]["solved"] == 0


async def test_the_list_names_every_company(client, make_account):
    me = await make_account()
    resp = await client.get("/api/companies", headers=me.headers)
    items = (await resp.json())["items"]
    assert len(items) >= 5
    assert all(c["progress"]["solved"] == 0 and c["progress"]["total"] > 0 for c in items)
    names = [c["name"] for c in items]
    assert names == sorted(names, key=str.lower)


async def test_problems_missing_from_this_server_are_listed_as_unavailable(client, make_account):
    me = await make_account()
    body = await get_company(client, me)
    assert body["problems"] and not any(p["available"] for p in body["problems"])
    assert body["topics"] == [] and body["weak_topics"] == []


@pytest.mark.parametrize("slug", ["no-such-company", "x" * 200, "ACME"])
async def test_an_unknown_company_is_404(client, make_account, slug):
    me = await make_account()
    resp = await client.get(f"/api/companies/{slug}", headers=me.headers)
    assert resp.status == 404 and (await resp.json())["error"]["code"] == "company_not_found"


async def test_unknown_query_parameters_are_refused(client, make_account):
    me = await make_account()
    resp = await client.get("/api/companies", params={"sort": "name"}, headers=me.headers)
    assert resp.status == 422 and (await resp.json())["error"]["code"] == "validation_error"


@pytest.mark.parametrize("path", ["/api/companies", f"/api/companies/{COMPANY}"])
async def test_every_company_endpoint_needs_a_signed_in_user(client, path):
    resp = await client.get(path)
    assert resp.status == 401 and (await resp.json())["error"]["code"] == "not_authenticated"
