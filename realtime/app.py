"""The application factory: routes, middlewares and resources wired from settings."""

from __future__ import annotations

from aiohttp import web

from realtime.auth import authenticate
from realtime.config import Settings
from realtime.keys import SERVICES, SETTINGS
from realtime.rest import (
    admin,
    auth,
    health,
    playback,
    problems,
    rooms,
    sessions,
    submissions,
    users,
)
from realtime.rest import coach as coach_api
from realtime.rest.endpoints import EndpointTable
from realtime.rest.middlewares import error_middleware
from realtime.rest.webclient import install_web_client
from realtime.services.documents import documents_ctx
from realtime.services.execution import drain_before_sockets_close, execution_ctx
from realtime.services.resources import database_ctx, redis_ctx
from realtime.services.rooms_ctx import rooms_ctx
from realtime.sockets import coach as coach_events
from realtime.sockets import code, documents, editor, interview, system
from realtime.sockets import rooms as room_events
from realtime.sockets.router import EventRouter
from realtime.sockets.server import attach

EVENT_ROUTERS: list[EventRouter] = [
    system.router,
    editor.router,
    code.router,
    room_events.router,
    documents.router,
    interview.router,
    coach_events.router,
]

ROUTE_TABLES: list[EndpointTable] = [
    health.routes,
    auth.routes,
    users.routes,
    coach_api.routes,  # before problems: /api/problems/recommended is not a slug
    problems.routes,
    sessions.routes,
    admin.routes,
    submissions.routes,
    rooms.routes,
    playback.routes,
]


def create_app(settings: Settings) -> web.Application:
    """Build the web application; nothing is opened until the app starts."""
    app = web.Application(client_max_size=settings.max_body_bytes, middlewares=[error_middleware])
    app[SETTINGS] = settings
    app[SERVICES] = {"health_probes": {}}
    app.cleanup_ctx.append(database_ctx)
    app.cleanup_ctx.append(redis_ctx)
    endpoints = [ep for table in ROUTE_TABLES for ep in table.endpoints]
    app[SERVICES]["endpoints"] = endpoints
    for table in ROUTE_TABLES:
        table.install(app, authenticate)
    router = EventRouter()
    for part in EVENT_ROUTERS:
        router.include(part)
    attach(app, router)
    install_web_client(app, settings.web_dist)  # after the API and Socket.IO routes
    app.cleanup_ctx.append(rooms_ctx)
    app.cleanup_ctx.append(documents_ctx)  # after rooms_ctx: it uses the room store
    app.cleanup_ctx.append(execution_ctx)
    app.cleanup_ctx.append(coach_events.coach_ctx)  # after execution_ctx: uses its judge
    room_events.install_hooks(app)
    app.on_shutdown.insert(0, drain_before_sockets_close)
    return app
