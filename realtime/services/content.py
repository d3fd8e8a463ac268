"""The content catalog (quizzes, learning modules, companies, system-design problems), loaded
once at start.

Broken content stops the start with the loader's message (which names the file),
as a broken bank package does: serving half a course is worse than not starting.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

from aiohttp import web

from realtime.keys import CONTENT
from storage.content_catalog import load_catalog

log = logging.getLogger(__name__)


async def content_ctx(app: web.Application) -> AsyncIterator[None]:
    catalog = load_catalog()
    log.info(
        "content: %d quizzes, %d modules, %d companies, %d system-design problems",
        len(catalog.quizzes),
        len(catalog.modules),
        len(catalog.companies),
        len(catalog.designs),
    )
    app[CONTENT] = catalog
    yield
