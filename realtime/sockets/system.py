"""Small system events: an echo for latency and clock checks."""

from __future__ import annotations

import time
from typing import Any

from realtime.sockets.router import EventRouter, SocketCall

router = EventRouter()


@router.on("system:ping")
async def ping(call: SocketCall) -> dict[str, Any]:
    """Echo with the server's clock; clients use it for round-trip and clock-offset checks."""
    echo = call.data if isinstance(call.data, (int, float, str)) else None
    return {"server_time": time.time(), "echo": echo}
