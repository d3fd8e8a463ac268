"""System-design practice over REST on both databases: briefs, scene autosave with conflicts,
moves, submit with the offline review, and who may see what."""

from __future__ import annotations

import json

from content import DESIGNS_DIR
from realtime.keys import CONTENT
from tests.designs.scenes import SceneBuilder

SLUG = "url-shortener"


def reference_scene(slug: str = SLUG) -> dict:
    return json.loads((DESIGNS_DIR / slug / "reference.excalidraw").read_text())


async def open_session(client, account, slug: str = SLUG, status: int = 201) -> dict:
    resp = await client.post(f"/api/system-design/{slug}/sessions", headers=account.headers)
    assert resp.status == status, await resp.text()
    return (await resp.json())["session"]


async def save(client, account, session_id: int, scene: dict, base: int, status: int = 200):
    resp = await client.put(
        f"/api/design-sessions/{session_id}/scene",
        json={"scene": scene, "base_revision": base, "time_spent": 30},
        headers=account.headers,
    )
    assert resp.status == status, await resp.text()
    return await resp.json()


async def test_briefs_are_listed_without_their_rubric(client, make_account):
    me = await make_account()
    resp = await client.get("/api/system-design", headers=me.headers)
    assert resp.status == 200
    items = (await resp.json())["items"]
    assert len(items) >= 6
    assert {i["kind"] for i in items} == {"system_design"}
    assert all(i["sessions"] == 0 and i["best_score"] is None for i in items)

    resp = await client.get(f"/api/system-design/{SLUG}", headers=me.headers)
    assert resp.status == 200
    raw = await resp.text()
    design = json.loads(raw)["design"]
    assert design["requirements"] and design["constraints"] and design["hints"]
    assert design["estimated_minutes"] >= 10 and design["statement"]
    rubric = client.app[CONTENT].designs[SLUG]
    for component in rubric.components:
        assert component.why not in raw  # the rubric stays on the server
    assert "components" not in design and "connections" not in design

    resp = await client.get("/api/system-design/no-such-design", headers=me.headers)
    assert resp.status == 404
    assert (await resp.json())["error"]["code"] == "design_not_found"
    resp = await client.get("/api/system-design")
    assert resp.status == 401


async def test_autosave_conflict_moves_and_snapshots(client, make_account):
    me = await make_account()
    session = await open_session(client, me)
    assert session["revision"] == 0 and session["status"] == "active"
    assert session["scene"]["elements"] == []
    again = await open_session(client, me, status=200)
    assert again["id"] == session["id"]
    sid = session["id"]

    b = SceneBuilder()
    b.box("API servers", 0, 0)
    first = await save(client, me, sid, b.scene(), 0)
    assert first == {"revision": 1, "saved": True, "snapshot": True}
    same = await save(client, me, sid, b.scene(), 1)
    assert same == {"revision": 1, "saved": False, "snapshot": False}

    # A second tab still on revision 0 is refused and told what the server holds.
    other = SceneBuilder()
    other.box("Something else", 0, 0)
    conflict = await save(client, me, sid, other.scene(), 0, status=409)
    assert conflict["error"]["code"] == "conflict"
    details = conflict["error"]["details"]
    assert details["revision"] == 1
    assert [e.get("text") for e in details["scene"]["elements"]] == [None, "API servers"]

    b.box("Postgres", 300, 0)
    assert (await save(client, me, sid, b.scene(), 1))["revision"] == 2

    resp = await client.post(f"/api/design-sessions/{sid}/pause", headers=me.headers)
    assert resp.status == 200 and (await resp.json())["session"]["status"] == "paused"
    resp = await client.post(f"/api/design-sessions/{sid}/resume", headers=me.headers)
    assert (await resp.json())["session"]["status"] == "active"

    resp = await client.get(f"/api/design-sessions/{sid}", headers=me.headers)
    body = (await resp.json())["session"]
    assert body["revision"] == 2 and len(body["scene"]["elements"]) == 4
    assert body["time_spent"] == 30 and body["review"] is None

    resp = await client.get(f"/api/design-sessions/{sid}/snapshots", headers=me.headers)
    snapshots = (await resp.json())["items"]
    assert [s["revision"] for s in snapshots] == [1]  # one per interval (30 s by default)

    resp = await client.post(f"/api/design-sessions/{sid}/abandon", headers=me.headers)
    assert (await resp.json())["session"]["status"] == "abandoned"
    closed = await save(client, me, sid, b.scene(), 2, status=409)
    assert closed["error"]["code"] == "session_closed"
    resp = await client.post(f"/api/design-sessions/{sid}/resume", headers=me.headers)
    assert resp.status == 409
    assert (await resp.json())["error"]["code"] == "invalid_transition"

    # The abandoned session is kept; opening the design again starts a new one.
    fresh = await open_session(client, me)
    assert fresh["id"] != sid and fresh["revision"] == 0
    resp = await client.get("/api/design-sessions", headers=me.headers)
    listed = (await resp.json())["items"]
    assert [s["id"] for s in listed] == [fresh["id"], sid]
    assert all(s["scene"] == {} for s in listed)  # the list leaves scenes out


