"""`code:execute` end to end: real sandboxed runs, streamed progress, one result per tab."""

from __future__ import annotations

from realtime.services.ratelimit import RULES
from tests.inbox import Inbox

CODE_EVENTS = ("code:progress", "code:result", "code:error", "code:timeout")
GOOD = "a, b = map(int, input().split())\nprint(a + b)\n"
WRONG_ON_NEGATIVES = "a, b = map(int, input().split())\nprint(max(a + b, -10))\n"


async def test_submit_streams_progress_then_one_result_to_every_tab(
    connect, make_account_on, aplusb
):
    me = await make_account_on()
    tab1, tab2 = Inbox(), Inbox()
    sio = await connect(me.token, on=tab1.handlers(*CODE_EVENTS))
    await connect(me.token, on=tab2.handlers(*CODE_EVENTS))

    ack = await sio.call(
        "code:execute",
        {"problem": aplusb, "language": "python", "code": WRONG_ON_NEGATIVES, "mode": "submit"},
        timeout=10,
    )
    assert ack["ok"] is True and isinstance(ack["submission_id"], int)
    sub_id = ack["submission_id"]
    for inbox in (tab1, tab2):
        result = await inbox.wait_for("code:result", lambda e: e["submission_id"] == sub_id)
        assert result["verdict"] == "WA"  # test 04 (-7 -8) fails
        assert result["passed"] == 3 and result["total"] == 4 and result["score"] == 75.0
        tests = [e for e in inbox.events["code:progress"] if e["kind"] == "test"]
        assert len(tests) == 4
        assert all(e["submission_id"] == sub_id for e in tests)
        assert len([e for e in inbox.events["code:result"] if e["submission_id"] == sub_id]) == 1
    # Hidden tests reveal only verdict/time/memory, in progress and in the result.
    for event in tab1.events["code:progress"] + tab1.events["code:result"]:
        text = repr(event)
        assert "-7 -8" not in text and "-15" not in text and "2000000000" not in text
    hidden = [t for t in result["tests"] if t["hidden"]]
    assert hidden and all(
        set(t) <= {"index", "verdict", "time_ms", "memory_kb", "hidden"} for t in hidden
    )
    visible = [t for t in result["tests"] if not t["hidden"]]
    assert visible[0]["input"] == "1 2\n" and visible[0]["expected"] == "3\n"


async def test_run_mode_uses_visible_tests_or_custom_stdin(connect, make_account_on, aplusb):
    me = await make_account_on()
    inbox = Inbox()
    sio = await connect(me.token, on=inbox.handlers(*CODE_EVENTS))
    ack = await sio.call(
        "code:execute",
        {"problem": aplusb, "language": "python", "code": GOOD, "mode": "run"},
        timeout=10,
    )
    result = await inbox.wait_for(
        "code:result", lambda e: e["submission_id"] == ack["submission_id"]
    )
    assert result["verdict"] == "AC" and result["total"] == 2  # only the visible tests

    ack = await sio.call(
        "code:execute",
        {
            "language": "python",
            "code": "print(input()[::-1])",
            "mode": "run",
            "stdin": "stressed\n",
        },
        timeout=10,
    )
    result = await inbox.wait_for(
        "code:result", lambda e: e["submission_id"] == ack["submission_id"]
    )
    assert result["tests"][0]["actual"] == "desserts\n"


async def test_every_error_path_is_acked(connect, make_account_on, aplusb):
    me = await make_account_on()
    inbox = Inbox()
    sio = await connect(me.token, on=inbox.handlers(*CODE_EVENTS))
    cases = [
        ({"problem": aplusb, "language": "cobol", "code": "x", "mode": "run"}, "unknown_language"),
        (
            {"problem": "no-such-problem", "language": "python", "code": "x", "mode": "run"},
            "problem_not_found",
        ),
        ({"language": "python", "code": "x", "mode": "submit"}, "problem_required"),
        ({"problem": aplusb, "language": "python", "code": "", "mode": "run"}, "invalid_payload"),
        ({"problem": aplusb, "language": "python", "code": "x", "mode": "fly"}, "invalid_payload"),
        ({"problem": aplusb, "language": "python", "code": "x" * 70000}, "invalid_payload"),
        ({"problem": aplusb, "language": "python", "code": "x", "room": "nope"}, "room_not_found"),
        (
            {"problem": aplusb, "language": "python", "code": "x", "session": 999999},
            "session_not_found",
        ),
    ]
    for payload, code in cases:
        ack = await sio.call("code:execute", payload, timeout=10)
        assert ack["ok"] is False and ack["error"]["code"] == code, (payload, ack)
    pushed = await inbox.wait_for(
        "code:error", lambda e: e["code"] == "problem_not_found", within=5
    )
    assert "no-such-problem" in pushed["message"]


async def test_execute_rate_limited(connect, make_account_on, aplusb):
    me = await make_account_on()
    sio = await connect(me.token)
    payload = {"problem": aplusb, "language": "python", "code": GOOD, "mode": "submit"}
    burst = int(RULES["submit"].capacity) + 3
    acks = [await sio.call("code:execute", payload, timeout=10) for _ in range(burst)]
    refused = [a for a in acks if not a["ok"]]
    assert refused and refused[0]["error"]["code"] == "rate_limited"
    assert refused[0]["error"]["details"]["retry_after"] >= 1


async def test_session_submit_links_submission(connect, make_account_on, aplusb, http):
    me = await make_account_on()
    inbox = Inbox()
    sio = await connect(me.token, on=inbox.handlers(*CODE_EVENTS))
    opened = await sio.call("session:open", {"problem": aplusb}, timeout=5)
    sid = opened["session"]["id"]
    await sio.call(
        "session:autosave",
        {"session": sid, "language": "python", "code": GOOD, "base_revision": 0},
        timeout=5,
    )
    ack = await sio.call("session:submit", {"session": sid}, timeout=10)
    assert ack["ok"] and ack["session"]["status"] == "submitted"
    result = await inbox.wait_for(
        "code:result", lambda e: e["submission_id"] == ack["submission_id"]
    )
    assert result["verdict"] == "AC"
    body = await (await http.get(f"/api/sessions/{sid}", headers=me.headers)).json()
    assert body["session"]["submission_id"] == ack["submission_id"]
    again = await sio.call("session:submit", {"session": sid}, timeout=5)
    assert again["error"]["code"] == "invalid_transition"
