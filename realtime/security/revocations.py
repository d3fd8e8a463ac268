"""A short-lived memory of which logins (refresh-token families) are revoked.

Every request and socket event with an access token asks whether its login was
revoked; the answer is kept for `ttl` seconds so a busy socket costs one database
look-up per few seconds, and other processes notice a revocation within `ttl`.
"""

from __future__ import annotations

import time


class RevocationCache:
    def __init__(self, ttl: float = 5.0, size: int = 50_000) -> None:
        self.ttl = ttl
        self.size = size
        self._seen: dict[str, tuple[bool, float]] = {}

    def get(self, family: str) -> bool | None:
        """True/False while fresh, None when the database must be asked."""
        entry = self._seen.get(family)
        if entry is None:
            return None
        revoked, at = entry
        if revoked:
            return True  # a revoked login never comes back
        return False if time.monotonic() - at < self.ttl else None

    def put(self, family: str, revoked: bool) -> None:
        if len(self._seen) >= self.size:
            self._seen.clear()
        self._seen[family] = (revoked, time.monotonic())


REVOKED_LOGINS = RevocationCache()
