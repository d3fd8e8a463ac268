"""Refusals: every bad or disallowed coach request gets a clear error ack, never a hang."""

from __future__ import annotations

import asyncio

from realtime.keys import COACH, ROOMS
from realtime.services.ratelimit import RULES
from tests.coach.streams import ask, call, final_token, handlers, start
from tests.inbox import Inbox


def code_of(ack: dict) -> str:
    assert ack["ok"] is False, ack
    return ack["error"]["code"]


async def _user(connect, make_account_on):
    me = await make_account_on()
    inbox = Inbox()
    return me, inbox, await connect(me.token, on=handlers(inbox))


async def test_bad_requests_get_clear_error_acks(connect, make_account_on, aplusb, http):
    me, inbox, sio = await _user(connect, make_account_on)
    _other, other_inbox, other_sio = await _user(connect, make_account_on)
    theirs = (await start(other_sio, mode="review", problem=aplusb))["session_id"]
    mine = (await start(sio, mode="review", problem=aplusb))["session_id"]

    for event, payload in (
        ("ai:question", {"session_id": 999999, "content": "hi"}),
        ("ai:question", {"session_id": theirs, "content": "hi"}),
        ("ai:cancel", {"session_id": theirs}),
        ("ai:session:end", {"session_id": theirs}),
        ("ai:cancel", {"session_id": 999999}),
    ):
        assert code_of(await call(sio, event, payload)) == "session_not_found"
    resp = await http.get(f"/api/coach/sessions/{theirs}", headers=me.headers)
    assert resp.status == 404 and (await resp.json())["error"]["code"] == "session_not_found"

    assert code_of(await call(sio, "ai:question", {"session_id": mine, "content": ""})) == (
        "empty_question"
    )
    assert code_of(await call(sio, "ai:question", {"session_id": mine, "content": " \n "})) == (
        "empty_question"
    )
    huge = await call(sio, "ai:question", {"session_id": mine, "content": "x" * 4001})
    assert code_of(huge) == "question_too_long" and "4000" in huge["error"]["message"]
    assert code_of(await call(sio, "ai:question", {"session_id": mine})) == "invalid_payload"
    assert code_of(await call(sio, "ai:session:start", {"mode": "chat"})) == "invalid_payload"
    assert code_of(await call(sio, "ai:session:start", {"mode": "hint"})) == "problem_required"
    missing = await call(sio, "ai:session:start", {"mode": "hint", "problem": "no-such-problem"})
    assert code_of(missing) == "problem_not_found"

    await ask(sio, inbox, mine, "why is it wrong?")
    finished = await call(sio, "ai:cancel", {"session_id": mine})
    assert code_of(finished) == "no_active_stream" and "finished" in finished["error"]["message"]
    assert (await call(sio, "ai:session:end", {"session_id": mine}))["ok"] is True
    assert code_of(await call(sio, "ai:session:end", {"session_id": mine})) == "session_ended"
    after = await call(sio, "ai:question", {"session_id": mine, "content": "hello?"})
    assert code_of(after) == "session_ended"
    assert not inbox.events["ai:error"]  # refusals are acks, not stream errors
    assert not other_inbox.events["ai:token"]  # nothing leaked to the other user


async def test_one_stream_per_session_at_a_time(connect, make_account_on, aplusb, server):
    server.app[COACH].provider.delay = 0.02  # a slow offline coach, so the stream stays open
    _me, inbox, sio = await _user(connect, make_account_on)
    first = (await start(sio, mode="review", problem=aplusb))["session_id"]
    second = (await start(sio, mode="review", problem=aplusb))["session_id"]
    running = await call(sio, "ai:question", {"session_id": first, "content": "review please"})
    assert running["ok"] is True
    busy = await call(sio, "ai:question", {"session_id": first, "content": "and again"})
    assert code_of(busy) == "stream_in_progress" and "ai:cancel" in busy["error"]["message"]
    parallel = await call(sio, "ai:question", {"session_id": second, "content": "review"})
    assert parallel["ok"] is True  # another session may stream at the same time
    cancelled = await call(sio, "ai:cancel", {"session_id": first})
    assert cancelled["ok"] is True
    final = await final_token(inbox, running["message_id"])
    assert final["cancelled"] is True
    await final_token(inbox, parallel["message_id"])
    again = await call(sio, "ai:question", {"session_id": first, "content": "now?"})
    assert again["ok"] is True  # the slot is free after the cancel


