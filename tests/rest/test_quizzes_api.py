"""Quizzes over REST on both databases: timing, submit once, no answer leaks, history."""

from __future__ import annotations

import asyncio
import json
from datetime import timedelta

import pytest
from sqlalchemy import update

from realtime.keys import CONTENT, DATABASE
from storage.models import QuizAttempt, utcnow
from storage.quiz_grading import expected_answer, normalize_output

SLUG = "data-structures-basics"


def right_answers(quiz) -> dict:
    return {str(q.number): expected_answer(q) for q in quiz.questions}


async def start(client, account, slug: str = SLUG) -> dict:
    resp = await client.post(f"/api/quizzes/{slug}/attempts", headers=account.headers)
    assert resp.status == 201, await resp.text()
    return (await resp.json())["attempt"]


async def submit(client, account, attempt_id: int, answers: dict, status: int = 200) -> dict:
    resp = await client.post(
        f"/api/quiz-attempts/{attempt_id}/submit",
        json={"answers": answers},
        headers=account.headers,
    )
    assert resp.status == status, await resp.text()
    return await resp.json()


async def move_deadline(client, attempt_id: int, delta: timedelta) -> None:
    async with client.app[DATABASE].session() as s:
        await s.execute(
            update(QuizAttempt)
            .where(QuizAttempt.id == attempt_id)
            .values(deadline=utcnow() + delta)
        )


async def test_list_detail_start_submit_and_best_score(client, make_account):
    me = await make_account()
    resp = await client.get("/api/quizzes", headers=me.headers)
    assert resp.status == 200
    items = (await resp.json())["items"]
    assert len(items) >= 6
    listed = next(i for i in items if i["slug"] == SLUG)
    assert listed["attempts"] == 0 and listed["best_score"] is None and not listed["passed"]

    resp = await client.get(f"/api/quizzes/{SLUG}", headers=me.headers)
    quiz_body = (await resp.json())["quiz"]
    assert [q["number"] for q in quiz_body["questions"]] == list(range(1, 9))
    assert all(
        set(q) == {"number", "kind", "prompt", "choices", "code", "language"}
        for q in quiz_body["questions"]
    )

    attempt = await start(client, me)
    assert attempt["status"] == "in_progress" and attempt["results"] is None
    assert attempt["score"] is None and attempt["answers"] is None
    started = attempt["started_at"]
    assert attempt["deadline"] > started

    quiz = client.app[CONTENT].quizzes[SLUG]
    answers = right_answers(quiz)
    answers["1"] = (answers["1"] + 1) % len(quiz.questions[0].choices)  # one wrong
    done = (await submit(client, me, attempt["id"], answers))["attempt"]
    assert done["status"] == "submitted" and done["correct"] == 7 and done["total"] == 8
    assert done["score"] == 87.5 and done["passed"]
    assert [r["correct"] for r in done["results"]] == [False] + [True] * 7
    assert all(r["explanation"] for r in done["results"])
    assert done["results"][0]["expected"] == expected_answer(quiz.questions[0])

    second = await start(client, me)
    await submit(client, me, second["id"], {})
    resp = await client.get(f"/api/quizzes/{SLUG}/attempts", headers=me.headers)
    history = await resp.json()
    assert history["attempts"] == 2 and history["best_score"] == 87.5 and history["passed"]
    assert [a["id"] for a in history["items"]] == [second["id"], attempt["id"]]
    assert history["items"][0]["score"] == 0.0 and not history["items"][0]["passed"]

    resp = await client.get("/api/quizzes", headers=me.headers)
    listed = next(i for i in (await resp.json())["items"] if i["slug"] == SLUG)
    assert listed["attempts"] == 2 and listed["best_score"] == 87.5 and listed["passed"]


