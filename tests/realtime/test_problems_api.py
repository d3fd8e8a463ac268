"""Problems over REST: listing, filters, visibility, authoring and what never leaks."""

from __future__ import annotations

import pytest

SECRET_INPUT = "987654321 hidden-input-marker"
SECRET_OUTPUT = "hidden-output-marker"
# A reference that passes both tests (authoring judges it): the sum, or the hidden marker.
SECRET_SOLUTION = (
    "# reference-solution-marker\n"
    "line = input()\n"
    "print('hidden-output-marker' if 'marker' in line else sum(map(int, line.split())))\n"
)


def problem_body(slug: str = "sum-two", **overrides):
    body = {
        "slug": slug,
        "title": "Sum Two Numbers",
        "statement": "Read two integers and print their sum. Uses a binary search? No.",
        "difficulty": "easy",
        "topics": ["math"],
        "tags": ["basics"],
        "companies": ["Initech"],
        "visibility": "public",
        "hints": ["Add them."],
        "tests": [
            {"input": "1 2\n", "output": "3\n", "hidden": False},
            {"input": SECRET_INPUT, "output": SECRET_OUTPUT, "hidden": True},
        ],
        "reference_solutions": {"python": SECRET_SOLUTION},
    }
    body.update(overrides)
    return body


@pytest.fixture
async def author(make_account):
    return await make_account("author")


async def create(client, account, **overrides):
    resp = await client.post(
        "/api/problems", json=problem_body(**overrides), headers=account.headers
    )
    assert resp.status == 201, await resp.text()
    return (await resp.json())["problem"]


async def test_author_creates_and_anyone_reads_visible_tests_only(client, author):
    created = await create(client, author)
    assert created["examples"] == [
        {"name": "01", "input": "1 2\n", "output": "3\n", "explanation": ""}
    ]
    resp = await client.get("/api/problems/sum-two")
    assert resp.status == 200
    text = await resp.text()
    for secret in (SECRET_INPUT, SECRET_OUTPUT, "reference-solution-marker"):
        assert secret not in text
    assert (await resp.json())["problem"]["companies"] == ["initech"]


async def test_hidden_tests_never_leak_anywhere(client, author, make_account):
    await create(client, author)
    other = await make_account()
    urls = [
        "/api/problems",
        "/api/problems?q=sum",
        "/api/problems/sum-two",
        "/api/openapi.json",
    ]
    for headers in ({}, other.headers, author.headers):
        for url in urls:
            text = await (await client.get(url, headers=headers)).text()
            for secret in (SECRET_INPUT, SECRET_OUTPUT, "reference-solution-marker"):
                assert secret not in text, (url, headers)
    # Even the author's own write response omits hidden data and solutions.
    resp = await client.put(
        "/api/problems/sum-two", json=problem_body(title="Sum Two!"), headers=author.headers
    )
    assert resp.status == 200
    text = await resp.text()
    assert SECRET_OUTPUT not in text and "reference-solution-marker" not in text


async def test_list_filters_search_and_pagination(client, author):
    await create(
        client, author, slug="alpha-one", title="Alpha One", difficulty="easy", topics=["arrays"]
    )
    await create(
        client,
        author,
        slug="beta-two",
        title="Beta Two",
        difficulty="hard",
        topics=["graphs"],
        tags=["bfs"],
    )
    await create(
        client,
        author,
        slug="gamma-three",
        title="Gamma",
        difficulty="hard",
        statement="Find the widest valley in the terrain profile.",
        companies=["Globex"],
    )

    async def slugs(query):
        resp = await client.get("/api/problems" + query)
        assert resp.status == 200, await resp.text()
        data = await resp.json()
        return [p["slug"] for p in data["items"]], data["total"]

    assert await slugs("?difficulty=hard") == (["beta-two", "gamma-three"], 2)
    assert await slugs("?topic=graphs") == (["beta-two"], 1)
    assert await slugs("?tag=bfs") == (["beta-two"], 1)
    assert await slugs("?company=globex") == (["gamma-three"], 1)
    assert await slugs("?q=valley") == (["gamma-three"], 1)
    assert await slugs("?q=ALPHA") == (["alpha-one"], 1)
    assert await slugs("?q=100%25") == ([], 0)
    assert await slugs("?per_page=2&page=2") == (["gamma-three"], 3)
    assert await slugs("?per_page=2&page=9") == ([], 3)


async def test_private_problem_visible_to_author_and_admin_only(client, author, make_account):
    await create(client, author, visibility="private")
    stranger = await make_account()
    admin = await make_account("admin")
    assert (await client.get("/api/problems/sum-two", headers=stranger.headers)).status == 404
    assert (await client.get("/api/problems/sum-two")).status == 404
    assert (await client.get("/api/problems/sum-two", headers=author.headers)).status == 200
    assert (await client.get("/api/problems/sum-two", headers=admin.headers)).status == 200
    listing = await (await client.get("/api/problems", headers=stranger.headers)).json()
    assert listing["total"] == 0


async def test_only_owner_or_admin_may_edit(client, author, make_account):
    await create(client, author)
    rival = await make_account("author")
    user = await make_account()
    admin = await make_account("admin")
    resp = await client.put("/api/problems/sum-two", json=problem_body(), headers=rival.headers)
    assert resp.status == 403
    resp = await client.delete("/api/problems/sum-two", headers=rival.headers)
    assert resp.status == 403
    resp = await client.post("/api/problems", json=problem_body(slug="mine"), headers=user.headers)
    assert resp.status == 403
    resp = await client.post("/api/problems", json=problem_body(slug="mine"))
    assert resp.status == 401
    resp = await client.put(
        "/api/problems/sum-two", json=problem_body(title="Admin edit"), headers=admin.headers
    )
    assert resp.status == 200
    assert (await client.delete("/api/problems/sum-two", headers=author.headers)).status == 204
    assert (await client.get("/api/problems/sum-two")).status == 404


async def test_slug_conflicts_and_mismatch(client, author):
    await create(client, author)
    resp = await client.post("/api/problems", json=problem_body(), headers=author.headers)
    assert resp.status == 409
    resp = await client.put(
        "/api/problems/sum-two", json=problem_body(slug="other"), headers=author.headers
    )
    assert resp.status == 409
