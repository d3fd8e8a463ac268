"""The room service's lifecycle in a web process: its clock and the hooks other layers call."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

from aiohttp import web

from realtime.keys import DATABASE, SERVICES
from realtime.services.execution import socket_emitter
from realtime.services.rooms import RoomService

ROOMS = web.AppKey("rooms", RoomService)


async def rooms_ctx(app: web.Application) -> AsyncIterator[None]:
    from realtime.sockets.server import SIO

    service = RoomService(app[DATABASE], socket_emitter(app[SIO]))
    app[ROOMS] = service
    services: dict[str, Any] = app[SERVICES]

    async def contest_guard(user_id: int, problem_slug: str) -> bool:
        """For the coach: False while the user competes on this problem."""
        return not await service.competing_on(user_id, problem_slug)

    services["contest_guard"] = contest_guard
    stop = asyncio.Event()
    clock = asyncio.create_task(service.run_clock(stop))
    yield
    stop.set()
    await clock
