"""System-design sessions for both edges (REST and Socket.IO): one set of rules, one set of errors.

Errors are `ApiError`s carrying the wire code; the socket router turns any
`ApiError` into the same `{ok: false, error: {code, message, details}}` ack.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from aiohttp import web

from coach.exceptions import CoachError
from realtime.auth import enforce_rate
from realtime.keys import COACH, CONTENT, DATABASE, SETTINGS
from realtime.rest.errors import ConflictError, NotFoundError, PayloadTooLarge
from realtime.schemas.designs import ReviewOut, Scene, scene_size
from storage.design_package import DesignProblem
from storage.errors import NotFound
from storage.models import DesignSession
from storage.repositories import design_sessions as repo
from storage.repositories.sessions import InvalidTransition, SaveResult


def design_of(app: web.Application, slug: str) -> DesignProblem:
    design = app[CONTENT].designs.get(slug) if len(slug) <= 80 else None
    if design is None:
        raise NotFoundError(
            f"system-design problem '{slug[:80]}' not found", code="design_not_found"
        )
    return design


def _missing(exc: NotFound) -> NotFoundError:
    return NotFoundError(exc.message, code="session_not_found")


def _refused(exc: InvalidTransition) -> ConflictError:
    code = "session_closed" if exc.action == "autosave" else "invalid_transition"
    return ConflictError(str(exc), code=code, details={"status": exc.status})


def stored_scene(app: web.Application, scene: Scene) -> dict[str, Any]:
    stored = scene.stored()
    limit = app[SETTINGS].design_scene_max_bytes
    size = scene_size(stored)
    if size > limit:
        raise PayloadTooLarge(
            f"the scene is {size} bytes; at most {limit} are kept (remove large images)",
            code="scene_too_large",
            details={"bytes": size, "limit": limit},
        )
    return stored


async def open_session(app: web.Application, user_id: int, slug: str) -> tuple[DesignSession, bool]:
    design_of(app, slug)
    async with app[DATABASE].session() as s:
        return await repo.open_session(s, user_id=user_id, slug=slug)


async def get_session(app: web.Application, user_id: int, session_id: int) -> DesignSession:
    async with app[DATABASE].session() as s:
        try:
            return await repo.get_own(s, session_id, user_id)
        except NotFound as exc:
            raise _missing(exc) from exc


async def save_scene(
    app: web.Application,
    user_id: int,
    session_id: int,
    scene: Scene,
    base_revision: int,
    time_spent: int,
) -> SaveResult[DesignSession]:
    """A compare-and-set save; a stale revision is `conflict` with the server's scene."""
    await enforce_rate(app, "autosave", str(user_id))
    stored = stored_scene(app, scene)
    every = timedelta(seconds=app[SETTINGS].snapshot_interval_seconds)
    try:
        async with app[DATABASE].session() as s:
            return await repo.autosave(
                s,
                session_id=session_id,
                user_id=user_id,
                scene=stored,
                base_revision=base_revision,
                time_spent=time_spent,
                snapshot_every=every,
            )
    except repo.SceneConflict as exc:
        raise ConflictError(
            f"stale base_revision {base_revision}; the session is at {exc.revision}",
            code="conflict",
            details={"revision": exc.revision, "scene": exc.scene},
        ) from exc
    except NotFound as exc:
        raise _missing(exc) from exc
    except InvalidTransition as exc:
        raise _refused(exc) from exc


async def move(app: web.Application, user_id: int, session_id: int, action: str) -> DesignSession:
    """pause, resume, abandon or submit."""
    try:
        async with app[DATABASE].session() as s:
            return await repo.transition(s, session_id=session_id, user_id=user_id, action=action)
    except NotFound as exc:
        raise _missing(exc) from exc
    except InvalidTransition as exc:
        raise _refused(exc) from exc


@dataclass(frozen=True)
class Submitted:
    session: DesignSession
    review: ReviewOut | None
    unreviewed: dict[str, Any] | None  # why there is no review yet ({code, message})


async def submit(app: web.Application, user_id: int, session_id: int) -> Submitted:
    """End the session and review its scene; submitting a reviewed session again is refused.

    An open session is closed first, so a failed review never loses the
    submission: the session stays `submitted` and a second submit retries
    the review (and only the review).
    """
    row = await get_session(app, user_id, session_id)
    if row.status == "submitted" and row.evaluation is not None:
        raise ConflictError(
            "this session was already submitted and reviewed", code="already_reviewed"
        )
    design = app[CONTENT].designs.get(row.design_slug)
    if design is None:
        raise NotFoundError("this design is no longer offered", code="design_not_found")
    await enforce_rate(app, "ai", str(user_id))
    if row.status != "submitted":
        row = await move(app, user_id, session_id, "submit")
    reviewer = app[COACH].designs
    try:
        found = await reviewer.review(row, design)
    except CoachError as exc:
        return Submitted(row, None, exc.payload())
    async with app[DATABASE].session() as s:
        row = await repo.get_own(s, session_id, user_id)
        row = await repo.store_review(s, row, found.model_dump(mode="json"), reviewer.name)
    return Submitted(row, ReviewOut.of(row), None)
