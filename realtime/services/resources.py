"""Resources opened on start and closed on shutdown, as aiohttp cleanup contexts."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

import redis.asyncio as aioredis
from aiohttp import web
from sqlalchemy.exc import IntegrityError

from progress.board_store import RedisBoards, SqlBoards
from realtime.keys import BOARDS, DATABASE, LIMITER, PROBLEM_CACHE, REDIS, SETTINGS
from realtime.services.problem_cache import ProblemListCache
from realtime.services.ratelimit import MemoryRateLimiter, RedisRateLimiter
from storage.bank_import import import_packages
from storage.database import Database
from storage.errors import Conflict
from storage.migrate import upgrade
from storage.problem_package import iter_bank
from storage.repositories import problems as problem_repo

log = logging.getLogger(__name__)


async def load_missing_bank_problems(db: Database) -> int:
    """Import bundled problems the database lacks (all of them on first start).

    Existing rows are left alone so an admin's edits survive restarts; a second
    process racing on first start hits the unique slug and simply finds them there.
    """
    packages = list(iter_bank())
    async with db.session() as session:
        present = await problem_repo.slugs_in(session, [p.slug for p in packages])
    missing = [p for p in packages if p.slug not in present]
    if not missing:
        return 0
    try:
        async with db.session() as session:
            report = await import_packages(session, missing)
    except (Conflict, IntegrityError):
        return 0
    log.info("loaded %d problems from the bundled bank", report.created)
    return report.created


async def database_ctx(app: web.Application) -> AsyncIterator[None]:
    settings = app[SETTINGS]
    if settings.is_sqlite or settings.env != "production":
        await upgrade(settings.database_url)
    db = Database(settings.database_url)
    app[DATABASE] = db
    if settings.load_bank:
        await load_missing_bank_problems(db)
    yield
    await db.close()


async def redis_ctx(app: web.Application) -> AsyncIterator[None]:
    """Scaled mode's Redis client (None with one process), and the rate limiter and
    leaderboards that fit."""
    settings = app[SETTINGS]
    if not settings.redis_url:
        app[REDIS] = None
        app[LIMITER] = MemoryRateLimiter(app[SETTINGS].rate_rules)
        app[BOARDS] = SqlBoards()
        app[PROBLEM_CACHE] = ProblemListCache(None, settings.redis_prefix)
        yield
        return
    client = aioredis.from_url(settings.redis_url)
    app[REDIS] = client
    app[LIMITER] = RedisRateLimiter(client, app[SETTINGS].rate_rules)
    app[BOARDS] = RedisBoards(client, prefix=f"{settings.redis_prefix}:boards")
    cached = client if settings.problem_cache_seconds > 0 else None
    cache = ProblemListCache(cached, settings.redis_prefix, settings.problem_cache_seconds)
    await cache.invalidate()  # the bank may have just loaded problems
    app[PROBLEM_CACHE] = cache
    yield
    await client.aclose()
