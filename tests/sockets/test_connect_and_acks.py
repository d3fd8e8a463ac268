"""Socket.IO connect auth and the ack contract, with real AsyncClients on a real port."""

from __future__ import annotations

import pytest
import socketio


async def test_connect_refused_without_or_with_bad_token(connect):
    for token, code in (
        (None, "not_authenticated"),
        ("", "not_authenticated"),
        ("garbage", "invalid_token"),
    ):
        refusals = []
        with pytest.raises(socketio.exceptions.ConnectionError):
            await connect(token, on={"connect_error": refusals.append})
        assert refusals and refusals[0]["data"]["code"] == code, refusals


async def test_connect_accepted_and_acks(connect, make_account_on):
    me = await make_account_on()
    sio = await connect(me.token)
    ack = await sio.call("no:such:event", {"x": 1}, timeout=5)
    assert ack["ok"] is False and ack["error"]["code"] == "unknown_event"
    ack = await sio.call("session:open", "not an object", timeout=5)
    assert ack["ok"] is False and ack["error"]["code"] == "invalid_payload"
    ack = await sio.call("session:open", {"problem": 5}, timeout=5)
    assert ack["error"]["code"] == "invalid_payload"
    assert ack["error"]["details"]
    ack = await sio.call("session:open", {"problem": "missing-problem"}, timeout=5)
    assert ack == {
        "ok": False,
        "error": {"code": "problem_not_found", "message": "problem 'missing-problem' not found"},
    }
    ack = await sio.call("session:open", timeout=5)
    assert ack["error"]["code"] == "invalid_payload"
