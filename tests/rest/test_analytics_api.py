"""Analytics endpoints over the real app on both databases: dashboard, activity,
per-problem stats, percentiles on a submission; bad input and who may ask."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from realtime.keys import DATABASE
from tests.progress.rows import add_problem, daily_elsewhere, judged

NOW = datetime.now(UTC)


async def test_dashboard_and_activity_need_a_user(client) -> None:
    for path in ("/api/analytics/dashboard", "/api/analytics/activity"):
        resp = await client.get(path)
        assert resp.status == 401
        assert (await resp.json())["error"]["code"]


async def test_empty_dashboard_for_a_new_user(client, make_account) -> None:
    me = await make_account()
    resp = await client.get("/api/analytics/dashboard", headers=me.headers)
    assert resp.status == 200, await resp.text()
    body = await resp.json()
    assert body["totals"] == {
        "attempted": 0,
        "solved": 0,
        "submissions": 0,
        "accepted": 0,
        "acceptance_rate": 0.0,
    }
    assert [d["difficulty"] for d in body["by_difficulty"]] == ["easy", "medium", "hard"]
    assert body["recent"] == [] and body["streak"] == {"current": 0, "longest": 0}
    assert body["xp"] == 0


async def test_dashboard_figures_from_crafted_submits(client, make_account) -> None:
    me = await make_account()
    db = client.app[DATABASE]
    easy = await add_problem(db, "easy-one", "easy", topics=("math",))
    medium = await add_problem(db, "medium-one", "medium", topics=("math", "graphs"))
    await add_problem(db, "hard-one", "hard", topics=("graphs",))
    await add_problem(db, "secret", "hard", visibility="private")
    await daily_elsewhere(db, NOW - timedelta(days=1), NOW)
    await judged(db, me.id, easy, "WA", NOW - timedelta(days=1))
    await judged(db, me.id, easy, "AC", NOW - timedelta(days=1))
    await judged(db, me.id, medium, "AC", NOW, language="c")
    await judged(db, me.id, medium, "TLE", NOW, language="c")

    body = await (await client.get("/api/analytics/dashboard", headers=me.headers)).json()
    assert body["totals"] == {
        "attempted": 2,
        "solved": 2,
        "submissions": 4,
        "accepted": 2,
        "acceptance_rate": 50.0,
    }
    assert body["by_difficulty"] == [
        {"difficulty": "easy", "solved": 1, "total": 1},
        {"difficulty": "medium", "solved": 1, "total": 1},
        {"difficulty": "hard", "solved": 0, "total": 1},  # the private one is not in the bank
    ]
    assert body["by_topic"] == [
        {"topic": "graphs", "solved": 1, "total": 2},
        {"topic": "math", "solved": 2, "total": 2},
    ]
    assert body["languages"] == [
        {"language": "c", "submissions": 2, "solved": 1},
        {"language": "python", "submissions": 2, "solved": 1},
    ]
    assert [r["verdict"] for r in body["recent"]] == ["TLE", "AC", "AC", "WA"]
    assert body["recent"][0]["problem_slug"] == "medium-one"
    assert body["recent"][0]["problem_title"] == "Medium-One"
    assert body["streak"] == {"current": 2, "longest": 2}
    assert body["xp"] == 30

    resp = await client.get("/api/analytics/activity", params={"days": "3"}, headers=me.headers)
    assert resp.status == 200
    days = (await resp.json())["days"]
    today = NOW.date()
    assert [d["date"] for d in days] == [(today - timedelta(days=n)).isoformat() for n in (2, 1, 0)]
    assert [(d["submissions"], d["accepted"]) for d in days] == [(0, 0), (2, 1), (2, 1)]

    other = await make_account()
    theirs = await (await client.get("/api/analytics/dashboard", headers=other.headers)).json()
    assert theirs["totals"]["submissions"] == 0  # one user's figures only


async def test_activity_defaults_to_a_year_and_rejects_bad_days(client, make_account) -> None:
    me = await make_account()
    body = await (await client.get("/api/analytics/activity", headers=me.headers)).json()
    assert len(body["days"]) == 365 and body["days"][-1]["date"] == NOW.date().isoformat()
    for bad in ("0", "367", "x", "-1"):
        resp = await client.get("/api/analytics/activity", params={"days": bad}, headers=me.headers)
        assert resp.status == 422
        assert (await resp.json())["error"]["code"] == "validation_error"
    resp = await client.get("/api/analytics/activity", params={"nope": "1"}, headers=me.headers)
    assert resp.status == 422


async def test_problem_stats_for_its_author_or_an_admin_only(client, make_account) -> None:
    author = await make_account("author")
    admin = await make_account("admin")
    stranger = await make_account()
    db = client.app[DATABASE]
    pid = await add_problem(db, "mine", author_id=author.id)
    await add_problem(db, "hidden", author_id=author.id, visibility="private")
    await judged(db, stranger.id, pid, "WA", NOW)
    await judged(db, stranger.id, pid, "AC", NOW)
    await judged(db, admin.id, pid, "TLE", NOW)

    for who in (author, admin):
        resp = await client.get("/api/analytics/problems/mine", headers=who.headers)
        assert resp.status == 200, await resp.text()
        assert await resp.json() == {
            "slug": "mine",
            "attempts": 3,
            "users_attempted": 2,
            "users_solved": 1,
            "acceptance_rate": 33.3,
            "verdicts": {"AC": 1, "WA": 1, "TLE": 1},
        }
    resp = await client.get("/api/analytics/problems/mine", headers=stranger.headers)
    assert resp.status == 403 and (await resp.json())["error"]["code"] == "forbidden"
    resp = await client.get("/api/analytics/problems/hidden", headers=stranger.headers)
    assert resp.status == 404  # a private problem is not revealed
    resp = await client.get("/api/analytics/problems/nope", headers=admin.headers)
    assert resp.status == 404
    assert (await resp.json())["error"]["code"] == "problem_not_found"
    assert (await client.get("/api/analytics/problems/mine")).status == 401


async def test_submission_carries_percentiles_when_accepted(client, make_account) -> None:
    me = await make_account()
    other = await make_account()
    db = client.app[DATABASE]
    pid = await add_problem(db, "p")
    await judged(db, other.id, pid, "AC", NOW, time_ms=90, memory_kb=500)
    await judged(db, me.id, pid, "AC", NOW, time_ms=20, memory_kb=900)
    await judged(db, me.id, pid, "WA", NOW)
    listing = await (await client.get("/api/submissions", headers=me.headers)).json()
    wrong_id, accepted_id = (s["id"] for s in listing["items"])
    resp = await client.get(f"/api/submissions/{accepted_id}", headers=me.headers)
    assert (await resp.json())["submission"]["percentiles"] == {
        "runtime_beats": 100.0,
        "memory_beats": 0.0,
    }
    resp = await client.get(f"/api/submissions/{wrong_id}", headers=me.headers)
    assert (await resp.json())["submission"]["percentiles"] is None


async def test_my_progress_on_a_problem_with_best_per_language(client, make_account) -> None:
    me = await make_account()
    other = await make_account()
    db = client.app[DATABASE]
    pid = await add_problem(db, "per-language", "easy")
    await add_problem(db, "hidden-one", "easy", visibility="private")
    path = "/api/problems/per-language/progress"

    fresh = await (await client.get(path, headers=me.headers)).json()
    assert fresh["status"] == "new" and fresh["attempts"] == 0
    assert fresh["best_by_language"] == []

    await judged(db, me.id, pid, "WA", NOW - timedelta(hours=3), time_ms=5, memory_kb=500)
    await judged(db, me.id, pid, "AC", NOW - timedelta(hours=2), time_ms=40, memory_kb=9000)
    await judged(db, me.id, pid, "AC", NOW - timedelta(hours=1), time_ms=25, memory_kb=9500)
    await judged(db, me.id, pid, "AC", NOW, language="cpp", time_ms=3, memory_kb=2000)
    await judged(db, other.id, pid, "AC", NOW, time_ms=1, memory_kb=100)
    await judged(db, me.id, pid, "AC", NOW, mode="run", time_ms=1, memory_kb=1)

    resp = await client.get(path, headers=me.headers)
    assert resp.status == 200, await resp.text()
    body = await resp.json()
    assert body["status"] == "solved" and body["attempts"] == 4
    assert body["best_score"] == 100.0 and body["first_solved_at"] is not None
    best = {b["language"]: (b["runtime_ms"], b["memory_kb"]) for b in body["best_by_language"]}
    # the WA's 5 ms, another user's 1 ms and a run's 1 ms are not yours to claim
    assert best == {"python": (25, 9000), "cpp": (3, 2000)}

    assert (await client.get(path)).status == 401
    for slug in ("hidden-one", "no-such-problem"):
        resp = await client.get(f"/api/problems/{slug}/progress", headers=me.headers)
        assert resp.status == 404
        assert (await resp.json())["error"]["code"] == "problem_not_found"
