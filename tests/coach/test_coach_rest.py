"""Coach REST: own history only, learning paths from real stored results, recommended
problems (not shadowed by `/api/problems/{slug}`), and generation over Socket.IO."""

from __future__ import annotations

import pytest

from realtime.keys import DATABASE
from storage.repositories import problems as problem_repo
from storage.repositories import submissions as submission_repo
from tests.coach.streams import ask, call, handlers, start
from tests.inbox import Inbox

PROBLEMS = [
    ("sum-array", "easy", ["arrays"]),
    ("max-array", "easy", ["arrays"]),
    ("count-words", "easy", ["hashing", "strings"]),
    ("dup-check", "easy", ["hashing", "arrays"]),
    ("anagram-groups", "medium", ["hashing", "strings"]),
    ("islands", "medium", ["graphs"]),
    ("sort-names", "easy", ["sorting"]),
]


@pytest.fixture
async def bank(server) -> dict[str, int]:
    ids = {}
    async with server.app[DATABASE].session() as session:
        for slug, difficulty, topics in PROBLEMS:
            draft = problem_repo.ProblemDraft(
                slug=slug,
                fields={
                    "title": slug.replace("-", " ").title(),
                    "statement": f"Solve {slug}.",
                    "difficulty": difficulty,
                    "visibility": "public",
                },
                topics=topics,
                tests=[problem_repo.TestData("01", "1\n", "1\n", hidden=False)],
            )
            ids[slug] = (await problem_repo.create_problem(session, draft, author_id=None)).id
    return ids


async def _submit(server, user_id: int, problem_id: int, verdict: str, mode="submit") -> None:
    async with server.app[DATABASE].session() as session:
        row = await submission_repo.create_submission(
            session, user_id=user_id, problem_id=problem_id, language="python", code="x", mode=mode
        )
        await submission_repo.record_result(
            session,
            row.id,
            verdict=verdict,
            score=0,
            tests=[],
            compile_output=None,
            time_ms=1,
            memory_kb=1,
        )


async def test_history_is_own_only(connect, make_account_on, aplusb, http):
    me, other = await make_account_on(), await make_account_on()
    inbox = Inbox()
    sio = await connect(me.token, on=handlers(inbox))
    other_sio = await connect(other.token)
    review = await start(sio, mode="review", problem=aplusb)
    await ask(sio, inbox, review["session_id"], "what should I check?")
    await start(sio, mode="interview", interview_type="system_design", company="Acme")
    await start(other_sio, mode="hint", problem=aplusb)

    resp = await http.get("/api/coach/sessions", headers=me.headers)
    items = (await resp.json())["items"]
    assert [i["mode"] for i in items] == ["interview", "review"]  # newest first, mine only
    assert items[0]["company"] == "Acme" and items[0]["interview_type"] == "system_design"
    assert items[1]["problem"] == aplusb and items[1]["message_count"] == 2
    only = await http.get("/api/coach/sessions?mode=review", headers=me.headers)
    assert [i["id"] for i in (await only.json())["items"]] == [review["session_id"]]

    detail = await http.get(f"/api/coach/sessions/{review['session_id']}", headers=me.headers)
    session = (await detail.json())["session"]
    user, reply = session["messages"]
    assert user["role"] == "user" and user["content"] == "what should I check?"
    assert reply["role"] == "assistant" and reply["status"] == "complete" and reply["content"]
    assert reply["metadata"]["provider"] == "offline" and reply["metadata"]["tokens"] > 0
    assert session["tokens_used"] > 0 and session["next_after"] is None
    base = f"/api/coach/sessions/{review['session_id']}"
    first = (await (await http.get(f"{base}?limit=1", headers=me.headers)).json())["session"]
    assert [m["id"] for m in first["messages"]] == [user["id"]]
    assert first["next_after"] == user["id"] and first["message_count"] == 2
    url = f"{base}?limit=1&after={first['next_after']}"
    second = (await (await http.get(url, headers=me.headers)).json())["session"]
    assert [m["id"] for m in second["messages"]] == [reply["id"]]
    assert second["next_after"] is None
    assert (await http.get(f"{base}?limit=0", headers=me.headers)).status == 422
    for path in ("/api/coach/sessions/abc", "/api/coach/sessions/0"):
        assert (await http.get(path, headers=me.headers)).status == 404
    assert (await http.get("/api/coach/sessions")).status == 401
    bad = await http.get("/api/coach/sessions?per_page=1000", headers=me.headers)
    assert bad.status == 422


