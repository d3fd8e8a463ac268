"""Authored problems are validated like generated ones: references are judged on every test."""

from __future__ import annotations

import pytest

from tests.realtime.test_problems_api import problem_body

SUM = "a, b = map(int, input().split())\nprint(a + b)\n"
TESTS = [
    {"input": "1 2\n", "output": "3\n", "hidden": False},
    {"input": "5 5\n", "output": "10\n", "hidden": True},
    {"input": "0 0\n", "output": "0\n", "hidden": True},
]


def body(slug: str = "sum-checked", **overrides):
    return problem_body(
        slug, **{"tests": TESTS, "reference_solutions": {"python": SUM}, **overrides}
    )


@pytest.fixture
async def author(make_account):
    return await make_account("author")


async def test_a_reference_that_prints_0_is_refused_with_the_failing_tests(client, author):
    resp = await client.post(
        "/api/problems",
        json=body(reference_solutions={"python": "print(0)\n"}),
        headers=author.headers,
    )
    assert resp.status == 422, await resp.text()
    error = (await resp.json())["error"]
    assert error["code"] == "reference_rejected"
    assert [(d["language"], d["test"], d["hidden"], d["verdict"]) for d in error["details"]] == [
        ("python", 1, False, "WA"),
        ("python", 2, True, "WA"),
    ]
    resp = await client.get("/api/problems/sum-checked", headers=author.headers)
    assert resp.status == 404  # nothing was stored


async def test_a_reference_that_does_not_compile_is_refused(client, author):
    resp = await client.post(
        "/api/problems",
        json=body(reference_solutions={"python": SUM, "c": "int main( {"}),
        headers=author.headers,
    )
    assert resp.status == 422
    details = (await resp.json())["error"]["details"]
    assert [(d["language"], d["test"], d["verdict"]) for d in details] == [("c", None, "CE")]
    assert details[0]["detail"]


async def test_a_passing_reference_is_stored_and_none_is_stored_unchecked(client, author):
    resp = await client.post("/api/problems", json=body(), headers=author.headers)
    assert resp.status == 201, await resp.text()
    resp = await client.post(
        "/api/problems",
        json=problem_body("no-reference", tests=TESTS, reference_solutions={}),
        headers=author.headers,
    )
    assert resp.status == 201, await resp.text()


async def test_a_replacement_with_a_failing_reference_leaves_the_problem_as_it_was(
    client, author, make_account
):
    assert (await client.post("/api/problems", json=body(), headers=author.headers)).status == 201
    changed = body(title="Changed title", reference_solutions={"python": "print(3)\n"})
    resp = await client.put("/api/problems/sum-checked", json=changed, headers=author.headers)
    assert resp.status == 422
    assert [d["test"] for d in (await resp.json())["error"]["details"]] == [2, 3]
    resp = await client.get("/api/problems/sum-checked", headers=author.headers)
    assert (await resp.json())["problem"]["title"] == "Sum Two Numbers"

    stranger = await make_account("author")
    resp = await client.put("/api/problems/sum-checked", json=changed, headers=stranger.headers)
    assert resp.status == 403  # refused before anything is judged

    fixed = body(title="Changed title")
    resp = await client.put("/api/problems/sum-checked", json=fixed, headers=author.headers)
    assert resp.status == 200 and (await resp.json())["problem"]["title"] == "Changed title"


async def test_a_taken_slug_is_refused_before_judging(client, author):
    assert (await client.post("/api/problems", json=body(), headers=author.headers)).status == 201
    resp = await client.post(
        "/api/problems",
        json=body(reference_solutions={"python": "print(0)\n"}),
        headers=author.headers,
    )
    assert resp.status == 409 and (await resp.json())["error"]["code"] == "slug_taken"
