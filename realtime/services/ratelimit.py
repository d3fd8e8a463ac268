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


def per(count: float, seconds: float) -> Rule:
    """`count` actions at once, refilled evenly over `seconds`."""
    return Rule(capacity=count, per_second=count / seconds)


# Sized to what one real session does (README, "Limits"): a coached practice session
# asks ~10 AI questions in a minute, a contest submits a few times in a minute.
RULES: dict[str, Rule] = {
    "login": per(10, 60),  # attempts per (IP, email)
    "login_ip": per(20, 600),  # failed logins per IP, across emails (password spraying)
    "login_account": per(30, 600),  # failed logins per account, across IPs (then a delay)
    "login_failed": per(1, 600),  # marks an (IP, account) that failed: refused once throttled
    "register": per(20, 600),  # per IP: a classroom behind one NAT registers at once
    "account_mail": per(5, 3600),  # verification/reset mails per address asked for
    "account_mail_ip": per(20, 3600),  # and per asking IP, across addresses
    "execute": per(10, 10),
    "submit": per(10, 20),  # only valid submits spend a token: a 404 is free
    "autosave": per(20, 5),
    "ai": per(30, 60),  # hints, reviews, interview answers (tokens are capped per day too)
    "generate": per(3, 60),
    "coach_session": per(20, 60),  # opening hint/review sessions
    "recommend": per(30, 60),
    "chat": per(10, 5),
}


def parse_rules(spec: str, base: dict[str, Rule] | None = None) -> dict[str, Rule]:
    """`"ai=60/60, login_ip=10/300"` (count per seconds) over `base`; ValueError if bad."""
    rules = dict(RULES if base is None else base)
    for item in spec.split(","):
        if not item.strip():
            continue
        name, _, value = item.partition("=")
        name = name.strip()
        if name not in rules:
            raise ValueError(f"unknown rate limit {name!r} (known: {', '.join(sorted(rules))})")
        count, _, seconds = value.partition("/")
        try:
            rule = per(float(count), float(seconds))
        except (ValueError, ZeroDivisionError) as exc:
            raise ValueError(f"rate limit {item.strip()!r} is not NAME=COUNT/SECONDS") from exc
        if rule.capacity < 1 or rule.per_second <= 0:
            raise ValueError(f"rate limit {item.strip()!r} must allow at least one action")
        rules[name] = rule
    return rules


def take(
    tokens: float, updated: float, rule: Rule, now: float, cost: int = 1
) -> tuple[float, float, Decision]:
    """Pure bucket step: returns the new (tokens, updated) and the decision.

    `cost=0` only asks whether one more action would pass (failed-login budgets
    are checked before the password and spent only when it is wrong).
    """
    tokens = min(rule.capacity, tokens + max(0.0, now - updated) * rule.per_second)
    if tokens >= 1:
        return tokens - cost, now, Decision(True)
    return tokens, now, Decision(False, (1 - tokens) / rule.per_second)


class RateLimiter(Protocol):
    async def hit(self, action: str, subject: str) -> Decision: ...

    async def peek(self, action: str, subject: str) -> Decision: ...


class MemoryRateLimiter:
    """One process's buckets; fine for the embedded mode."""

    def __init__(self, rules: dict[str, Rule] | None = None) -> None:
        self.rules = rules or RULES
        self._buckets: dict[tuple[str, str], tuple[float, float]] = {}

    async def hit(self, action: str, subject: str) -> Decision:
        return self._step(action, subject, 1)

    async def peek(self, action: str, subject: str) -> Decision:
        return self._step(action, subject, 0)

    def _step(self, action: str, subject: str, cost: int) -> Decision:
        rule = self.rules[action]
        now = time.monotonic()
        tokens, updated = self._buckets.get((action, subject), (rule.capacity, now))
        tokens, updated, decision = take(tokens, updated, rule, now, cost)
        self._buckets[(action, subject)] = (tokens, updated)
        if len(self._buckets) > 100_000:  # forget idle buckets rather than grow without bound
            self._buckets.clear()
        return decision


# Atomic bucket update on the Redis server so every process shares one budget per user.
_LUA = """
local capacity = tonumber(ARGV[1])
local rate = tonumber(ARGV[2])
local now = tonumber(ARGV[3])
local cost = tonumber(ARGV[4])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'updated')
local tokens = tonumber(state[1]) or capacity
local updated = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - updated) * rate)
local allowed = 0
local retry = 0
if tokens >= 1 then
  tokens = tokens - cost
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
        return await self._step(action, subject, 1)

    async def peek(self, action: str, subject: str) -> Decision:
        return await self._step(action, subject, 0)

    async def _step(self, action: str, subject: str, cost: int) -> Decision:
        rule = self.rules[action]
        allowed, retry = await self._script(
            keys=[f"codearena:rl:{action}:{subject}"],
            args=[rule.capacity, rule.per_second, time.time(), cost],
        )
        return Decision(bool(int(allowed)), float(retry))