async def test_learning_path_and_recommended_from_stored_results(
    server, http, make_account_on, bank
):
    me = await make_account_on()
    for slug, verdict in [
        ("sum-array", "AC"),
        ("max-array", "AC"),
        ("dup-check", "WA"),
        ("dup-check", "WA"),
        ("dup-check", "RE"),
        ("count-words", "AC"),
    ]:
        await _submit(server, me.id, bank[slug], verdict)
    await _submit(server, me.id, bank["islands"], "WA", mode="run")  # runs don't count

    resp = await http.post(
        "/api/coach/learning-path", json={"hours_per_week": 2}, headers=me.headers
    )
    assert resp.status == 200, await resp.text()
    plan = await resp.json()
    topics = {t["topic"]: t for t in plan["topics"]}
    assert topics["hashing"]["acceptance"] == 0.25 and topics["hashing"]["level"] == "weak"
    assert topics["arrays"]["acceptance"] == 0.4 and topics["strings"]["level"] == "mastered"
    assert "graphs" not in topics  # only a run there
    assert plan["weak_topics"] == ["arrays", "hashing"] and plan["provider"] == "offline"
    order = [s["topic"] for s in plan["steps"]]
    assert order[:2] == ["arrays", "hashing"] and order.index("hashing") < order.index("graphs")
    planned = [p["slug"] for s in plan["steps"] for p in s["problems"]]
    assert "sum-array" not in planned and "count-words" not in planned  # solved
    assert plan["narrative"] and plan["total_minutes"] > 0 and plan["estimated_weeks"] >= 1

    rec = await http.get("/api/problems/recommended?limit=3", headers=me.headers)
    assert rec.status == 200, await rec.text()  # not taken for a problem slug
    items = (await rec.json())["items"]
    assert 1 <= len(items) <= 3 and items[0]["slug"] == planned[0]
    assert (await http.get("/api/problems/recommended")).status == 401
    assert (await http.get("/api/problems/sum-array")).status == 200  # slugs still resolve


async def test_generate_over_socket_reports_progress(connect, make_account_on, http):
    me, other = await make_account_on(), await make_account_on()
    inbox = Inbox()
    sio = await connect(me.token, on=handlers(inbox))
    ack = await call(
        sio,
        "ai:generate",
        {"topic": "stacks", "difficulty": "easy", "skill_level": "beginner", "seed": 3},
    )
    assert ack["ok"] is True
    gid = ack["generation_id"]
    done = await inbox.wait_for(
        "ai:generate:progress",
        lambda e: e["generation_id"] == gid and e["stage"] == "done",
        within=60,
    )
    stages = [e["stage"] for e in inbox.events["ai:generate:progress"]]
    assert stages[:2] == ["generating", "validating"] and "cross_checking" in stages
    assert stages[-2:] == ["storing", "done"]
    problem = done["problem"]
    assert problem["source"] == "ai" and problem["visibility"] == "private"
    assert "stacks" in problem["topics"] and all(e["output"] for e in problem["examples"])
    assert done["validation"]["brute_force_checked"] > 0
    assert (await http.get(f"/api/problems/{problem['slug']}", headers=other.headers)).status == 404

    unknown = await http.post(
        "/api/problems/generate", json={"topic": "quantum-chess"}, headers=me.headers
    )
    assert unknown.status == 422 and (await unknown.json())["error"]["code"] == "unknown_topic"
    bad = await call(sio, "ai:generate", {"topic": ""})
    assert bad["ok"] is False and bad["error"]["code"] == "invalid_payload"
    for areas in (["x" * 65], ["  "]):  # each focus area is a short phrase
        resp = await http.post(
            "/api/problems/generate",
            json={"topic": "stacks", "focus_areas": areas},
            headers=me.headers,
        )
        assert resp.status == 422, await resp.text()


async def test_generate_over_socket_reports_a_server_failure(
    connect, make_account_on, server, monkeypatch
):
    """A failure that is not a coach refusal (here: storage) still ends the generation."""
    from realtime.keys import COACH

    async def broken(user_id, request, progress):
        await progress("generating", attempt=1)
        raise RuntimeError("database went away")

    monkeypatch.setattr(server.app[COACH].generator, "generate", broken)
    me = await make_account_on()
    inbox = Inbox()
    sio = await connect(me.token, on=handlers(inbox))
    ack = await call(sio, "ai:generate", {"topic": "stacks", "difficulty": "easy"})
    assert ack["ok"] is True
    gid = ack["generation_id"]
    error = await inbox.wait_for("ai:error", lambda e: e.get("generation_id") == gid, within=10)
    assert error["code"] == "generation_error" and "database" not in error["message"]
    stages = [e["stage"] for e in inbox.events["ai:generate:progress"]]
    assert stages == ["generating", "failed"]
