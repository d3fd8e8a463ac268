"""Shared documents in a web process: the registry, its keeper task, and the socket hooks.

The keeper stores every applied update within moments and, at shutdown,
stores, compacts and autosaves every loaded document, so a restart (SIGTERM)
loses no edit. This context must start after the database and rooms contexts
(it stops before them).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any, get_args

from aiohttp import web

from realtime.keys import DATABASE, SERVICES, SETTINGS
from realtime.rooms_ctx import ROOMS
from realtime.sockets.payloads import LanguageId
from rooms.doc_registry import DocPolicy, DocumentRegistry
from rooms.doc_store import DocumentStore

DOCUMENTS = web.AppKey("documents", DocumentRegistry)
LANGUAGES: tuple[str, ...] = get_args(LanguageId)  # one Y.Text per language id


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
    keeper = asyncio.create_task(registry.run(stop))
    yield
    stop.set()
    await keeper
    await registry.close()
