"""Per-connection event budgets, so one flooding client cannot starve the others.

Every socket has a token bucket (`rate` events a second, `burst` at once). An event
over budget is refused with `rate_limited` before any work is done; a client that
keeps sending after `burst` refusals within `window` seconds is disconnected.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from realtime.services.ratelimit import Rule, take


@dataclass
class EventBudget:
    rule: Rule
    window: float = 10.0
    tokens: float = field(init=False)
    updated: float = field(default_factory=time.monotonic)
    refused: int = 0
    window_start: float = field(default_factory=time.monotonic)

    def __post_init__(self) -> None:
        self.tokens = self.rule.capacity

    def spend(self, now: float | None = None) -> bool:
        """One event: True if it may run."""
        now = time.monotonic() if now is None else now
        self.tokens, self.updated, decision = take(self.tokens, self.updated, self.rule, now)
        if decision.allowed:
            return True
        if now - self.window_start > self.window:
            self.window_start, self.refused = now, 0
        self.refused += 1
        return False

    @property
    def flooding(self) -> bool:
        """Refused more than a whole burst within the window: time to disconnect."""
        return self.refused > self.rule.capacity


@dataclass
class FloodCooldown:
    """Users recently disconnected for flooding, refused at connect for `seconds`.

    Closing a flooder's connection alone invites a reconnect loop, and every connect (token,
    database, rooms) costs more than the events it replaced; so the user waits out a
    cooldown first. Kept per process: each process protects its own event loop.
    """

    seconds: float
    until: dict[int, float] = field(default_factory=dict)

    def start(self, user_id: int, now: float | None = None) -> None:
        now = time.monotonic() if now is None else now
        self.until = {u: t for u, t in self.until.items() if t > now}  # forget the served
        self.until[user_id] = now + self.seconds

    def remaining(self, user_id: int, now: float | None = None) -> float:
        """Seconds this user must still wait (0 when free to connect)."""
        now = time.monotonic() if now is None else now
        return max(0.0, self.until.get(user_id, 0.0) - now)
