"""Typed keys for every object the application shares between handlers (aiohttp's `AppKey`).

Each is set once, by `create_app` or by the cleanup context in `realtime.app`
that opens it, and read as `app[KEY]`. The modules that define the values
never import this one, so any handler can import every key without a cycle.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

import socketio
from aiohttp import web
from redis.asyncio import Redis

from coach.runtime import Coach
from progress.board_store import Boards
from realtime.config import Settings
from realtime.relays.documents import DocumentRelay
from realtime.relays.revocations import RevocationRelay
from realtime.rest.endpoints import Endpoint
from realtime.services.execution import ExecutionService
from realtime.services.mailer import MailOutbox
from realtime.services.problem_cache import ProblemListCache
from realtime.services.ratelimit import RateLimiter
from realtime.services.rooms import RoomService
from realtime.sockets.presence import Presence
from realtime.sockets.router import EventRouter
from rooms.doc_registry import DocumentRegistry
from storage.content_catalog import Catalog
from storage.database import Database

HealthProbe = Callable[[], str]
"""A component's state for `/api/health` (e.g. "in-process", or what is wrong)."""


class SocketListener(Protocol):
    """Something that follows sockets out of rooms, e.g. the shared documents."""

    async def left_room(self, sid: str, user_id: int, room_id: str) -> None:
        """`room:leave` succeeded for this socket."""
        ...

    async def disconnected(self, sid: str, user_id: int) -> None:
        """The socket is gone (it has already left every room)."""
        ...


# Set by create_app.
SETTINGS = web.AppKey("settings", Settings)
ENDPOINTS = web.AppKey("endpoints", list[Endpoint])  # every REST endpoint, for OpenAPI
HEALTH_PROBES = web.AppKey("health_probes", dict[str, HealthProbe])
SIO = web.AppKey("sio", socketio.AsyncServer)
SOCKET_ROUTER = web.AppKey("socket_router", EventRouter)
SOCKET_LISTENERS = web.AppKey("socket_listeners", list[SocketListener])
MAILER: web.AppKey[MailOutbox] = web.AppKey("mailer")  # account mail, sent in the background

# Opened and closed by the cleanup contexts, in this order.
DATABASE = web.AppKey("database", Database)
CONTENT = web.AppKey("content", Catalog)  # quizzes, learning modules, companies
REDIS: web.AppKey[Redis | None] = web.AppKey("redis")  # None: one process, no Redis
LIMITER: web.AppKey[RateLimiter] = web.AppKey("limiter")
BOARDS: web.AppKey[Boards] = web.AppKey("boards")  # leaderboards: Redis sorted sets or SQL
PROBLEM_CACHE: web.AppKey[ProblemListCache] = web.AppKey("problem_cache")  # list pages, scaled
PRESENCE: web.AppKey[Presence] = web.AppKey("presence")
ROOMS = web.AppKey("rooms", RoomService)
DOCUMENTS = web.AppKey("documents", DocumentRegistry)
DOC_RELAY = web.AppKey("doc_relay", DocumentRelay)
REVOCATIONS = web.AppKey("revocations", RevocationRelay)  # revoked logins, to every process
EXECUTION = web.AppKey("execution", ExecutionService)
COACH = web.AppKey("coach", Coach)
