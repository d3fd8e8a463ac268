"""Event dispatch with validation and acks.

Every client event is answered: `{"ok": true, ...}` from the handler's return
value, or `{"ok": false, "error": {code, message, details?}}` for unknown
events, malformed payloads, refused actions and unexpected exceptions (logged,
never fatal to the process or to other sockets).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import socketio
from aiohttp import web
from pydantic import BaseModel, ValidationError

from realtime.rest.errors import validation_details

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


@dataclass
class EventRouter:
    routes: dict[str, EventRoute] = field(default_factory=dict)

    def on(
        self, name: str, model: type[BaseModel] | None = None, *, binary: bool = False
    ) -> Callable[[EventHandler], EventHandler]:
        def register(handler: EventHandler) -> EventHandler:
            if name in self.routes:
                raise ValueError(f"event {name!r} registered twice")
            self.routes[name] = EventRoute(name, model, handler, binary)
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
        except EventError as exc:
            return exc.ack()
        except Exception:
            log.exception("handler for %s failed (sid %s, user %s)", event, sid, call.user_id)
            return EventError("internal_error", f"{event} failed on the server").ack()
        return {"ok": True, **(result or {})}


def _validate(route: EventRoute, raw: Any) -> Any:
    if route.model is None:
        return raw
    if not isinstance(raw, dict):
        raise EventError("invalid_payload", f"{route.name} expects an object payload")
    return route.model.model_validate(raw)
