"""How many sockets each user has open, across processes when Redis is configured."""

from __future__ import annotations

from collections import Counter
from typing import Any, Protocol


class Presence(Protocol):
    async def connected(self, user_id: int) -> bool:
        """Count a new socket; True when it is the user's first."""
        ...

    async def disconnected(self, user_id: int) -> bool:
        """Uncount a socket; True when it was the user's last."""
        ...

    async def is_online(self, user_id: int) -> bool: ...


class MemoryPresence:
    def __init__(self) -> None:
        self._sockets: Counter[int] = Counter()

    async def connected(self, user_id: int) -> bool:
        self._sockets[user_id] += 1
        return self._sockets[user_id] == 1

    async def disconnected(self, user_id: int) -> bool:
        self._sockets[user_id] -= 1
        if self._sockets[user_id] <= 0:
            del self._sockets[user_id]
            return True
        return False

    async def is_online(self, user_id: int) -> bool:
        return self._sockets[user_id] > 0


class RedisPresence:
    """A counter per user in Redis; the TTL heals counts left by a crashed process."""

    TTL_SECONDS = 24 * 3600

    def __init__(self, redis: Any) -> None:
        self.redis = redis

    def _key(self, user_id: int) -> str:
        return f"codearena:presence:{user_id}"

    async def connected(self, user_id: int) -> bool:
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.incr(self._key(user_id))
            pipe.expire(self._key(user_id), self.TTL_SECONDS)
            count, _ = await pipe.execute()
        return int(count) == 1

    async def disconnected(self, user_id: int) -> bool:
        count = int(await self.redis.decr(self._key(user_id)))
        if count <= 0:
            await self.redis.delete(self._key(user_id))
            return True
        return False

    async def is_online(self, user_id: int) -> bool:
        return int(await self.redis.get(self._key(user_id)) or 0) > 0
