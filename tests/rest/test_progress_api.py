"""Daily challenge, leaderboards, achievements, profile stats and the notifications inbox
over the real app on both databases: crafted data, bad input and who may ask."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from progress import xp
from realtime.keys import DATABASE
from storage.models import DailyChallenge
from tests.progress.rows import add_problem, daily_elsewhere, judged
from tests.storage.rows import add_user

NOW = datetime.now(UTC)


@dataclass
class Row:
    id: int


TODAY = NOW.date().isoformat()


async def test_daily_challenge_is_stored_once_and_anonymous_sees_no_status(
    client, make_account
) -> None:
    db = client.app[DATABASE]
    for i, difficulty in enumerate(("easy", "medium", "hard") * 3):
        await add_problem(db, f"p{i}", difficulty, topics=("math",))
    anonymous = await client.get("/api/daily-challenge")
    assert anonymous.status == 200, await anonymous.text()
    first = await anonymous.json()
    assert first["date"] == TODAY and first["status"] is None
    assert first["bonus_xp"] == xp.DAILY_BONUS_XP and first["solved_count"] == 0
    assert set(first["problem"]) == {"slug", "title", "difficulty", "topics"}
    assert first["problem"]["topics"] == ["math"]

    me = await make_account()
    mine = await (await client.get("/api/daily-challenge", headers=me.headers)).json()
    assert mine["problem"] == first["problem"] and mine["status"] == "none"
    async with db.session() as session:
        rows = (await session.scalars(select(DailyChallenge))).all()
        pid = rows[0].problem_id
    assert [r.day for r in rows] == [TODAY]

    await judged(db, me.id, pid, "AC", NOW)
    mine = await (await client.get("/api/daily-challenge", headers=me.headers)).json()
    assert mine["status"] == "solved" and mine["solved_count"] == 1
    history = await (await client.get("/api/daily-challenge/history", headers=me.headers)).json()
    assert history["items"] == [{"date": TODAY, "problem": first["problem"], "status": "solved"}]
    anon_history = await (await client.get("/api/daily-challenge/history")).json()
    assert anon_history["items"][0]["status"] is None
    stats = await (await client.get("/api/analytics/dashboard", headers=me.headers)).json()
    assert stats["xp"] == xp.XP_BY_DIFFICULTY[first["problem"]["difficulty"]] + xp.DAILY_BONUS_XP


async def test_daily_challenge_history_keeps_stored_days_and_rejects_bad_input(client) -> None:
    db = client.app[DATABASE]
    old = await add_problem(db, "old-one")
    await add_problem(db, "new-one")
    yesterday = (NOW - timedelta(days=1)).date().isoformat()
    async with db.session() as session:
        session.add(DailyChallenge(day=yesterday, problem_id=old))
    today = await (await client.get("/api/daily-challenge")).json()
    assert today["problem"]["slug"] == "new-one"  # not used in the last days
    items = (await (await client.get("/api/daily-challenge/history")).json())["items"]
    assert [(i["date"], i["problem"]["slug"]) for i in items] == [
        (TODAY, "new-one"),
        (yesterday, "old-one"),
    ]
    one = await (await client.get("/api/daily-challenge/history?days=1")).json()
    assert len(one["items"]) == 1
    for bad in ("0", "400", "x"):
        resp = await client.get(f"/api/daily-challenge/history?days={bad}")
        assert resp.status == 422
    assert (await client.get("/api/daily-challenge?x=1")).status == 422


async def test_daily_challenge_on_an_empty_bank_is_404(client) -> None:
    resp = await client.get("/api/daily-challenge")
    assert resp.status == 404
    assert (await resp.json())["error"]["code"] == "no_daily_challenge"


async def test_leaderboard_ties_pages_and_the_callers_rank(client, make_account) -> None:
    db = client.app[DATABASE]
    easy = [await add_problem(db, f"e{i}", "easy", topics=("math",)) for i in range(3)]
    hard = await add_problem(db, "h", "hard", topics=("graphs",))
    await daily_elsewhere(db, NOW)
    # XP: a=40+10, b=40+10 (tie), c=30, d=10, e=10, f none (registering is rate-limited,
    # so only the callers are real accounts)
    a, b, c, d = [Row(await add_user(db, name)) for name in "abcd"]
    e, f = await make_account(), await make_account()
    for who in (a, b):
        await judged(db, who.id, hard, "AC", NOW)
        await judged(db, who.id, easy[0], "AC", NOW)
    for p in easy:
        await judged(db, c.id, p, "AC", NOW)
    await judged(db, d.id, easy[1], "AC", NOW)
    await judged(db, e.id, easy[2], "AC", NOW)
    await judged(db, f.id, easy[2], "WA", NOW)

    resp = await client.get(
        "/api/leaderboards", params={"board": "xp", "per_page": "2"}, headers=e.headers
    )
    assert resp.status == 200, await resp.text()
    body = await resp.json()
    assert body["board"] == "xp" and body["topic"] is None and body["total"] == 5
    assert [(i["rank"], i["user_id"], i["score"]) for i in body["items"]] == [
        (1, a.id, 50),
        (1, b.id, 50),
    ]
    assert body["me"]["rank"] == 4 and body["me"]["score"] == 10  # tied with d
    assert [(n["rank"], n["user_id"]) for n in body["me"]["neighbours"]] == [
        (3, c.id),
        (4, d.id),
        (4, e.id),
    ]
    page3 = await (
        await client.get("/api/leaderboards", params={"page": "3", "per_page": "2"})
    ).json()
    assert [i["user_id"] for i in page3["items"]] == [e.id] and page3["me"] is None

    unranked = await (await client.get("/api/leaderboards", headers=f.headers)).json()
    assert unranked["me"] is None

    solved = await (await client.get("/api/leaderboards?board=solved")).json()
    assert [(i["user_id"], i["score"]) for i in solved["items"][:1]] == [(c.id, 3)]
    topic = await (await client.get("/api/leaderboards?board=topic&topic=graphs")).json()
    assert topic["topic"] == "graphs"
    assert {(i["rank"], i["user_id"]) for i in topic["items"]} == {(1, a.id), (1, b.id)}
    weekly = await (await client.get("/api/leaderboards?board=weekly")).json()
    assert weekly["items"][0]["score"] == 50 and weekly["total"] == 5
    daily = await (await client.get("/api/leaderboards?board=daily")).json()
    assert daily["total"] == 0 and daily["items"] == []


async def test_leaderboard_bad_input(client) -> None:
    for query in (
        "board=nope",
        "board=topic",
        "board=xp&topic=math",
        "page=0",
        "per_page=101",
        "page=x",
    ):
        resp = await client.get(f"/api/leaderboards?{query}")
        assert resp.status == 422, query
        assert (await resp.json())["error"]["code"] == "validation_error"


async def test_achievements_and_public_stats(client, make_account) -> None:
    db = client.app[DATABASE]
    me = await make_account()
    p = await add_problem(db, "only-math", "medium", topics=("math",))
    await add_problem(db, "graph", "hard", topics=("graphs",))
    await daily_elsewhere(db, NOW)
    await judged(db, me.id, p, "AC", NOW)

    resp = await client.get(f"/api/users/{me.id}/achievements")
    assert resp.status == 200, await resp.text()
    body = await resp.json()
    assert [a["code"] for a in body["earned"]] == ["first_solve", "topic:math"]
    assert all(a["title"] and a["description"] and a["earned_at"] for a in body["earned"])
    available = {a["code"] for a in body["available"]}
    assert {"solved_10", "streak_7", "topic:graphs"} <= available
    assert "first_solve" not in available and "topic:math" not in available

    profile = await (await client.get(f"/api/users/{me.id}")).json()
    stats = profile["user"]["stats"]
    assert stats == profile["stats"]
    assert stats["solved"] == {"easy": 0, "medium": 1, "hard": 0, "total": 1}
    assert stats["streak"] == {"current": 1, "longest": 1}
    assert stats["xp"] == 20 and stats["rank"] == 1 and stats["rating"] == 1500.0
    assert stats["badges"] == ["first_solve", "topic:math"]
    assert "email" not in profile["user"] and "email" not in str(stats)

    other = await make_account()
    theirs = await (await client.get(f"/api/users/{other.id}")).json()
    assert theirs["stats"]["rank"] is None and theirs["stats"]["xp"] == 0

    for path in ("/api/users/999999/achievements", "/api/users/abc/achievements"):
        resp = await client.get(path)
        assert resp.status == 404
        assert (await resp.json())["error"]["code"] == "user_not_found"


async def test_inbox_after_an_offline_period(client, make_account) -> None:
    admin = await make_account("admin")
    me = await make_account()
    other = await make_account()
    db = client.app[DATABASE]
    p = await add_problem(db, "p")
    await judged(db, me.id, p, "AC", NOW)  # first_solve while nobody is connected
    resp = await client.post(
        "/api/admin/notifications",
        json={"user_id": me.id, "title": "Maintenance", "body": "tonight"},
        headers=admin.headers,
    )
    assert resp.status == 202, await resp.text()
    sent_id = (await resp.json())["notification_id"]

    body = await (await client.get("/api/notifications", headers=me.headers)).json()
    assert body["unread"] == 2
    assert [(n["kind"], n["title"]) for n in body["items"]] == [
        ("admin", "Maintenance"),
        ("achievement", "Achievement unlocked: First solve"),
    ]
    assert body["items"][0]["id"] == sent_id and body["items"][1]["data"] == {"code": "first_solve"}
    assert all(n["read_at"] is None for n in body["items"])
    older = await (
        await client.get(f"/api/notifications?before={sent_id}", headers=me.headers)
    ).json()
    assert [n["kind"] for n in older["items"]] == ["achievement"]

    # Someone else's ids are ignored; reading one leaves the other unread.
    resp = await client.post(
        "/api/notifications/read", json={"ids": [sent_id]}, headers=other.headers
    )
    assert resp.status == 200 and (await resp.json()) == {"unread": 0}
    resp = await client.post("/api/notifications/read", json={"ids": [sent_id]}, headers=me.headers)
    assert (await resp.json()) == {"unread": 1}
    unread = await (
        await client.get("/api/notifications?unread_only=true", headers=me.headers)
    ).json()
    assert [n["kind"] for n in unread["items"]] == ["achievement"]
    resp = await client.post("/api/notifications/read", json={"all": True}, headers=me.headers)
    assert (await resp.json()) == {"unread": 0}
    listed = await (await client.get("/api/notifications", headers=me.headers)).json()
    assert all(n["read_at"] for n in listed["items"])


async def test_inbox_bad_input_and_authorization(client, make_account) -> None:
    me = await make_account()
    assert (await client.get("/api/notifications")).status == 401
    assert (await client.post("/api/notifications/read", json={"all": True})).status == 401
    for body in ({}, {"ids": []}, {"all": False}, {"ids": [1], "all": True}, {"ids": ["x"]}):
        resp = await client.post("/api/notifications/read", json=body, headers=me.headers)
        assert resp.status == 422, body
        assert (await resp.json())["error"]["code"] == "validation_error"
    for query in ("limit=0", "limit=500", "before=0", "unread_only=maybe"):
        resp = await client.get(f"/api/notifications?{query}", headers=me.headers)
        assert resp.status == 422, query
