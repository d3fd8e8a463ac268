"""Typed keys for the objects the application shares between handlers."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aiohttp import web

from realtime.config import Settings
from storage.database import Database

if TYPE_CHECKING:
    from realtime.services.ratelimit import RateLimiter

SETTINGS = web.AppKey("settings", Settings)
DATABASE = web.AppKey("database", Database)
LIMITER: web.AppKey[RateLimiter] = web.AppKey("limiter")
# Filled by later layers (judge service, Socket.IO server, coach): kept generic here.
SERVICES = web.AppKey("services", dict[str, Any])
