"""The application factory: routes, events and the services they share, wired from settings.

`create_app` builds the app; nothing is opened until it starts. The cleanup
contexts below then open the shared services in order (each may use those
before it) and close them in reverse at shutdown; every one is kept under its
typed key from `realtime.keys`.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

from aiohttp import web

from coach.providers import ProviderConfig, RetryPolicy
from coach.runtime import build_coach
from realtime.auth import authenticate
from realtime.config import Settings
from realtime.keys import (
    BOARDS,
    COACH,
    DATABASE,
    DOC_RELAY,
    DOCUMENTS,
    ENDPOINTS,
    EXECUTION,
    HEALTH_PROBES,
    MAILER,
    PRESENCE,
    REDIS,
    REVOCATIONS,
    ROOMS,
    SETTINGS,
    SIO,
    SOCKET_LISTENERS,
)
from realtime.metrics import metrics
from realtime.relays.base import RedisRelay, relay_for
from realtime.relays.coach import CoachCancelRelay
from realtime.relays.documents import DocumentRelay
from realtime.relays.revocations import RevocationRelay
from realtime.rest import (
    account_mail,
    achievements,
    admin,
    admin_users,
    analytics,
    auth,
    companies,
    daily,
    designs,
    health,
    leaderboards,
    modules,
    notifications,
    playback,
    problems,
    quizzes,
    rooms,
    sessions,
    submissions,
    users,
)
from realtime.rest import coach as coach_api
from realtime.rest.endpoints import EndpointTable
from realtime.rest.middlewares import error_middleware
from realtime.rest.webclient import install_web_client
from realtime.services.content import content_ctx
from realtime.services.event_stream import EventPublisher
from realtime.services.execution import ExecutionService, socket_emitter
from realtime.services.mailer import MailOutbox, mailer_for
from realtime.services.resources import database_ctx, redis_ctx
from realtime.services.rooms import RoomService
from realtime.sockets import coach as coach_events
from realtime.sockets import code, documents, editor, system
from realtime.sockets import designs as design_events
from realtime.sockets import rooms as room_events
from realtime.sockets.presence import MemoryPresence, RedisPresence
from realtime.sockets.router import EventRouter
from realtime.sockets.server import attach, close_login_sockets
from rooms.doc_registry import DocPolicy, DocumentRegistry
from rooms.document_store import DocumentStore
from rooms.events import user_room
from storage.languages import LANGUAGE_IDS

EVENT_ROUTERS: list[EventRouter] = [
    system.router,
    editor.router,
    code.router,
    room_events.router,
    documents.router,
    coach_events.router,
    design_events.router,
]

log = logging.getLogger(__name__)

ROUTE_TABLES: list[EndpointTable] = [
    health.routes,
    auth.routes,
    account_mail.routes,
    admin_users.routes,
    users.routes,
    coach_api.routes,  # before problems: /api/problems/recommended is not a slug
    problems.routes,
    sessions.routes,
    admin.routes,
    submissions.routes,
    rooms.routes,
    playback.routes,
    quizzes.routes,
    modules.routes,
    companies.routes,
    designs.routes,
    analytics.routes,
    achievements.routes,
    daily.routes,
    leaderboards.routes,
    notifications.routes,
]


def create_app(settings: Settings) -> web.Application:
    """Build the web application; nothing is opened until the app starts."""
    app = web.Application(client_max_size=settings.max_body_bytes, middlewares=[error_middleware])
    app[SETTINGS] = settings
    app[HEALTH_PROBES] = {}
    app[SOCKET_LISTENERS] = []
    app[MAILER] = MailOutbox(mailer_for(settings))
    app[ENDPOINTS] = [ep for table in ROUTE_TABLES for ep in table.endpoints]
    for table in ROUTE_TABLES:
        table.install(app, authenticate)
    router = EventRouter()
    for part in EVENT_ROUTERS:
        router.include(part)
    attach(app, router)
    app.router.add_get("/metrics", metrics)  # Prometheus; before the client's catch-all
    install_web_client(app, settings.web_dist)  # after the API and Socket.IO routes
    app.cleanup_ctx.extend(
        [
            database_ctx,
            content_ctx,  # quizzes, modules, companies (read-only data)
            redis_ctx,
            presence_ctx,
            revocations_ctx,
            events_ctx,  # closes after the judge, so the last results are published
            rooms_ctx,
            documents_ctx,  # uses the room store
            execution_ctx,  # tells the rooms about contest submissions
            coach_ctx,  # validates generated problems with the judge
        ]
    )
    app.on_shutdown.insert(0, drain_before_sockets_close)
    return app


async def presence_ctx(app: web.Application) -> AsyncIterator[None]:
    """Who is online: counted in Redis when scaled, in this process otherwise."""
    redis = app[REDIS]
    app[PRESENCE] = RedisPresence(redis) if redis is not None else MemoryPresence()
    yield


async def revocations_ctx(app: web.Application) -> AsyncIterator[None]:
    """Revoked logins reach every process, which closes its own sockets of them."""
    relay = relay_for(app[REDIS], f"{app[SETTINGS].socketio_channel}:revocations")
    sio = app[SIO]
    app[REVOCATIONS] = RevocationRelay(relay, lambda family: close_login_sockets(sio, family))
    async with relay:
        yield


async def events_ctx(app: web.Application) -> AsyncIterator[None]:
    """With Redis, the domain-event log is copied to the event stream (docs/events.md)."""
    redis = app[REDIS]
    if redis is None:
        yield  # one process: the events stay in the table
        return
    publisher = EventPublisher(app[DATABASE], redis, f"{app[SETTINGS].redis_prefix}:events")
    async with publisher:
        yield
    try:
        await publisher.publish_once()  # what the last moments appended
    except Exception:
        log.warning("could not publish the last domain events; the next start will")


async def rooms_ctx(app: web.Application) -> AsyncIterator[None]:
    """The room service and its clock."""
    async with RoomService(app[DATABASE], socket_emitter(app[SIO])) as service:
        app[ROOMS] = service
        yield


async def documents_ctx(app: web.Application) -> AsyncIterator[None]:
    """Shared documents: the registry and its keeper, the relay, the socket listener.

    The keeper stores every applied update within moments and, at shutdown,
    stores, compacts and autosaves every loaded document, so a restart (SIGTERM)
    loses no edit. With Redis the relay keeps this process's copies in step
    with the other processes'.
    """
    settings = app[SETTINGS]
    policy = DocPolicy(snapshot_every=timedelta(seconds=settings.snapshot_interval_seconds))
    registry = DocumentRegistry(
        DocumentStore(app[DATABASE]), app[ROOMS].store.load, LANGUAGE_IDS, policy
    )
    relay = relay_for(app[REDIS], f"{settings.socketio_channel}:docs")
    app[DOCUMENTS] = registry
    app[DOC_RELAY] = DocumentRelay(relay, registry)
    app[SOCKET_LISTENERS].append(documents.DocumentSockets(app))
    async with registry, relay:
        yield


async def execution_ctx(app: web.Application) -> AsyncIterator[None]:
    """The judge and its queue (in-process, or the Redis stream that workers judge from)."""
    service = ExecutionService(app[SETTINGS], app[DATABASE], app[SIO], app[ROOMS], app[BOARDS])
    await service.start()
    app[EXECUTION] = service
    relay = app[REVOCATIONS].relay
    if isinstance(relay, RedisRelay):  # its resubscription tells us pub/sub had a gap
        relay.on_resubscribed.append(service.note_outage)
    app[HEALTH_PROBES]["judge"] = service.judge_health
    app[HEALTH_PROBES]["judge_queue"] = lambda: "redis" if app[SETTINGS].redis_url else "in-process"
    yield
    await service.stop()


async def drain_before_sockets_close(app: web.Application) -> None:
    """First shutdown step: finish in-flight judging while sockets can still hear results."""
    if EXECUTION in app:
        log.info("shutting down: finishing in-flight judge jobs")
        await app[EXECUTION].drain()
        log.info("judge drained")
    await app[MAILER].drain()  # account mail already posted still goes out


def provider_config(settings: Settings) -> ProviderConfig:
    def secret(value: Any) -> str | None:
        return value.get_secret_value() if value is not None else None

    return ProviderConfig(
        provider=settings.effective_ai_provider,
        model=settings.ai_model,
        openai_api_key=secret(settings.openai_api_key),
        openai_base_url=settings.openai_base_url,
        gemini_api_key=secret(settings.gemini_api_key),
        gemini_base_url=settings.gemini_base_url,
        policy=RetryPolicy(
            timeout=settings.ai_timeout_seconds,
            retries=settings.ai_retries,
            backoff=settings.ai_backoff_seconds,
        ),
    )


async def coach_ctx(app: web.Application) -> AsyncIterator[None]:
    """Open the coach (provider, streams); on shutdown cancel streams and close the provider."""
    sio = app[SIO]

    async def emit(event: str, payload: dict[str, Any], user_id: int) -> None:
        await sio.emit(event, payload, room=user_room(user_id))

    coach = build_coach(
        app[DATABASE],
        provider_config(app[SETTINGS]),
        emit,
        judge=lambda: app[EXECUTION].judge,
        contest_guard=lambda: app[ROOMS].coach_allowed,  # no help on a running contest
        daily_tokens=app[SETTINGS].ai_daily_tokens,
    )
    app[COACH] = coach
    app[HEALTH_PROBES]["coach"] = lambda: coach.status
    relay = relay_for(app[REDIS], f"{app[SETTINGS].socketio_channel}:coach")
    cancels = CoachCancelRelay(relay, coach.streams)
    if relay.reaches_others:  # scaled mode: a cancel may arrive at another process
        coach.conversations.remote_cancel = cancels.publish
    async with relay:
        yield
    await coach.close()
