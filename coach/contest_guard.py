"""The contest rule the coach obeys: no help with a problem of a contest the user is in.

The rooms layer owns the rule and registers the guard; the coach only asks it,
and fails closed when it cannot get an answer.
"""

from __future__ import annotations

import inspect
import logging
from collections.abc import Awaitable, Callable

from coach.exceptions import CoachError

log = logging.getLogger(__name__)

ContestGuard = Callable[[int, str], bool | Awaitable[bool]]
"""guard(user_id, problem_slug) -> may the coach help with it now? (True: yes)"""


async def check_contest(guard: ContestGuard | None, user_id: int, slug: str) -> None:
    """Refuse while the user competes in a running contest with this problem.

    guard: the rooms layer's guard, or None when none is registered (no contests).
    """
    if guard is None:
        return
    try:
        allowed = guard(user_id, slug)
        if inspect.isawaitable(allowed):
            allowed = await allowed
    except Exception as exc:  # fail closed: contest integrity over convenience
        log.exception("contest guard failed for user %s, problem %s", user_id, slug)
        raise CoachError(
            "contest_check_failed",
            "could not check contest rules; try again shortly",
            retry_after=10,
            status=503,
        ) from exc
    if not allowed:
        raise CoachError(
            "contest_in_progress",
            "the coach can't help with this problem while you compete in a contest that "
            "includes it; it will be available when the contest ends",
            status=403,
        )
