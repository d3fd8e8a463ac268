"""Refusals: every bad or disallowed coach request gets a clear error ack, never a hang."""

from __future__ import annotations

import asyncio

from realtime.keys import SERVICES
from realtime.sockets.coach import COACH
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
    connect, make_account_on, aplusb, server
):
    me, inbox, sio = await _user(connect, make_account_on)
    session = (await start(sio, mode="hint", problem=aplusb))["session_id"]
    asked: list[tuple[int, str]] = []

    async def guard(user_id: int, slug: str) -> bool:
        asked.append((user_id, slug))
        return False

    server.app[SERVICES]["contest_guard"] = guard  # what the rooms layer registers
    refused = await call(sio, "ai:question", {"session_id": session, "content": "hint?"})
    assert code_of(refused) == "contest_in_progress" and "contest" in refused["error"]["message"]
    blocked = await call(sio, "ai:session:start", {"mode": "review", "problem": aplusb})
    assert code_of(blocked) == "contest_in_progress"
    assert asked == [(me.id, aplusb), (me.id, aplusb)]
    interview = await start(sio, mode="interview", interview_type="behavioral")
    assert interview["ok"] is True  # no problem involved: nothing to guard

    server.app[SERVICES]["contest_guard"] = lambda user_id, slug: True  # the contest ended
    await ask(sio, inbox, session, "hint?")


async def test_daily_budget_and_rate_limit(connect, make_account_on, aplusb, server):
    _me, inbox, sio = await _user(connect, make_account_on)
    session = (await start(sio, mode="review", problem=aplusb))["session_id"]
    server.app[COACH].budget.daily_tokens = 100
    await ask(sio, inbox, session, "review my attempt")  # allowed, and charged
    spent = await call(sio, "ai:question", {"session_id": session, "content": "more"})
    assert code_of(spent) == "budget_exhausted"
    assert "00:00 UTC" in spent["error"]["message"]
    assert spent["error"]["details"]["retry_after"] > 0

    codes = [
        code_of(await call(sio, "ai:question", {"session_id": 999999, "content": "x"}))
        for _ in range(12)
    ]
    assert "rate_limited" in codes  # the per-user "ai" bucket (10 per minute)


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
