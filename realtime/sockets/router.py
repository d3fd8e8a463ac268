"""Event dispatch with validation and acks.

Every client event is answered: `{"ok": true, ...}` from the handler's return
value, or `{"ok": false, "error": {code, message, details?}}` for unknown
events, malformed payloads, refused actions and unexpected exceptions (logged,
never fatal to the process or to other sockets). Handlers raise domain errors
as they are: `ERRORS` turns each into its ack in one place, as the REST side's
error middleware does, and a route names the codes of errors whose meaning
depends on the event (a storage `NotFound` is a missing session or problem).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

import socketio
from aiohttp import web
from pydantic import BaseModel, ValidationError

from coach.exceptions import CoachError
from realtime.rest.errors import ApiError, validation_details
from rooms.documents import DocumentError
from rooms.room import RoomError
from storage.outages import database_unavailable, storage_full

log = logging.getLogger(__name__)


class EventError(Exception):
    """A refused event; becomes the `error` of a failed ack."""

    def __init__(self, code: str, message: str, details: Any = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.details = details

    def ack(self) -> dict[str, Any]:
        error: dict[str, Any] = {"code": self.code, "message": self.message}
        if self.details is not None:
            error["details"] = self.details
        return {"ok": False, "error": error}


def _coded(exc: RoomError | DocumentError) -> EventError:
    """Errors that carry their own wire code and a message safe to show."""
    return EventError(exc.code, exc.message)


def _coach_refusal(exc: CoachError) -> EventError:
    details = {"retry_after": round(exc.retry_after, 1)} if exc.retry_after is not None else None
    return EventError(exc.code, exc.message, details)


def _api_refusal(exc: ApiError) -> EventError:
    """A service shared with REST refused: the same code, message and details."""
    return EventError(exc.code, exc.message, exc.details)


Translate = Callable[[Any], EventError]

# Domain exception class -> its failed ack, for every event (subclasses included).
ERRORS: dict[type[Exception], Translate] = {
    EventError: lambda exc: exc,
    RoomError: _coded,
    DocumentError: _coded,
    CoachError: _coach_refusal,
    ApiError: _api_refusal,  # RateLimited too: code rate_limited, details {retry_after}
}


def _lookup(table: Mapping[type[Exception], Any], exc: Exception) -> Any:
    """The entry for the exception's class or its nearest base class, or None."""
    return next((table[cls] for cls in type(exc).__mro__ if cls in table), None)


@dataclass
class SocketCall:
    """What an event handler gets: who sent it, the validated payload and the app."""

    sid: str
    user_id: int
    role: str
    data: Any
    app: web.Application
    sio: socketio.AsyncServer


EventHandler = Callable[[SocketCall], Awaitable[dict[str, Any] | None]]


@dataclass
class EventRoute:
    name: str
    model: type[BaseModel] | None
    handler: EventHandler
    binary: bool = False  # payload may carry bytes (Yjs frames)
    errors: Mapping[type[Exception], str] = field(default_factory=dict)

    def refusal(self, exc: Exception) -> EventError | None:
        """The ack error for `exc`: this event's own code for it, else the shared mapping."""
        code = _lookup(self.errors, exc)
        if code is not None:
            return EventError(code, getattr(exc, "message", None) or str(exc))
        translate = _lookup(ERRORS, exc)
        return translate(exc) if translate is not None else None


@dataclass
class EventRouter:
    routes: dict[str, EventRoute] = field(default_factory=dict)

    def on(
        self,
        name: str,
        model: type[BaseModel] | None = None,
        *,
        binary: bool = False,
        errors: Mapping[type[Exception], str] | None = None,
    ) -> Callable[[EventHandler], EventHandler]:
        """Register a handler for `name`; `model` validates the payload, `binary` allows
        bytes in it, `errors` gives this event's codes for exceptions not in `ERRORS`."""

        def register(handler: EventHandler) -> EventHandler:
            if name in self.routes:
                raise ValueError(f"event {name!r} registered twice")
            self.routes[name] = EventRoute(name, model, handler, binary, dict(errors or {}))
            return handler

        return register

    def include(self, other: EventRouter) -> None:
        for route in other.routes.values():
            if route.name in self.routes:
                raise ValueError(f"event {route.name!r} registered twice")
            self.routes[route.name] = route

    async def dispatch(
        self, sio: socketio.AsyncServer, app: web.Application, event: str, sid: str, args: tuple
    ) -> dict[str, Any]:
        route = self.routes.get(event)
        if route is None:
            return EventError("unknown_event", f"unknown event {event[:64]!r}").ack()
        session = await sio.get_session(sid)
        if not session or "user_id" not in session:
            return EventError("not_authenticated", "connect with a valid token first").ack()
        if len(args) > 1:
            return EventError("invalid_payload", "send exactly one payload object").ack()
        raw = args[0] if args else None
        try:
            data = _validate(route, raw)
        except ValidationError as exc:
            return EventError(
                "invalid_payload", f"invalid {event} payload", validation_details(exc.errors())
            ).ack()
        except EventError as exc:
            return exc.ack()
        call = SocketCall(sid, session["user_id"], session.get("role", "user"), data, app, sio)
        try:
            result = await route.handler(call)
        except Exception as exc:
            refusal = route.refusal(exc)
            if refusal is not None:
                return refusal.ack()
            if storage_full(exc):
                log.error("storage full in %s (sid %s): %s", event, sid, exc)
                return EventError("storage_full", "the server is out of disk space").ack()
            if database_unavailable(exc):
                log.warning("database unavailable in %s (sid %s): %s", event, sid, exc)
                return EventError(
                    "database_unavailable", "the database is unavailable; try again shortly"
                ).ack()
            log.exception("handler for %s failed (sid %s, user %s)", event, sid, call.user_id)
            return EventError("internal_error", f"{event} failed on the server").ack()
        return {"ok": True, **(result or {})}


def _validate(route: EventRoute, raw: Any) -> Any:
    if route.model is None:
        return raw
    if not isinstance(raw, dict):
        raise EventError("invalid_payload", f"{route.name} expects an object payload")
    return route.model.model_validate(raw)
