"""End to end: a real submission through the real judge updates progress, and the
result carries "beats x%" while the first solve pushes `notification:new` (stored too)."""

from __future__ import annotations

from progress import xp
from tests.inbox import Inbox

GOOD = "a, b = map(int, input().split())\nprint(a + b)\n"
WRONG_ON_NEGATIVES = "a, b = map(int, input().split())\nprint(max(a + b, -10))\n"


async def test_real_submits_update_progress_percentiles_and_notify(
    connect, http, make_account_on, aplusb
):
    me = await make_account_on()
    inbox = Inbox()
    sio = await connect(me.token, on=inbox.handlers("code:result", "notification:new"))

    async def submit(code: str) -> dict:
        ack = await sio.call(
            "code:execute",
            {"problem": aplusb, "language": "python", "code": code, "mode": "submit"},
            timeout=10,
        )
        assert ack["ok"] is True
        return await inbox.wait_for(
            "code:result", lambda e: e["submission_id"] == ack["submission_id"]
        )

    wrong = await submit(WRONG_ON_NEGATIVES)
    assert wrong["verdict"] == "WA" and wrong["percentiles"] is None
    right = await submit(GOOD)
    assert right["verdict"] == "AC"
    assert right["percentiles"] == {"runtime_beats": 100.0, "memory_beats": 100.0}  # alone
    note = await inbox.wait_for("notification:new", lambda e: e["data"] == {"code": "first_solve"})
    assert note["kind"] == "achievement" and note["title"] and note["id"] >= 1

    headers = me.headers
    # The bank holds one problem, so it is today's challenge: nobody opened the daily page,
    # yet the solve stored the day's pick and earned the bonus.
    daily = await (await http.get("/api/daily-challenge", headers=headers)).json()
    assert daily["problem"]["slug"] == aplusb and daily["status"] == "solved"
    assert daily["solved_count"] == 1
    bonus = xp.DAILY_BONUS_XP
    body = await (await http.get("/api/analytics/dashboard", headers=headers)).json()
    assert body["totals"]["solved"] == 1 and body["totals"]["submissions"] == 2
    assert body["xp"] == 10 + bonus and body["streak"]["current"] == 1
    assert [r["verdict"] for r in body["recent"]] == ["AC", "WA"]
    resp = await http.get(f"/api/submissions/{right['submission_id']}", headers=headers)
    assert (await resp.json())["submission"]["percentiles"]["runtime_beats"] == 100.0
