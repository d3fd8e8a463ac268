"""Hundreds of random, malformed payloads to every event: each answered, the server stays up."""

from __future__ import annotations

import random
import string

import pytest

from realtime.app import EVENT_ROUTERS
from realtime.config import Settings, load_settings

EVENTS = sorted({name for router in EVENT_ROUTERS for name in router.routes} | {"code:execute"})


@pytest.fixture
def settings(settings: Settings) -> Settings:
    """Room for 400 events in a row: the per-connection budget is tested on its own."""
    return load_settings(**{**settings.model_dump(), "socket_event_burst": 1000})


def junk(rng: random.Random, depth: int = 0) -> object:
    kind = rng.randrange(10 if depth < 2 else 7)
    if kind == 0:
        return None
    if kind == 1:
        return rng.choice([True, False])
    if kind == 2:
        return rng.choice([0, -1, 2**63, 1.5, float("inf"), -(2**31)])
    if kind == 3:
        return "".join(rng.choice(string.printable) for _ in range(rng.randrange(40)))
    if kind == 4:
        return rng.choice(["", "\x00", "💥" * 10, "a" * 5000, "../../etc/passwd", "' OR 1=1 --"])
    if kind == 5:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(64)))
    if kind == 6:
        return rng.choice([{"session": "1"}, {"problem": None}, {"room": {}}, {"language": 7}])
    if kind == 7:
        return [junk(rng, depth + 1) for _ in range(rng.randrange(4))]
    keys = ["session", "problem", "language", "code", "mode", "base_revision", "room", "data", "x"]
    return {rng.choice(keys): junk(rng, depth + 1) for _ in range(rng.randrange(5))}


async def test_fuzz_every_event(connect, make_account_on, aplusb):
    rng = random.Random(20261122)
    me = await make_account_on()
    sio = await connect(me.token)
    answered = 0
    for i in range(400):
        event = EVENTS[i % len(EVENTS)]
        payload = junk(rng)
        ack = await sio.call(event, payload, timeout=10)
        assert isinstance(ack, dict) and isinstance(ack.get("ok"), bool), (event, payload, ack)
        if not ack["ok"]:
            assert set(ack["error"]) >= {"code", "message"}, ack
            assert ack["error"]["code"] != "internal_error", (event, payload, ack)
        answered += 1
    assert answered == 400
    # The same connection and a fresh one both still work.
    assert (await sio.call("system:ping", 1, timeout=5))["echo"] == 1
    other = await connect(me.token)
    ack = await other.call("session:open", {"problem": aplusb}, timeout=5)
    assert ack["ok"] is True
