"""Capped exponential backoff: one policy for every reconnect and retry loop."""

from __future__ import annotations

import random


def capped_delay(base: float, cap: float, attempt: int) -> float:
    """Delay before retry `attempt` (0-based): `base` doubling per attempt, at most `cap`."""
    return min(cap, base * 2 ** min(attempt, 32))


class Backoff:
    """Capped exponential delay with jitter, so workers don't reconnect in lockstep."""

    def __init__(self, base: float = 0.1, cap: float = 10.0) -> None:
        self.base = base
        self.cap = cap
        self.failures = 0

    def next_delay(self) -> float:
        """Delay before the next try; grows with each consecutive failure."""
        delay = capped_delay(self.base, self.cap, self.failures)
        self.failures = min(self.failures + 1, 32)
        return delay * random.uniform(0.5, 1.0)

    def reset(self) -> None:
        """Call after a success so the next failure starts from `base` again."""
        self.failures = 0
