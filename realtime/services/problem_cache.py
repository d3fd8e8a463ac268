"""The problem list's pages cached in Redis when scaled, invalidated by every problem write.

Every cached page is keyed by a version number that each write bumps (after its commit), so
a write makes every older page unreachable at once with one INCR, and a reader that raced a
write stores its page under the old version, where nobody looks any more. Pages also expire
after `ttl` seconds, which bounds staleness for a write made outside this service (a bank
import from the command line). Keys include the viewer (anonymous, a user, an admin),
since who is asking changes which problems are visible.
"""

from __future__ import annotations

import hashlib

import redis.asyncio as aioredis


class ProblemListCache:
    def __init__(self, redis: aioredis.Redis | None, prefix: str, ttl: int = 60) -> None:
        self.redis = redis
        self.version_key = f"{prefix}:cache:problems:version"
        self.page_prefix = f"{prefix}:cache:problems:page"
        self.ttl = ttl

    @property
    def enabled(self) -> bool:
        return self.redis is not None

    async def version(self) -> int:
        assert self.redis is not None
        return int(await self.redis.get(self.version_key) or 0)

    def _key(self, version: int, viewer: str, query: str) -> str:
        digest = hashlib.blake2b(query.encode(), digest_size=12).hexdigest()
        return f"{self.page_prefix}:{version}:{viewer}:{digest}"

    async def get(self, version: int, viewer: str, query: str) -> bytes | None:
        assert self.redis is not None
        return await self.redis.get(self._key(version, viewer, query))

    async def put(self, version: int, viewer: str, query: str, page: bytes) -> None:
        assert self.redis is not None
        await self.redis.set(self._key(version, viewer, query), page, ex=self.ttl)

    async def invalidate(self) -> None:
        """After a problem write has committed: every cached page is stale."""
        if self.redis is not None:
            await self.redis.incr(self.version_key)