async def test_a_second_submit_is_refused(client, make_account):
    me = await make_account()
    attempt = await start(client, me)
    quiz = client.app[CONTENT].quizzes[SLUG]
    first = (await submit(client, me, attempt["id"], right_answers(quiz)))["attempt"]
    assert first["score"] == 100.0
    again = await submit(client, me, attempt["id"], {}, status=409)
    assert again["error"]["code"] == "attempt_closed"
    resp = await client.get(f"/api/quiz-attempts/{attempt['id']}", headers=me.headers)
    assert (await resp.json())["attempt"]["score"] == 100.0  # the first submit stands


async def test_a_submit_after_the_deadline_is_refused_and_the_attempt_expires(client, make_account):
    me = await make_account()
    attempt = await start(client, me)
    quiz = client.app[CONTENT].quizzes[SLUG]
    await move_deadline(client, attempt["id"], timedelta(minutes=-1))
    late = await submit(client, me, attempt["id"], right_answers(quiz), status=409)
    assert late["error"]["code"] == "attempt_expired"
    resp = await client.get(f"/api/quiz-attempts/{attempt['id']}", headers=me.headers)
    expired = (await resp.json())["attempt"]
    assert expired["status"] == "expired" and expired["score"] == 0.0 and not expired["passed"]
    assert expired["answers"] == {} and len(expired["results"]) == 8
    again = await submit(client, me, attempt["id"], {}, status=409)
    assert again["error"]["code"] == "attempt_closed"


async def test_an_attempt_left_open_past_its_deadline_reads_as_expired(client, make_account):
    me = await make_account()
    attempt = await start(client, me)
    await move_deadline(client, attempt["id"], timedelta(seconds=1))  # within the grace
    resp = await client.get(f"/api/quiz-attempts/{attempt['id']}", headers=me.headers)
    assert (await resp.json())["attempt"]["status"] == "in_progress"
    await move_deadline(client, attempt["id"], timedelta(seconds=-30))
    resp = await client.get(f"/api/quizzes/{SLUG}/attempts", headers=me.headers)
    history = await resp.json()
    assert history["items"][0]["status"] == "expired" and history["best_score"] == 0.0


async def test_answers_and_explanations_never_reach_the_client_before_submit(client, make_account):
    me = await make_account()
    catalog = client.app[CONTENT]
    bodies: list[str] = []

    async def keep(resp) -> dict:
        text = await resp.text()
        bodies.append(text)
        return json.loads(text)

    await keep(await client.get("/api/quizzes", headers=me.headers))
    for slug in catalog.quizzes:
        await keep(await client.get(f"/api/quizzes/{slug}", headers=me.headers))
        attempt = (
            await keep(await client.post(f"/api/quizzes/{slug}/attempts", headers=me.headers))
        )["attempt"]
        await keep(await client.get(f"/api/quiz-attempts/{attempt['id']}", headers=me.headers))
        await keep(await client.get(f"/api/quizzes/{slug}/attempts", headers=me.headers))
        await keep(
            await client.post(
                f"/api/quiz-attempts/{attempt['id']}/submit",
                json={"answers": {"99": 1}},
                headers=me.headers,
            )
        )
    explanations = [q.explanation for quiz in catalog.quizzes.values() for q in quiz.questions]
    outputs = {
        normalize_output(str(q.answer))
        for quiz in catalog.quizzes.values()
        for q in quiz.questions
        if q.kind == "code_output"
    }
    for body in bodies:
        assert '"expected"' not in body and '"explanation"' not in body
        assert not [e for e in explanations if json.dumps(e)[1:-1] in body]
        strings = {normalize_output(v) for v in string_values(json.loads(body))}
        assert not strings & outputs, strings & outputs


