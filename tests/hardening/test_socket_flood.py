"""A client flooding events is refused, then disconnected; other clients are still served."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import aiohttp
import pytest
import socketio

from realtime.app import create_app
from realtime.config import load_settings
from realtime.services.ratelimit import Rule
from realtime.sockets.budget import EventBudget, FloodCooldown
from tests.inbox import CONNECT_TIMEOUT


def test_budget_refuses_then_calls_it_a_flood() -> None:
    budget = EventBudget(Rule(capacity=3, per_second=1.0))
    assert [budget.spend(now=100.0) for _ in range(4)] == [True, True, True, False]
    assert not budget.flooding
    assert not any(budget.spend(now=100.0) for _ in range(3))
    assert budget.flooding
    assert budget.spend(now=102.0)  # refilled: a calm client is served again


def test_cooldown_holds_a_flooder_back_then_lets_it_go() -> None:
    cooldown = FloodCooldown(seconds=30.0)
    cooldown.start(7, now=100.0)
    assert cooldown.remaining(7, now=110.0) == 20.0
    assert cooldown.remaining(8, now=110.0) == 0.0  # only the flooder waits
    assert cooldown.remaining(7, now=130.0) == 0.0
    cooldown.start(9, now=200.0)
    assert 7 not in cooldown.until  # served cooldowns are forgotten


@pytest.fixture
async def flood_server(aiohttp_server: Any, settings: Any) -> Any:
    tight = load_settings(
        **{**settings.model_dump(), "socket_event_rate": 5.0, "socket_event_burst": 20}
    )
    return await aiohttp_server(create_app(tight))


async def test_flooding_client_is_refused_then_disconnected(flood_server, aiohttp_client):
    from tests.conftest import account_factory

    http = await aiohttp_client(flood_server)
    make = account_factory(http)
    flooder_account, calm_account = await make(), await make()
    url = f"http://127.0.0.1:{flood_server.port}"
    flooder = socketio.AsyncClient(reconnection=False)
    calm = socketio.AsyncClient(reconnection=False)
    disconnected = asyncio.Event()
    flooder.on("disconnect", lambda *args: disconnected.set())
    try:
        await flooder.connect(
            url,
            auth={"token": flooder_account.token},
            transports=["websocket"],
            wait_timeout=CONNECT_TIMEOUT,
        )
        await calm.connect(
            url,
            auth={"token": calm_account.token},
            transports=["websocket"],
            wait_timeout=CONNECT_TIMEOUT,
        )
        acks = await asyncio.gather(*(flooder.call("no:such", {}, timeout=10) for _ in range(30)))
        codes = [ack["error"]["code"] for ack in acks]
        assert codes.count("unknown_event") >= 20 and "rate_limited" in codes

        # the other client is served meanwhile
        ack = await calm.call("no:such", {}, timeout=10)
        assert ack["error"]["code"] == "unknown_event"

        for _ in range(200):  # keeps flooding without waiting for acks
            if not flooder.connected:
                break
            await flooder.emit("no:such", {})
        await asyncio.wait_for(disconnected.wait(), 10)
        assert calm.connected
        ack = await calm.call("no:such", {}, timeout=10)
        assert ack["error"]["code"] == "unknown_event"
    finally:
        for client in (flooder, calm):
            if client.connected:
                await client.disconnect()


async def test_a_flooder_loses_its_websocket_not_just_its_namespace(flood_server, aiohttp_client):
    """Raw Engine.IO frames as fast as the socket takes them, never reading an answer: once
    it counts as a flood the server closes the websocket itself, so the flooder's further
    frames are not read and it must reconnect and authenticate again."""
    from tests.conftest import account_factory

    account = await account_factory(await aiohttp_client(flood_server))()
    url = f"ws://127.0.0.1:{flood_server.port}/socket.io/?EIO=4&transport=websocket"
    async with aiohttp.ClientSession() as http, http.ws_connect(url) as ws:
        assert (await ws.receive_str()).startswith("0")
        await ws.send_str("40" + json.dumps({"token": account.token}))
        assert (await ws.receive_str()).startswith("40")
        for i in range(500):  # well past the burst of 20 and 20 refusals more
            await ws.send_str(f'42{i}["no:such",{{}}]')
        frames = []
        async with asyncio.timeout(10):
            async for msg in ws:  # drain until the server closes the connection
                frames.append(msg.data)
        assert ws.closed  # by the server, long before its 20 s ping timeout
        assert any('"rate_limited"' in str(f) for f in frames)
        assert sum(str(f).startswith("43") for f in frames) < 500  # the rest went unread

    # Connecting again at once is refused before any database work, with the wait in words;
    # someone else connects as usual.
    again = socketio.AsyncClient(reconnection=False)
    refusals: list[dict] = []
    again.on("connect_error", refusals.append)
    with pytest.raises(socketio.exceptions.ConnectionError):
        await again.connect(
            f"http://127.0.0.1:{flood_server.port}",
            auth={"token": account.token},
            transports=["websocket"],
            wait_timeout=CONNECT_TIMEOUT,
        )
    assert refusals and refusals[0]["data"]["code"] == "rate_limited", refusals
    assert "connect again in" in refusals[0]["data"]["message"]
    other = await account_factory(await aiohttp_client(flood_server))()
    calm = socketio.AsyncClient(reconnection=False)
    await calm.connect(
        f"http://127.0.0.1:{flood_server.port}",
        auth={"token": other.token},
        transports=["websocket"],
        wait_timeout=CONNECT_TIMEOUT,
    )
    assert calm.connected
    await calm.disconnect()
