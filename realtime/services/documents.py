"""Shared documents in a web process: the registry, its keeper, the socket hooks, the relay.

The keeper stores every applied update within moments and, at shutdown,
stores, compacts and autosaves every loaded document, so a restart (SIGTERM)
loses no edit. With Redis (scaled mode) the relay keeps this process's copies
in step with the other processes'. This context must start after the
database, Redis and rooms contexts (it stops before them).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

from aiohttp import web

from realtime.keys import DATABASE, SERVICES, SETTINGS
from realtime.relays.documents import DocumentRelay
from realtime.services.rooms_ctx import ROOMS
from rooms.doc_registry import DocPolicy, DocumentRegistry
from rooms.doc_store import DocumentStore
from storage.languages import LANGUAGE_IDS

DOCUMENTS = web.AppKey("documents", DocumentRegistry)
LANGUAGES = LANGUAGE_IDS  # one Y.Text per language id


async def documents_ctx(app: web.Application) -> AsyncIterator[None]:
    from realtime.sockets import documents as doc_events

    settings = app[SETTINGS]
    policy = DocPolicy(snapshot_every=timedelta(seconds=settings.snapshot_interval_seconds))
    registry = DocumentRegistry(
        DocumentStore(app[DATABASE]), app[ROOMS].store.load, LANGUAGES, policy
    )
    app[DOCUMENTS] = registry
    services: dict[str, Any] = app[SERVICES]
    services["disconnect_hooks"].append(doc_events.disconnect_hook(app))
    services.setdefault("room_leave_hooks", []).append(doc_events.leave_hook(app))
    stop = asyncio.Event()
    tasks = [asyncio.create_task(registry.run(stop))]
    if services.get("redis") is not None:  # scaled mode: keep the copies of all processes in step
        relay = DocumentRelay(services["redis"], f"{settings.socketio_channel}:docs", registry)
        services["doc_relay"] = relay
        tasks.append(asyncio.create_task(relay.run(stop)))
    yield
    stop.set()
    await asyncio.gather(*tasks)
    await registry.close()
