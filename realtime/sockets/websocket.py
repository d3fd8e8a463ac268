"""The websocket under Engine.IO, with permessage-deflate as a setting.

aiohttp's `WebSocketResponse` accepts permessage-deflate whenever a client offers it,
and browsers always do; each compressed connection then keeps a zlib compressor and
decompressor (measured by bench/idle_memory.py). python-engineio builds that response
itself with no option for it, so this subclass of its aiohttp driver's websocket
passes `compress`, and `use_websocket` installs it on one server only.
"""

from __future__ import annotations

from typing import Any

import socketio
from aiohttp.web import WebSocketResponse
from engineio.async_drivers.aiohttp import WebSocket as EngineWebSocket


class _WebSocket(EngineWebSocket):  # type: ignore[misc]
    compress = False

    async def __call__(self, environ: dict[str, Any]) -> WebSocketResponse:
        request = environ["aiohttp.request"]
        self._sock = WebSocketResponse(
            max_msg_size=self.server.max_http_buffer_size, compress=self.compress
        )
        await self._sock.prepare(request)
        self.environ = environ
        await self.handler(self)
        return self._sock


def use_websocket(sio: socketio.AsyncServer, *, compress: bool) -> None:
    """Make `sio`'s websockets accept permessage-deflate only if `compress`."""
    websocket = type("WebSocket", (_WebSocket,), {"compress": compress})
    # engineio keeps its driver table per module; copy it so other servers keep theirs
    sio.eio._async = {**sio.eio._async, "websocket": websocket}