async def test_contest_guard_refuses_help_during_a_contest(
    connect, make_account_on, aplusb, server, monkeypatch
):
    me, inbox, sio = await _user(connect, make_account_on)
    session = (await start(sio, mode="hint", problem=aplusb))["session_id"]
    asked: list[tuple[int, str]] = []

    async def guard(user_id: int, slug: str) -> bool:
        asked.append((user_id, slug))
        return False

    monkeypatch.setattr(server.app[ROOMS], "coach_allowed", guard)  # the coach's contest guard
    refused = await call(sio, "ai:question", {"session_id": session, "content": "hint?"})
    assert code_of(refused) == "contest_in_progress" and "contest" in refused["error"]["message"]
    blocked = await call(sio, "ai:session:start", {"mode": "review", "problem": aplusb})
    assert code_of(blocked) == "contest_in_progress"
    assert asked == [(me.id, aplusb), (me.id, aplusb)]
    interview = await start(sio, mode="interview", interview_type="behavioral")
    assert interview["ok"] is True  # no problem involved: nothing to guard

    monkeypatch.setattr(server.app[ROOMS], "coach_allowed", lambda user_id, slug: True)  # ended
    await ask(sio, inbox, session, "hint?")


async def test_daily_budget_and_rate_limit(connect, make_account_on, aplusb, server):
    me, inbox, sio = await _user(connect, make_account_on)
    session = (await start(sio, mode="review", problem=aplusb))["session_id"]
    budget = server.app[COACH].budget
    budget.daily_tokens = 100
    await ask(sio, inbox, session, "review my attempt")
    free = await ask(sio, inbox, session, "and again")  # the offline coach costs nothing
    assert free["status"] == "complete" and await budget.used(me.id) > 100
    budget.metered = True  # as with a paid provider: the same usage now refuses
    spent = await call(sio, "ai:question", {"session_id": session, "content": "more"})
    assert code_of(spent) == "budget_exhausted"
    assert "00:00 UTC" in spent["error"]["message"]
    assert spent["error"]["details"]["retry_after"] > 0

    codes = [
        code_of(await call(sio, "ai:question", {"session_id": 999999, "content": "x"}))
        for _ in range(int(RULES["ai"].capacity) + 3)
    ]
    assert "rate_limited" in codes  # the per-user "ai" bucket


async def test_double_stop_still_ends_the_reply_once(
    connect, make_account_on, aplusb, http, server
):
    """Two quick cancels (a double click) must not interrupt the reply's ending: the
    message is stored as cancelled, announced once, and the session takes questions."""
    server.app[COACH].provider.delay = 0.02  # slow enough to stop mid-reply
    me, inbox, sio = await _user(connect, make_account_on)
    session = (await start(sio, mode="review", problem=aplusb))["session_id"]
    for attempt in range(3):
        running = await call(sio, "ai:question", {"session_id": session, "content": "review"})
        assert running["ok"] is True, running
        mid = running["message_id"]
        await inbox.wait_for("ai:token", lambda e, mid=mid: e["message_id"] == mid, within=10)
        first, second = await asyncio.gather(
            call(sio, "ai:cancel", {"session_id": session}),
            call(sio, "ai:cancel", {"session_id": session}),
        )
        oks = [a for a in (first, second) if a["ok"]]
        refusals = [a["error"]["code"] for a in (first, second) if not a["ok"]]
        assert oks and set(refusals) <= {"no_active_stream"}, (first, second, attempt)
        final = await final_token(inbox, mid, within=10)
        assert final["message_id"] == mid
        resp = await http.get(f"/api/coach/sessions/{session}", headers=me.headers)
        stored = {m["id"]: m for m in (await resp.json())["session"]["messages"]}
        assert stored[mid]["status"] in {"cancelled", "complete"}, stored[mid]
        finals = [e for e in inbox.events["ai:token"] if e["message_id"] == mid and e["done"]]
        assert len(finals) == 1


async def test_an_interview_always_ends_even_when_it_cannot_be_scored(
    connect, make_account_on, server
):
    """Ending at once scores what there is (nothing); ending with the day's budget spent
    closes the interview unscored instead of leaving it open for good, and ending it
    again later retries the scoring."""
    _me, inbox, sio = await _user(connect, make_account_on)
    early = await start(sio, mode="interview", interview_type="technical")
    await final_token(inbox, early["message_id"])
    ended = await call(sio, "ai:session:end", {"session_id": early["session_id"]})
    assert ended["ok"] is True and ended["status"] == "ended", ended
    assert ended["feedback"]["score"] == 0 and "unscored" not in ended

    late = await start(sio, mode="interview", interview_type="behavioral")
    await final_token(inbox, late["message_id"])
    await ask(sio, inbox, late["session_id"], "I led the migration and measured the result.")
    budget = server.app[COACH].budget
    budget.metered, budget.daily_tokens = True, 1
    ended = await call(sio, "ai:session:end", {"session_id": late["session_id"]})
    assert ended["ok"] is True and ended["status"] == "unscored", ended
    assert ended["unscored"]["code"] == "budget_exhausted" and ended["feedback"] is None
    closed = await call(sio, "ai:question", {"session_id": late["session_id"], "content": "x"})
    assert code_of(closed) == "session_ended"
    budget.metered = False  # the next day, say
    scored = await call(sio, "ai:session:end", {"session_id": late["session_id"]})
    assert scored["ok"] is True and scored["status"] == "ended", scored
    assert scored["feedback"]["score"] >= 0 and "unscored" not in scored
    again = await call(sio, "ai:session:end", {"session_id": late["session_id"]})
    assert code_of(again) == "session_ended"


