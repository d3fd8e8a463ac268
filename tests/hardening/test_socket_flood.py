"""A client flooding events is refused, then disconnected; other clients are still served."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
import socketio

from realtime.app import create_app
from realtime.config import load_settings
from realtime.services.ratelimit import Rule
from realtime.sockets.budget import EventBudget
from tests.inbox import CONNECT_TIMEOUT


def test_budget_refuses_then_calls_it_a_flood() -> None:
    budget = EventBudget(Rule(capacity=3, per_second=1.0))
    assert [budget.spend(now=100.0) for _ in range(4)] == [True, True, True, False]
    assert not budget.flooding
    assert not any(budget.spend(now=100.0) for _ in range(3))
    assert budget.flooding
    assert budget.spend(now=102.0)  # refilled: a calm client is served again


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
