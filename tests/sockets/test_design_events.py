"""`design:*` events through a real Socket.IO client: the same rules as REST, acked errors."""

from __future__ import annotations

import asyncio

from tests.designs.scenes import SceneBuilder
from tests.rest.test_design_sessions import SLUG, reference_scene


async def test_open_autosave_conflict_submit(connect, make_account_on):
    me = await make_account_on()
    tab1, tab2 = await connect(me.token), await connect(me.token)
    ack = await tab1.call("design:open", {"design": SLUG}, timeout=5)
    assert ack["ok"] and ack["created"]
    sid = ack["session"]["id"]
    ack = await tab2.call("design:open", {"design": SLUG}, timeout=5)
    assert ack["ok"] and not ack["created"] and ack["session"]["id"] == sid

    b = SceneBuilder()
    b.box("API servers", 0, 0)
    save = {"session": sid, "scene": b.scene(), "base_revision": 0, "time_spent": 5}
    ack = await tab1.call("design:autosave", save, timeout=5)
    assert ack == {"ok": True, "revision": 1, "saved": True, "snapshot": True}
    ack = await tab2.call("design:autosave", {**save, "scene": {"elements": []}}, timeout=5)
    assert not ack["ok"] and ack["error"]["code"] == "conflict"
    assert ack["error"]["details"]["revision"] == 1
    assert len(ack["error"]["details"]["scene"]["elements"]) == 2

    # Two tabs saving from the same base at once: exactly one wins.
    scenes = [SceneBuilder() for _ in range(2)]
    for n, s in enumerate(scenes):
        s.box(f"Tab {n}", 0, 0)
    acks = await asyncio.gather(
        *(
            tab.call(
                "design:autosave",
                {"session": sid, "scene": s.scene(), "base_revision": 1},
                timeout=5,
            )
            for tab, s in zip((tab1, tab2), scenes, strict=True)
        )
    )
    assert sorted(a["ok"] for a in acks) == [False, True]

    ack = await tab1.call("design:pause", {"session": sid}, timeout=5)
    assert ack["ok"] and ack["session"]["status"] == "paused"
    ack = await tab1.call("design:pause", {"session": sid}, timeout=5)
    assert ack["error"]["code"] == "invalid_transition"
    ack = await tab1.call("design:resume", {"session": sid}, timeout=5)
    assert ack["session"]["status"] == "active"

    ack = await tab1.call(
        "design:autosave", {"session": sid, "scene": reference_scene(), "base_revision": 2}
    )
    assert ack["ok"] and ack["revision"] == 3
    ack = await tab1.call("design:submit", {"session": sid}, timeout=10)
    assert ack["ok"], ack
    assert ack["session"]["status"] == "submitted" and ack["review"]["score"] == 100
    ack = await tab2.call("design:submit", {"session": sid}, timeout=10)
    assert ack["error"]["code"] == "already_reviewed"


async def test_strangers_and_bad_payloads_get_clear_acks(connect, make_account_on):
    me, other = await make_account_on(), await make_account_on()
    mine, theirs = await connect(me.token), await connect(other.token)
    sid = (await mine.call("design:open", {"design": SLUG}, timeout=5))["session"]["id"]
    for event, payload in (
        ("design:autosave", {"session": sid, "scene": {"elements": []}, "base_revision": 0}),
        ("design:pause", {"session": sid}),
        ("design:abandon", {"session": sid}),
        ("design:submit", {"session": sid}),
    ):
        ack = await theirs.call(event, payload, timeout=5)
        assert ack["ok"] is False and ack["error"]["code"] == "session_not_found", event
    for event, payload, code in (
        ("design:open", {"design": "nope"}, "design_not_found"),
        ("design:open", {}, "invalid_payload"),
        ("design:open", "url-shortener", "invalid_payload"),
        (
            "design:autosave",
            {"session": sid, "scene": {"elements": 3}, "base_revision": 0},
            "invalid_payload",
        ),
        (
            "design:autosave",
            {"session": sid, "scene": {}, "base_revision": 0, "x": 1},
            "invalid_payload",
        ),
        ("design:submit", {"session": "one"}, "invalid_payload"),
    ):
        ack = await mine.call(event, payload, timeout=5)
        assert ack["ok"] is False and ack["error"]["code"] == code, (event, payload, ack)
    # The connection survives all of that and the session is untouched.
    ack = await mine.call("design:open", {"design": SLUG}, timeout=5)
    assert ack["ok"] and ack["session"]["revision"] == 0 and ack["session"]["status"] == "active"