async def test_two_concurrent_ends_score_once(connect, make_account_on):
    _me, inbox, sio = await _user(connect, make_account_on)
    session = await start(sio, mode="interview", interview_type="behavioral")
    sid = session["session_id"]
    await final_token(inbox, session["message_id"])
    await ask(sio, inbox, sid, "I split the work, set a deadline and reviewed every change.")
    first, second = await asyncio.gather(
        call(sio, "ai:session:end", {"session_id": sid}),
        call(sio, "ai:session:end", {"session_id": sid}),
    )
    winners = [ack for ack in (first, second) if ack["ok"]]
    assert len(winners) == 1, (first, second)
    assert code_of(second if first["ok"] else first) == "session_ended"
    assert winners[0]["feedback"]["score"] >= 0
    # A round trip on the same socket: a second announcement would have arrived first.
    assert code_of(await call(sio, "ai:session:end", {"session_id": sid})) == "session_ended"
    assert len(inbox.events["ai:feedback"]) == 1


async def test_a_problem_made_private_is_no_longer_coached(
    connect, make_account_on, aplusb, server
):
    """Visibility is checked on every reply, not only when the session opened."""
    from sqlalchemy import update

    from realtime.keys import DATABASE
    from storage.models import Problem

    _me, inbox, sio = await _user(connect, make_account_on)
    session = (await start(sio, mode="hint", problem=aplusb))["session_id"]
    await ask(sio, inbox, session, "a hint please")
    async with server.app[DATABASE].session() as s:
        await s.execute(update(Problem).where(Problem.slug == aplusb).values(visibility="private"))
    ack = await call(sio, "ai:question", {"session_id": session, "content": "another"})
    assert ack["ok"] is True
    error = await inbox.wait_for("ai:error", lambda e: e["message_id"] == ack["message_id"])
    assert error["code"] == "problem_not_found"
    assert error["content"] == ""  # nothing of the problem was streamed
    final = await final_token(inbox, ack["message_id"])  # every reply ends with done: true
    assert final["status"] == "error" and final["content"] == ""


async def test_a_reply_streaming_in_another_process_refuses_a_second_one(
    connect, make_account_on, aplusb, server, monkeypatch
):
    """Two processes reading "nothing streams" at the same moment: the database's
    unique index still lets only one reply stream, and the refused question is not kept."""
    from realtime.keys import DATABASE
    from storage.repositories import coach as coach_repo

    _me, _inbox, sio = await _user(connect, make_account_on)
    session = (await start(sio, mode="review", problem=aplusb))["session_id"]
    async with server.app[DATABASE].session() as s:  # the other process's reply
        await coach_repo.add_message(s, session, "assistant", "", status="streaming")

    async def nothing_seen(db_session, session_id):  # both read before either inserted
        return None

    monkeypatch.setattr(coach_repo, "streaming_message", nothing_seen)
    refused = await call(sio, "ai:question", {"session_id": session, "content": "review"})
    assert code_of(refused) == "stream_in_progress"
    async with server.app[DATABASE].session() as s:
        roles = [m.role for m in await coach_repo.messages(s, session)]
    assert roles == ["assistant"]  # the refused question left nothing behind


async def test_opening_sessions_and_recommendations_are_rate_limited(
    connect, make_account_on, aplusb, http
):
    me, _inbox, sio = await _user(connect, make_account_on)
    acks = [
        await call(sio, "ai:session:start", {"mode": "hint", "problem": aplusb}) for _ in range(21)
    ]
    assert all(a["ok"] for a in acks[:20]) and code_of(acks[20]) == "rate_limited"
    statuses = [
        (await http.get("/api/problems/recommended", headers=me.headers)).status for _ in range(31)
    ]
    assert statuses[:30] == [200] * 30 and statuses[30] == 429
