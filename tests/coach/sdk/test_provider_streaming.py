"""The real `openai` and `google-genai` SDKs against a loopback model server, end to end
through Socket.IO: streaming delta by delta, cancel closing the HTTP connection,
provider errors and invalid JSON reported as `ai:error` / ack errors."""

from __future__ import annotations

import asyncio
import json

from tests.coach.loopback import Reply
from tests.coach.streams import call, deltas, final_token, handlers, start
from tests.inbox import Inbox

TOKENS = ["Think", " about", " the", " sign", " of", " b", ".\n", "What", " is", " 1 - 2?"]


async def test_reply_streams_to_the_client_delta_by_delta(
    model, provider, connect, make_account_on, aplusb
):
    model.default = Reply(tokens=TOKENS, delay=0.01)
    me = await make_account_on()
    inbox = Inbox()
    sio = await connect(me.token, on=handlers(inbox))
    session = await start(sio, mode="review", problem=aplusb)
    ack = await call(sio, "ai:question", {"session_id": session["session_id"], "content": "why?"})
    assert ack["ok"] is True and ack["session_id"] == session["session_id"]
    final = await final_token(inbox, ack["message_id"])
    assert deltas(inbox, ack["message_id"]) == TOKENS  # one ai:token per provider delta
    assert final["content"] == "".join(TOKENS) and final["status"] == "complete"
    assert len(model.prompts) == 1
    sent = model.prompts[0]
    assert "why?" in sent and "Read two integers a and b" in sent
    if provider == "gemini":
        assert "streamGenerateContent" in model.paths[0] and "alt=sse" in model.paths[0]
        assert "loopback-model" in model.paths[0]
    else:
        assert json.loads(sent)["stream"] is True and json.loads(sent)["model"] == "loopback-model"


async def test_cancel_closes_the_provider_connection_and_keeps_the_partial_text(
    model, connect, make_account_on, aplusb, http
):
    model.default = Reply(tokens=[f"w{i} " for i in range(300)], delay=0.03)
    me = await make_account_on()
    inbox = Inbox()
    sio = await connect(me.token, on=handlers(inbox))
    session = await start(sio, mode="review", problem=aplusb)
    sid = session["session_id"]
    ack = await call(sio, "ai:question", {"session_id": sid, "content": "explain slowly"})
    mid = ack["message_id"]
    await inbox.wait_for("ai:token", lambda e: e["delta"] == "w3 ", within=10)

    cancelled = await call(sio, "ai:cancel", {"session_id": sid})
    assert cancelled["ok"] is True and cancelled["status"] == "cancelled"
    assert cancelled["message_id"] == mid and cancelled["content"].startswith("w0 w1 w2 w3 ")
    await asyncio.wait_for(model.disconnected.wait(), 5)  # the HTTP request really ended
    final = await final_token(inbox, mid, within=5)
    assert final["cancelled"] is True and final["content"] == cancelled["content"]
    shown = len(deltas(inbox, mid))
    # A round trip on the same socket: a delta sent after the final token would be here.
    again = await call(sio, "ai:cancel", {"session_id": sid})
    assert again["ok"] is False and again["error"]["code"] == "no_active_stream"
    assert len(deltas(inbox, mid)) == shown  # nothing after the cancel
    assert model.finished == 0

    resp = await http.get(f"/api/coach/sessions/{sid}", headers=me.headers)
    stored = (await resp.json())["session"]["messages"]
    assert [m["role"] for m in stored] == ["user", "assistant"]
    assert stored[1]["status"] == "cancelled" and stored[1]["content"] == cancelled["content"]


async def _error_for(model, connect, make_account_on, aplusb, reply: Reply) -> dict:
    model.default = reply
    me = await make_account_on()
    inbox = Inbox()
    sio = await connect(me.token, on=handlers(inbox))
    session = await start(sio, mode="review", problem=aplusb)
    ack = await call(sio, "ai:question", {"session_id": session["session_id"], "content": "hi"})
    assert ack["ok"] is True
    error = await inbox.wait_for("ai:error", lambda e: e["message_id"] == ack["message_id"])
    assert not [e for e in inbox.events["ai:token"] if e["done"]]
    return error


async def test_rate_limit_is_retried_then_reported(model, connect, make_account_on, aplusb):
    error = await _error_for(
        model, connect, make_account_on, aplusb, Reply(status=429, headers={"retry-after": "0"})
    )
    assert error["code"] == "ai_rate_limited" and error["retryable"] is True
    assert error["retry_after"] >= 0 and "try again" in error["message"]
    assert len(model.prompts) == 2  # one retry (CODEARENA_AI_RETRIES=1), then reported


async def test_server_error_is_retried_then_reported(model, connect, make_account_on, aplusb):
    error = await _error_for(model, connect, make_account_on, aplusb, Reply(status=500))
    assert error["code"] == "ai_unavailable" and error["retry_after"] > 0
    assert len(model.prompts) == 2


async def test_silent_provider_times_out_instead_of_hanging(
    model, connect, make_account_on, aplusb
):
    error = await _error_for(model, connect, make_account_on, aplusb, Reply(hang=30))
    assert error["code"] == "ai_timeout" and error["retryable"] is True
    assert len(model.prompts) == 2


async def test_stall_mid_stream_keeps_what_was_shown(model, connect, make_account_on, aplusb):
    reply = Reply(tokens=["Partial", " answer", " never", " ends"], stall_after=2)
    error = await _error_for(model, connect, make_account_on, aplusb, reply)
    assert error["code"] == "ai_timeout" and error["content"] == "Partial answer"
    assert len(model.prompts) == 1  # text was already shown: no silent retry


async def test_invalid_json_is_retried_then_reported_then_recovers(model, connect, make_account_on):
    me = await make_account_on()
    inbox = Inbox()
    sio = await connect(me.token, on=handlers(inbox))
    model.default = Reply(tokens=["Question 1:", " tell me about", " a hard bug."])
    session = await start(sio, mode="interview", interview_type="behavioral", company="Acme")
    await final_token(inbox, session["message_id"])
    answer = await call(
        sio, "ai:question", {"session_id": session["session_id"], "content": "I fixed a race."}
    )
    await final_token(inbox, answer["message_id"])
    before = len(model.prompts)

    model.queue(Reply.text("Great interview!"), Reply.text('{"score": 11}'), Reply.text("{oops"))
    failed = await call(sio, "ai:session:end", {"session_id": session["session_id"]})
    assert failed["ok"] is True and failed["status"] == "unscored", failed  # ended, not stuck
    assert failed["unscored"]["code"] == "ai_invalid_output"
    assert failed["unscored"]["retry_after"] > 0
    error = await inbox.wait_for("ai:error", lambda e: e.get("code") == "ai_invalid_output")
    assert error["session_id"] == session["session_id"]
    assert len(model.prompts) == before + 3  # three rounds, each told what was wrong
    assert "That reply was not valid" in model.prompts[-1] and "score" in model.prompts[-1]
    assert "I fixed a race." in model.prompts[-1]  # the transcript is what gets scored

    feedback = {
        "score": 7,
        "strengths": ["Clear story about the race condition"],
        "improvements": ["Quantify the result"],
        "improvement_areas": ["impact"],
    }
    text = json.dumps(feedback)
    model.queue(Reply(tokens=[text[:20], text[20:]]))
    ended = await call(sio, "ai:session:end", {"session_id": session["session_id"]})  # retries
    assert ended["ok"] is True and ended["status"] == "ended" and ended["feedback"] == feedback
    event = await inbox.wait_for("ai:feedback")
    assert event["feedback"]["score"] == 7 and event["session_id"] == session["session_id"]
