"""permessage-deflate is a setting, off by default, though browsers always offer it."""

from __future__ import annotations

import json
from typing import Any

import aiohttp
import pytest

from realtime.app import create_app
from realtime.config import load_settings


async def _negotiated(url: str, token: str) -> int:
    """Open a browser-like websocket (offering deflate), connect the namespace, read it."""
    ws_url = url.replace("http://", "ws://") + "/socket.io/?EIO=4&transport=websocket"
    async with aiohttp.ClientSession() as http, http.ws_connect(ws_url, compress=15) as ws:
        assert (await ws.receive_str()).startswith("0")
        await ws.send_str("40" + json.dumps({"token": token}))
        assert (await ws.receive_str()).startswith("40")
        await ws.send_str('421["system:ping",7]')
        reply = await ws.receive_str()
        assert reply.startswith("431[") and '"echo":7' in reply.replace(" ", "")
        return ws.compress


@pytest.mark.parametrize("enabled", [False, True])
async def test_compression_follows_the_setting(aiohttp_server, settings, enabled) -> None:
    from tests.conftest import account_factory

    overrides: dict[str, Any] = {"socket_compression": True} if enabled else {}
    server = await aiohttp_server(
        create_app(load_settings(**{**settings.model_dump(), **overrides}))
    )
    url = f"http://127.0.0.1:{server.port}"
    async with aiohttp.ClientSession(url) as http:
        me = await account_factory(http)()
    assert await _negotiated(url, me.token) == (15 if enabled else 0)
