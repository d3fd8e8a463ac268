"""Editor sessions over Socket.IO: open/resume, autosave with conflicts, transitions, history."""

from __future__ import annotations

import asyncio


async def test_open_autosave_conflict_and_history(connect, make_account_on, aplusb, http):
    me = await make_account_on()
    tab1 = await connect(me.token)
    tab2 = await connect(me.token)

    ack = await tab1.call("session:open", {"problem": aplusb, "language": "python"}, timeout=5)
    assert ack["ok"] and ack["created"] is True
    session = ack["session"]
    assert session["revision"] == 0
    assert session["code"]["python"].startswith("a, b = map(int")

    # The second tab resumes the same session rather than creating one.
    again = await tab2.call("session:open", {"problem": aplusb, "language": "python"}, timeout=5)
    assert again["created"] is False and again["session"]["id"] == session["id"]

    save = {
        "session": session["id"],
        "language": "python",
        "code": "print(1)",
        "base_revision": 0,
        "time_spent": 30,
    }
    ack = await tab1.call("session:autosave", save, timeout=5)
    assert ack == {"ok": True, "revision": 1, "saved": True, "snapshot": True}

    # Same content again: acknowledged, no new revision.
    ack = await tab1.call("session:autosave", {**save, "base_revision": 1}, timeout=5)
    assert ack["ok"] and ack["revision"] == 1 and ack["saved"] is False

    # tab2 still thinks it is at revision 0: conflict with the server's copy, nothing overwritten.
    stale = {**save, "code": "print(2)"}
    ack = await tab2.call("session:autosave", stale, timeout=5)
    assert ack["ok"] is False and ack["error"]["code"] == "conflict"
    assert ack["error"]["details"]["revision"] == 1
    assert ack["error"]["details"]["code"]["python"] == "print(1)"

    resp = await http.get(f"/api/sessions/{session['id']}", headers=me.headers)
    body = await resp.json()
    assert body["session"]["code"]["python"] == "print(1)" and body["session"]["time_spent"] == 30
    assert body["session"]["problem_slug"] == aplusb and body["session"]["problem_title"]
    snaps = await (
        await http.get(f"/api/sessions/{session['id']}/snapshots", headers=me.headers)
    ).json()
    assert [s["revision"] for s in snaps["items"]] == [1]


async def test_concurrent_autosaves_from_one_base_have_one_winner(connect, make_account_on, aplusb):
    me = await make_account_on()
    tabs = [await connect(me.token) for _ in range(4)]
    opened = await tabs[0].call("session:open", {"problem": aplusb}, timeout=5)
    sid = opened["session"]["id"]
    acks = await asyncio.gather(
        *(
            tab.call(
                "session:autosave",
                {"session": sid, "language": "python", "code": f"print({i})", "base_revision": 0},
                timeout=10,
            )
            for i, tab in enumerate(tabs)
        )
    )
    winners = [a for a in acks if a["ok"]]
    assert len(winners) == 1, acks
    assert all(a["error"]["code"] == "conflict" for a in acks if not a["ok"])


async def test_pause_resume_abandon_and_others_cannot_touch(connect, make_account_on, aplusb, http):
    me = await make_account_on()
    other = await make_account_on()
    mine = await connect(me.token)
    theirs = await connect(other.token)
    sid = (await mine.call("session:open", {"problem": aplusb}, timeout=5))["session"]["id"]

    for event in ("session:pause", "session:resume", "session:autosave"):
        payload = {"session": sid}
        if event == "session:autosave":
            payload.update(language="python", code="steal", base_revision=0)
        ack = await theirs.call(event, payload, timeout=5)
        assert ack["ok"] is False and ack["error"]["code"] == "session_not_found", event
    resp = await http.get(f"/api/sessions/{sid}", headers=other.headers)
    assert resp.status == 404
    resp = await http.get(f"/api/sessions/{sid}/snapshots", headers=other.headers)
    assert resp.status == 404

    ack = await mine.call("session:pause", {"session": sid}, timeout=5)
    assert ack["ok"] and ack["session"]["status"] == "paused"
    ack = await mine.call("session:pause", {"session": sid}, timeout=5)
    assert ack["error"]["code"] == "invalid_transition"
    listing = await (await http.get("/api/sessions?status=paused", headers=me.headers)).json()
    assert [s["id"] for s in listing["items"]] == [sid]
    assert [s["problem_slug"] for s in listing["items"]] == [aplusb]
    assert listing["items"][0]["problem_title"]
    # Opening the problem again resumes the paused session.
    reopened = await mine.call("session:open", {"problem": aplusb}, timeout=5)
    assert reopened["session"]["id"] == sid and reopened["created"] is False
    ack = await mine.call("session:resume", {"session": sid}, timeout=5)
    assert ack["session"]["status"] == "active"
    ack = await mine.call("session:abandon", {"session": sid}, timeout=5)
    assert ack["session"]["status"] == "abandoned"
    ack = await mine.call(
        "session:autosave",
        {"session": sid, "language": "python", "code": "x", "base_revision": 0},
        timeout=5,
    )
    assert ack["error"]["code"] == "session_closed"
    # Abandoned is marked, not deleted; a new open starts a fresh session.
    fresh = await mine.call("session:open", {"problem": aplusb}, timeout=5)
    assert fresh["created"] is True and fresh["session"]["id"] != sid
    resp = await http.get(f"/api/sessions/{sid}", headers=me.headers)
    assert (await resp.json())["session"]["status"] == "abandoned"


async def test_autosave_rate_limited(connect, make_account_on, aplusb):
    me = await make_account_on()
    tab = await connect(me.token)
    sid = (await tab.call("session:open", {"problem": aplusb}, timeout=5))["session"]["id"]
    revision = 0
    codes = []
    for i in range(30):
        ack = await tab.call(
            "session:autosave",
            {
                "session": sid,
                "language": "python",
                "code": f"print({i})",
                "base_revision": revision,
            },
            timeout=5,
        )
        if ack["ok"]:
            revision = ack["revision"]
        else:
            codes.append(ack["error"])
    assert codes, "30 saves in a burst must hit the limit"
    assert codes[0]["code"] == "rate_limited" and codes[0]["details"]["retry_after"] >= 1