async def test_submit_reviews_offline_once(client, make_account):
    me = await make_account()
    sid = (await open_session(client, me))["id"]
    await save(client, me, sid, reference_scene(), 0)
    resp = await client.post(f"/api/design-sessions/{sid}/submit", headers=me.headers)
    assert resp.status == 200, await resp.text()
    body = await resp.json()
    assert body["session"]["status"] == "submitted"
    review = body["review"]
    assert review["score"] == 100 and review["missing_components"] == []
    assert review["reviewed_by"] == "offline" and review["strengths"]
    assert body["unreviewed"] is None

    resp = await client.post(f"/api/design-sessions/{sid}/submit", headers=me.headers)
    assert resp.status == 409
    assert (await resp.json())["error"]["code"] == "already_reviewed"
    await save(client, me, sid, reference_scene(), 1, status=409)

    resp = await client.get(f"/api/design-sessions/{sid}", headers=me.headers)
    assert (await resp.json())["session"]["review"]["score"] == 100
    resp = await client.get("/api/system-design", headers=me.headers)
    mine = next(i for i in (await resp.json())["items"] if i["slug"] == SLUG)
    assert mine["best_score"] == 100 and mine["sessions"] == 1 and mine["open_session"] is None
    # A company that lists the design shows the same best score.
    resp = await client.get("/api/companies/acme", headers=me.headers)
    listed = {d["slug"]: d for d in (await resp.json())["company"]["designs"]}
    assert listed[SLUG]["best_score"] == 100 and listed["news-feed"]["best_score"] is None


async def test_a_partial_design_is_told_what_is_missing(client, make_account):
    me = await make_account()
    sid = (await open_session(client, me))["id"]
    scene = reference_scene()
    rubric = client.app[CONTENT].designs[SLUG]
    # Keep the first two labelled boxes only.
    texts = [e for e in scene["elements"] if e["type"] == "text" and e.get("containerId")][:2]
    keep = {t["id"] for t in texts} | {t["containerId"] for t in texts}
    scene["elements"] = [e for e in scene["elements"] if e["id"] in keep]
    await save(client, me, sid, scene, 0)
    resp = await client.post(f"/api/design-sessions/{sid}/submit", headers=me.headers)
    review = (await resp.json())["review"]
    assert review["score"] < 50
    assert set(review["missing_components"]) < {c.name for c in rubric.components}
    assert len(review["missing_components"]) >= len(rubric.components) - 2
    assert review["improvements"]


async def test_other_users_sessions_are_not_found(client, make_account):
    me, other = await make_account(), await make_account()
    sid = (await open_session(client, me))["id"]
    await save(client, me, sid, reference_scene(), 0)
    for method, path, body in (
        ("GET", f"/api/design-sessions/{sid}", None),
        ("GET", f"/api/design-sessions/{sid}/snapshots", None),
        ("PUT", f"/api/design-sessions/{sid}/scene", {"scene": {}, "base_revision": 1}),
        ("POST", f"/api/design-sessions/{sid}/pause", None),
        ("POST", f"/api/design-sessions/{sid}/submit", None),
    ):
        resp = await client.request(method, path, json=body, headers=other.headers)
        assert resp.status == 404, (method, path)
        assert (await resp.json())["error"]["code"] == "session_not_found"
    resp = await client.get("/api/design-sessions", headers=other.headers)
    assert (await resp.json())["items"] == []
    resp = await client.get(f"/api/design-sessions/{sid}")
    assert resp.status == 401
    # Nothing the stranger did changed the session.
    resp = await client.get(f"/api/design-sessions/{sid}", headers=me.headers)
    session = (await resp.json())["session"]
    assert session["status"] == "active" and session["revision"] == 1


async def test_bad_scenes_are_refused_and_nothing_is_stored(client, make_account):
    me = await make_account()
    sid = (await open_session(client, me))["id"]
    element = {"id": "a", "type": "rectangle"}
    for bad in (
        {"scene": {"elements": "nope"}, "base_revision": 0},
        {"scene": {"elements": [element, element]}, "base_revision": 0},
        {"scene": {"elements": [{"type": "rectangle"}]}, "base_revision": 0},
        {"scene": {"elements": [], "extra": 1}, "base_revision": 0},
        {"scene": {"elements": []}, "base_revision": -1},
        {"scene": {"elements": []}},
        {"scene": {"elements": []}, "base_revision": 0, "time_spent": "long"},
    ):
        resp = await client.put(f"/api/design-sessions/{sid}/scene", json=bad, headers=me.headers)
        assert resp.status == 422, bad
        assert (await resp.json())["error"]["code"] == "validation_error"
    huge = {
        "elements": [element],
        "files": {"f": {"id": "f", "mimeType": "image/png", "dataURL": "x" * 1_700_000}},
    }
    resp = await client.put(
        f"/api/design-sessions/{sid}/scene",
        json={"scene": huge, "base_revision": 0},
        headers=me.headers,
    )
    assert resp.status == 413
    error = (await resp.json())["error"]
    assert error["code"] == "scene_too_large" and error["details"]["limit"] == 1536 * 1024
    for path in ("/api/design-sessions/abc", "/api/design-sessions/99999999"):
        resp = await client.get(path, headers=me.headers)
        assert resp.status == 404
    resp = await client.get("/api/design-sessions?status=done", headers=me.headers)
    assert resp.status == 422
    resp = await client.get(f"/api/design-sessions/{sid}", headers=me.headers)
    assert (await resp.json())["session"]["revision"] == 0
