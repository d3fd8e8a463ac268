"""The browser client's static files at `/`: caching headers, SPA fallback, and no build."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from realtime.app import create_app
from realtime.config import load_settings
from realtime.rest.webclient import IMMUTABLE, NO_CACHE

INDEX = "<!doctype html><title>CodeArena</title><div id=root></div>"
ASSET = "console.log('client');"


def _settings(tmp_path: Path, dist: Path) -> Any:
    return load_settings(
        env="test",
        database_url=f"sqlite+aiosqlite:///{tmp_path}/web.db",
        secret="web-secret-" + "w" * 32,
        load_bank=False,
        redis_url=None,
        ai_provider="offline",
        web_dist=dist,
    )


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    root = tmp_path / "dist"
    (root / "assets").mkdir(parents=True)
    (root / "index.html").write_text(INDEX)
    (root / "assets" / "index-Ab12Cd.js").write_text(ASSET)
    (root / "favicon.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    (tmp_path / "secret.txt").write_text("outside the build")
    return root


@pytest.fixture
async def built(aiohttp_client: Any, tmp_path: Path, dist: Path) -> Any:
    return await aiohttp_client(create_app(_settings(tmp_path, dist)))


@pytest.fixture
async def unbuilt(aiohttp_client: Any, tmp_path: Path) -> Any:
    return await aiohttp_client(create_app(_settings(tmp_path, tmp_path / "no-such-dist")))


async def test_index_is_served_at_root_and_revalidated(built):
    resp = await built.get("/")
    assert resp.status == 200
    assert resp.headers["Cache-Control"] == NO_CACHE
    assert resp.content_type == "text/html"
    assert await resp.text() == INDEX


async def test_hashed_assets_are_cached_for_a_year(built):
    resp = await built.get("/assets/index-Ab12Cd.js")
    assert resp.status == 200
    assert resp.headers["Cache-Control"] == IMMUTABLE
    assert await resp.text() == ASSET
    missing = await built.get("/assets/index-missing.js")
    assert missing.status == 404


async def test_client_routes_fall_back_to_index(built):
    for path in ("/problems", "/problems/two-sum", "/signin?next=%2Fproblems"):
        resp = await built.get(path)
        assert resp.status == 200, path
        assert resp.headers["Cache-Control"] == NO_CACHE
        assert await resp.text() == INDEX


async def test_other_files_of_the_build_are_served(built):
    resp = await built.get("/favicon.svg")
    assert resp.status == 200
    assert resp.content_type == "image/svg+xml"


async def test_nothing_outside_the_build_is_served(built):
    for path in ("/assets/..%2F..%2Fsecret.txt", "/..%2Fsecret.txt", "/%2E%2E/secret.txt"):
        resp = await built.get(path)
        assert "outside the build" not in await resp.text(), path


async def test_api_and_socketio_paths_are_never_the_client(built):
    resp = await built.get("/api/no-such-endpoint")
    assert resp.status == 404
    assert (await resp.json())["error"]["code"] == "not_found"
    resp = await built.post("/api/no-such-endpoint", json={})
    assert resp.status == 404
    resp = await built.get("/api/health")
    assert resp.status == 200
    resp = await built.get("/socket.io/")
    assert INDEX not in await resp.text()


async def test_without_a_build_root_says_how_to_build_and_the_api_works(unbuilt):
    for path in ("/", "/problems/two-sum"):
        resp = await unbuilt.get(path)
        assert resp.status == 200
        assert resp.content_type == "text/html"
        text = await resp.text()
        assert "bash scripts/setup.sh" in text
        assert "Node.js" in text
    resp = await unbuilt.get("/api/health")
    assert resp.status == 200
    assert (await resp.json())["status"] == "ok"
