"""The problem list cached in Redis when scaled: pages are served from the cache until a
problem write through the service drops them, per viewer, and never without Redis."""

from __future__ import annotations

import uuid

import pytest

from realtime.config import Settings
from realtime.keys import DATABASE
from storage.repositories import problems as problem_repo
from tests.conftest import SOCKETIO_CHANNEL, account_factory
from tests.realtime.test_problems_api import problem_body


@pytest.fixture
def scaled(settings: Settings, redis_url: str) -> Settings:
    return settings.model_copy(
        update={
            "redis_url": redis_url,
            "redis_prefix": f"cache-test-{uuid.uuid4().hex[:8]}",
            "socketio_channel": SOCKETIO_CHANNEL,
        }
    )


async def listed(http, headers=None) -> list[str]:
    resp = await http.get("/api/problems", params={"per_page": "50"}, headers=headers or {})
    assert resp.status == 200, await resp.text()
    return [p["slug"] for p in (await resp.json())["items"]]


async def insert_behind_its_back(app, draft) -> None:
    """A write that does not go through the service (what a command-line import does)."""
    async with app[DATABASE].session() as session:
        await problem_repo.create_problem(session, draft, author_id=None, source="bank")


async def test_pages_come_from_the_cache_until_a_write_drops_them(
    aiohttp_client, scaled, aplusb_draft
):
    from realtime.app import create_app

    http = await aiohttp_client(create_app(scaled))
    author = await account_factory(http)("author")
    assert await listed(http) == []

    # The empty page is cached: a problem written behind the service's back stays unseen...
    await insert_behind_its_back(http.server.app, aplusb_draft)
    assert await listed(http) == []
    # ...and a write through the service drops every cached page at once.
    resp = await http.post("/api/problems", json=problem_body(), headers=author.headers)
    assert resp.status == 201, await resp.text()
    assert sorted(await listed(http)) == ["a-plus-b", "sum-two"]

    # Viewers are cached apart: the author's private draft is in her list only.
    body = problem_body("secret-draft", visibility="private")
    assert (await http.post("/api/problems", json=body, headers=author.headers)).status == 201
    assert "secret-draft" in await listed(http, author.headers)
    assert "secret-draft" not in await listed(http)

    # Replacing and deleting drop the pages too.
    hidden = problem_body(visibility="private")
    assert (await http.put("/api/problems/sum-two", json=hidden, headers=author.headers)).ok
    assert await listed(http) == ["a-plus-b"]
    assert (await http.delete("/api/problems/secret-draft", headers=author.headers)).status == 204
    assert "secret-draft" not in await listed(http, author.headers)


async def test_without_redis_nothing_is_cached(client, aplusb_draft):
    assert await listed(client) == []
    await insert_behind_its_back(client.server.app, aplusb_draft)
    assert await listed(client) == ["a-plus-b"]
