"""Learning modules over REST on both databases, with progress from real judged solves."""

from __future__ import annotations

import pytest

from realtime.keys import CONTENT
from storage.quiz_grading import expected_answer
from tests.rest.learning import import_bank, reference, solve

MODULE = "arrays-and-hashing"


async def get_module(client, account, slug: str = MODULE) -> dict:
    resp = await client.get(f"/api/modules/{slug}", headers=account.headers)
    assert resp.status == 200, await resp.text()
    return (await resp.json())["module"]


async def test_a_module_is_completed_by_real_solves_a_passed_quiz_and_marked_text(
    http, make_account_on
):
    app = http.app
    module = app[CONTENT].modules[MODULE]
    problems = [i.problem for i in module.items if i.kind == "problem"]
    await import_bank(app, *problems)
    me = await make_account_on()

    before = await get_module(http, me)
    assert before["progress"] == {"done": 0, "total": len(module.items), "completed": False}
    assert all(i["problem_available"] for i in before["items"] if i["kind"] == "problem")

    assert await solve(http, me, problems[0], "print(0)\n") != "AC"
    assert not any(i["done"] for i in (await get_module(http, me))["items"])

    for slug in problems:
        assert await solve(http, me, slug, reference(slug)) == "AC"
    after = await get_module(http, me)
    done = {i["id"]: i["done"] for i in after["items"]}
    assert all(done[i.id] for i in module.items if i.kind == "problem")
    assert after["progress"]["done"] == len(problems) and not after["progress"]["completed"]

    quiz_slug = next(i.quiz for i in module.items if i.kind == "quiz")
    quiz = app[CONTENT].quizzes[quiz_slug]
    resp = await http.post(f"/api/quizzes/{quiz_slug}/attempts", headers=me.headers)
    attempt = (await resp.json())["attempt"]
    answers = {str(q.number): expected_answer(q) for q in quiz.questions}
    resp = await http.post(
        f"/api/quiz-attempts/{attempt['id']}/submit", json={"answers": answers}, headers=me.headers
    )
    assert (await resp.json())["attempt"]["passed"]

    resp = await http.get("/api/modules", headers=me.headers)
    listed = {m["slug"]: m for m in (await resp.json())["items"]}
    assert not listed["two-pointers-and-windows"]["prerequisites_met"]

    for item in module.items:
        if item.kind in ("text", "example"):
            resp = await http.post(
                f"/api/modules/{MODULE}/items/{item.id}/done", headers=me.headers
            )
            assert resp.status == 200, await resp.text()
    final = (await resp.json())["module"]
    assert final["progress"] == {
        "done": len(module.items),
        "total": len(module.items),
        "completed": True,
    }
    resp = await http.get("/api/modules", headers=me.headers)
    listed = {m["slug"]: m for m in (await resp.json())["items"]}
    assert listed[MODULE]["progress"]["completed"]
    assert listed["two-pointers-and-windows"]["prerequisites_met"]

    other = await make_account_on()
    assert (await get_module(http, other))["progress"]["done"] == 0  # progress is per user


async def test_the_list_is_in_learning_order_with_prerequisites(client, make_account):
    me = await make_account()
    resp = await client.get("/api/modules", headers=me.headers)
    items = (await resp.json())["items"]
    assert [m["slug"] for m in items] == list(client.app[CONTENT].modules)
    assert len(items) >= 5
    first = items[0]
    assert first["prerequisites"] == [] and first["prerequisites_met"]
    assert any(not m["prerequisites_met"] for m in items[1:])


async def test_items_carry_their_content_and_problems_missing_here_say_so(client, make_account):
    me = await make_account()
    module = await get_module(client, me)
    kinds = {i["kind"]: i for i in module["items"]}
    assert kinds["text"]["body"].startswith("#") and kinds["text"]["markable"]
    assert kinds["example"]["code"] and kinds["example"]["language"] == "python"
    assert kinds["problem"]["problem_available"] is False  # the bank is not loaded in tests
    assert not kinds["problem"]["markable"] and kinds["problem"]["body"] is None
    assert kinds["quiz"]["quiz"] and kinds["quiz"]["title"]


async def test_marking_a_text_item_done_twice_is_harmless(client, make_account):
    me = await make_account()
    for _ in range(2):
        resp = await client.post(
            f"/api/modules/{MODULE}/items/lookup-not-search/done", headers=me.headers
        )
        assert resp.status == 200
    module = (await resp.json())["module"]
    assert module["progress"]["done"] == 1
    assert next(i for i in module["items"] if i["id"] == "lookup-not-search")["done"]


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        (f"/api/modules/{MODULE}/items/pair-sum-count/done", 409, "item_not_markable"),
        (f"/api/modules/{MODULE}/items/check/done", 409, "item_not_markable"),
        (f"/api/modules/{MODULE}/items/nope/done", 404, "item_not_found"),
        ("/api/modules/nope/items/lookup-not-search/done", 404, "module_not_found"),
        (f"/api/modules/{MODULE}/items/{'x' * 200}/done", 404, "item_not_found"),
    ],
)
async def test_marking_what_cannot_be_marked_is_refused(client, make_account, path, status, code):
    me = await make_account()
    resp = await client.post(path, headers=me.headers)
    assert resp.status == status and (await resp.json())["error"]["code"] == code


async def test_an_unknown_module_is_404(client, make_account):
    me = await make_account()
    resp = await client.get("/api/modules/no-such-module", headers=me.headers)
    assert resp.status == 404 and (await resp.json())["error"]["code"] == "module_not_found"
    resp = await client.get("/api/modules", params={"page": "2"}, headers=me.headers)
    assert resp.status == 422


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/api/modules"),
        ("GET", f"/api/modules/{MODULE}"),
        ("POST", f"/api/modules/{MODULE}/items/lookup-not-search/done"),
    ],
)
async def test_every_module_endpoint_needs_a_signed_in_user(client, method, path):
    resp = await client.request(method, path)
    assert resp.status == 401 and (await resp.json())["error"]["code"] == "not_authenticated"
