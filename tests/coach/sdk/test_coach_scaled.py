"""Two `codearena serve` processes (PostgreSQL + Redis) and the real OpenAI SDK: a cancel
sent from a tab on one process stops the reply streaming in the other."""

from __future__ import annotations

import asyncio
import json

import socketio

from tests.coach.loopback import Reply
from tests.coach.streams import call, deltas, final_token, handlers
from tests.inbox import CONNECT_TIMEOUT, Inbox
from tests.sockets.test_scaled import login


async def _client(url: str, token: str, inbox: Inbox) -> socketio.AsyncClient:
    client = socketio.AsyncClient(reconnection=False)
    for event, handler in handlers(inbox).items():
        client.on(event, handler)
    await client.connect(
        url, auth={"token": token}, transports=["websocket"], wait_timeout=CONNECT_TIMEOUT
    )
    return client


async def test_cancel_from_a_tab_on_another_process(cluster, model):
    model.default = Reply(tokens=[f"w{i} " for i in range(400)], delay=0.03)
    env = {
        "CODEARENA_AI_PROVIDER": "openai",
        "OPENAI_API_KEY": "sk-loopback",
        "OPENAI_BASE_URL": f"{model.url}/v1",
        "CODEARENA_AI_MODEL": "loopback-model",
    }
    a = cluster.serve("web-a", extra_env=env)
    b = cluster.serve("web-b", extra_env=env)
    me = await login(a.url)
    inbox_a, inbox_b = Inbox(), Inbox()
    tab_a = await _client(a.url, me.token, inbox_a)
    tab_b = await _client(b.url, me.token, inbox_b)
    try:
        started = await call(
            tab_a, "ai:session:start", {"mode": "interview", "interview_type": "behavioral"}
        )
        assert started["ok"] is True, started
        sid, mid = started["session_id"], started["message_id"]
        await inbox_b.wait_for("ai:token", lambda e: e["message_id"] == mid, within=15)

        cancelled = await call(tab_b, "ai:cancel", {"session_id": sid})
        assert cancelled["ok"] is True, cancelled
        assert cancelled["message_id"] == mid and cancelled["status"] == "cancelled"
        assert cancelled["content"].startswith("w0 "), cancelled
        await asyncio.wait_for(model.disconnected.wait(), 5)  # process A closed the request
        for inbox in (inbox_a, inbox_b):  # both tabs see the end, with the text kept
            final = await final_token(inbox, mid, within=5)
            assert final["cancelled"] is True and final["content"] == cancelled["content"]
        shown = len(deltas(inbox_a, mid))
        assert model.finished == 0

        again = await call(tab_b, "ai:cancel", {"session_id": sid})
        assert again["ok"] is False and again["error"]["code"] == "no_active_stream"

        # Ending from B stops a reply streaming in A, then scores the interview.
        asked = await call(tab_a, "ai:question", {"session_id": sid, "content": "A race bug."})
        assert asked["ok"] is True, asked
        reply = asked["message_id"]
        await inbox_a.wait_for("ai:token", lambda e: e["message_id"] == reply, within=15)
        # That token came from process A through the same relay after the cancelled
        # stream's: a delta of the cancelled message would have arrived before it.
        assert len(deltas(inbox_a, mid)) == shown
        feedback = {"score": 6, "strengths": ["x"], "improvements": [], "improvement_areas": []}
        model.queue(Reply.text(json.dumps(feedback)))
        ended = await call(tab_b, "ai:session:end", {"session_id": sid})
        assert ended["ok"] is True and ended["feedback"] == feedback, ended
        final = await final_token(inbox_a, reply, within=5)
        assert final["status"] == "cancelled" and model.disconnects == 2
    finally:
        await tab_a.disconnect()
        await tab_b.disconnect()
