"""Token buckets per (action, subject): in-process by default, shared through Redis when scaled."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Rule:
    """`capacity` tokens, refilled at `per_second`; one action costs one token."""

    capacity: float
    per_second: float


@dataclass(frozen=True)
class Decision:
    allowed: bool
    retry_after: float = 0.0


RULES: dict[str, Rule] = {
    "login": Rule(capacity=10, per_second=10 / 60),
    "register": Rule(capacity=5, per_second=5 / 60),
    "execute": Rule(capacity=10, per_second=1.0),
    "submit": Rule(capacity=5, per_second=0.5),
    "autosave": Rule(capacity=20, per_second=4.0),
    "ai": Rule(capacity=10, per_second=10 / 60),
    "generate": Rule(capacity=3, per_second=3 / 60),
    "coach_session": Rule(capacity=20, per_second=20 / 60),  # opening hint/review sessions
    "recommend": Rule(capacity=30, per_second=0.5),
    "chat": Rule(capacity=10, per_second=2.0),
}


def take(tokens: float, updated: float, rule: Rule, now: float) -> tuple[float, float, Decision]:
    """Pure bucket step: returns the new (tokens, updated) and the decision."""
    tokens = min(rule.capacity, tokens + (now - updated) * rule.per_second)
    if tokens >= 1:
        return tokens - 1, now, Decision(True)
    return tokens, now, Decision(False, (1 - tokens) / rule.per_second)


class RateLimiter(Protocol):
    async def hit(self, action: str, subject: str) -> Decision: ...


class MemoryRateLimiter:
    """One process's buckets; fine for the embedded mode."""

    def __init__(self, rules: dict[str, Rule] | None = None) -> None:
        self.rules = rules or RULES
        self._buckets: dict[tuple[str, str], tuple[float, float]] = {}

    async def hit(self, action: str, subject: str) -> Decision:
        rule = self.rules[action]
        now = time.monotonic()
        tokens, updated = self._buckets.get((action, subject), (rule.capacity, now))
        tokens, updated, decision = take(tokens, updated, rule, now)
        self._buckets[(action, subject)] = (tokens, updated)
        if len(self._buckets) > 100_000:  # forget idle buckets rather than grow without bound
            self._buckets.clear()
        return decision


# Atomic bucket update on the Redis server so every process shares one budget per user.
_LUA = """
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'updated')
local tokens = tonumber(state[1]) or capacity
local updated = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - updated) * rate)
local allowed = 0
local retry = 0
if tokens >= 1 then
  tokens = tokens - 1
  allowed = 1
else
  retry = (1 - tokens) / rate
end
redis.call('HSET', KEYS[1], 'tokens', tokens, 'updated', now)
redis.call('EXPIRE', KEYS[1], math.ceil(capacity / rate) + 1)
return {allowed, tostring(retry)}
"""


class RedisRateLimiter:
    def __init__(self, redis: object, rules: dict[str, Rule] | None = None) -> None:
        self.rules = rules or RULES
        self._script = redis.register_script(_LUA)  # type: ignore[attr-defined]

    async def hit(self, action: str, subject: str) -> Decision:
        rule = self.rules[action]
        allowed, retry = await self._script(
            keys=[f"codearena:rl:{action}:{subject}"],
            args=[rule.capacity, rule.per_second, time.time()],
        )
        return Decision(bool(int(allowed)), float(retry))
