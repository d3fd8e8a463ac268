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
