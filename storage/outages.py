"""Which exceptions mean "the database is unreachable or full" rather than a bug.

Both edges (the REST error middleware, the Socket.IO router) answer these with a clear,
retryable error instead of a 500, and the pool's pre-ping reconnects once the database is
back, so a PostgreSQL restart needs no restart of ours.
"""

from __future__ import annotations

from sqlalchemy.exc import DBAPIError, InterfaceError
from sqlalchemy.exc import TimeoutError as PoolTimeout

# Fragments of driver messages (asyncpg, sqlite3) that name an outage, not a query bug.
_DOWN = (
    "connection refused",
    "connect call failed",
    "connection was closed",
    "connection is closed",
    "terminating connection",
    "the database system is starting up",
    "the database system is shutting down",
    "cannot connect now",
    "connection reset",
    "server closed the connection",
)
_FULL = ("database or disk is full", "no space left on device", "disk i/o error")


def _chain(exc: BaseException) -> list[BaseException]:
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        seen.append(current)
        current = current.__cause__ or current.__context__
    return seen


def storage_full(exc: BaseException) -> bool:
    return any(f in str(e).lower() for e in _chain(exc) for f in _FULL)


def database_unavailable(exc: BaseException) -> bool:
    """True for a lost, refused or timed-out database connection (any driver)."""
    for e in _chain(exc):
        if isinstance(e, PoolTimeout | ConnectionError | InterfaceError):
            return True
        if isinstance(e, DBAPIError) and e.connection_invalidated:
            return True
        if any(f in str(e).lower() for f in _DOWN):
            return True
    return False