def string_values(value) -> list[str]:
    """Every string in a JSON document (values only)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in string_values(v)]
    if isinstance(value, list):
        return [s for v in value for s in string_values(v)]
    return []


async def test_someone_elses_attempt_is_not_found(client, make_account):
    me, other = await make_account(), await make_account()
    attempt = await start(client, me)
    resp = await client.get(f"/api/quiz-attempts/{attempt['id']}", headers=other.headers)
    assert resp.status == 404 and (await resp.json())["error"]["code"] == "attempt_not_found"
    late = await submit(client, other, attempt["id"], {}, status=404)
    assert late["error"]["code"] == "attempt_not_found"
    resp = await client.get(f"/api/quizzes/{SLUG}/attempts", headers=other.headers)
    assert (await resp.json())["items"] == []


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/api/quizzes"),
        ("GET", f"/api/quizzes/{SLUG}"),
        ("POST", f"/api/quizzes/{SLUG}/attempts"),
        ("GET", f"/api/quizzes/{SLUG}/attempts"),
        ("GET", "/api/quiz-attempts/1"),
        ("POST", "/api/quiz-attempts/1/submit"),
    ],
)
async def test_every_quiz_endpoint_needs_a_signed_in_user(client, method, path):
    resp = await client.request(method, path, json={"answers": {}})
    assert resp.status == 401 and (await resp.json())["error"]["code"] == "not_authenticated"


@pytest.mark.parametrize(
    ("method", "path", "code"),
    [
        ("GET", "/api/quizzes/no-such-quiz", "quiz_not_found"),
        ("POST", "/api/quizzes/no-such-quiz/attempts", "quiz_not_found"),
        ("GET", "/api/quizzes/no-such-quiz/attempts", "quiz_not_found"),
        ("GET", "/api/quiz-attempts/abc", "attempt_not_found"),
        ("GET", "/api/quiz-attempts/999999", "attempt_not_found"),
        ("GET", "/api/quizzes/" + "x" * 200, "quiz_not_found"),
    ],
)
async def test_unknown_quizzes_and_attempts_are_404(client, make_account, method, path, code):
    me = await make_account()
    resp = await client.request(method, path, headers=me.headers)
    assert resp.status == 404 and (await resp.json())["error"]["code"] == code


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        (b"not json", 400, "invalid_json"),
        ({"answers": []}, 422, "validation_error"),
        ({"answers": {}, "extra": 1}, 422, "validation_error"),
        ({"answers": {"1": {"a": 1}}}, 422, "validation_error"),
        ({"answers": {"99": 0}}, 422, "invalid_answers"),
        ({"answers": {"1": 17}}, 422, "invalid_answers"),
        ({"answers": {"1": True}}, 422, "invalid_answers"),
        ({"answers": {"3": "yes"}}, 422, "invalid_answers"),
    ],
)
async def test_bad_submissions_are_refused_and_leave_the_attempt_open(
    client, make_account, body, status, code
):
    me = await make_account()
    attempt = await start(client, me)
    kwargs = {"data": body} if isinstance(body, bytes) else {"json": body}
    resp = await client.post(
        f"/api/quiz-attempts/{attempt['id']}/submit", headers=me.headers, **kwargs
    )
    assert resp.status == status, await resp.text()
    assert (await resp.json())["error"]["code"] == code
    resp = await client.get(f"/api/quiz-attempts/{attempt['id']}", headers=me.headers)
    assert (await resp.json())["attempt"]["status"] == "in_progress"


async def test_two_submits_at_once_grade_the_attempt_once(client, make_account):
    me = await make_account()
    attempt = await start(client, me)
    quiz = client.app[CONTENT].quizzes[SLUG]

    async def send(answers: dict):
        resp = await client.post(
            f"/api/quiz-attempts/{attempt['id']}/submit",
            json={"answers": answers},
            headers=me.headers,
        )
        return resp.status, await resp.json()

    results = await asyncio.gather(send(right_answers(quiz)), send({}))
    statuses = sorted(status for status, _ in results)
    assert statuses == [200, 409], results
    winner = next(body for status, body in results if status == 200)["attempt"]
    resp = await client.get(f"/api/quiz-attempts/{attempt['id']}", headers=me.headers)
    assert (await resp.json())["attempt"]["score"] == winner["score"]
