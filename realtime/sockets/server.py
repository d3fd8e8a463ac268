"""The Socket.IO server: manager choice, connect auth, personal rooms, dispatch."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import socketio
from aiohttp import web
from socketio.exceptions import ConnectionRefusedError

from realtime.auth import family_still_valid, user_from_token
from realtime.config import Settings
from realtime.keys import (
    DATABASE,
    PRESENCE,
    REVOCATIONS,
    SETTINGS,
    SIO,
    SOCKET_LISTENERS,
    SOCKET_ROUTER,
)
from realtime.metrics import SOCKETS, record_event
from realtime.security.revocations import REVOKED_LOGINS
from realtime.security.tokens import InvalidToken, decode_access_token
from realtime.services.ratelimit import Rule
from realtime.sockets.budget import EventBudget, FloodCooldown
from realtime.sockets.router import EventRouter
from realtime.sockets.websocket import use_websocket
from rooms.events import user_room

log = logging.getLogger(__name__)
FLOODED = {"code": "rate_limited", "message": "too many events on this connection; slow down"}


def build_server(settings: Settings) -> socketio.AsyncServer:
    """In-process manager by default; the Redis pub/sub manager when REDIS_URL is set.

    Ping: a 20 s interval with a 20 s timeout notices a dead peer within ~40 s
    while costing idle clients one tiny packet every 20 s.
    """
    manager = (
        socketio.AsyncRedisManager(settings.redis_url, channel=settings.socketio_channel)
        if settings.redis_url
        else None
    )
    sio = socketio.AsyncServer(
        async_mode="aiohttp",
        client_manager=manager,
        cors_allowed_origins=settings.cors_origin_list,
        ping_interval=settings.ping_interval,
        ping_timeout=settings.ping_timeout,
        max_http_buffer_size=settings.max_socket_message_bytes,
        logger=False,
        engineio_logger=False,
    )
    use_websocket(sio, compress=settings.socket_compression)
    return sio


class ArenaNamespace(socketio.AsyncNamespace):
    """One namespace; `trigger_event` is the single entry point for every event."""

    def __init__(self, app: web.Application, router: EventRouter) -> None:
        super().__init__("/")
        self.app = app
        self.router = router
        settings = app[SETTINGS]
        self.event_rule = Rule(settings.socket_event_burst, settings.socket_event_rate)
        self.budgets: dict[str, EventBudget] = {}
        self.cooldown = FloodCooldown(settings.socket_flood_cooldown_seconds)

    async def trigger_event(self, event: str, *args: Any) -> Any:
        if event == "connect":
            return await self.on_connect(*args)
        if event == "disconnect":
            self.budgets.pop(args[0], None)
            return await self.on_disconnect(args[0])
        if not args:
            return None
        ack = await self._event(event, *args)
        record_event(event, event in self.router.routes, ack)
        return ack

    async def _event(self, event: str, sid: str, *rest: Any) -> Any:
        budget = self.budgets.get(sid)
        if budget is None:
            budget = self.budgets[sid] = EventBudget(self.event_rule)
        if not budget.spend():
            if budget.flooding:
                log.warning("disconnecting socket %s: it keeps flooding events", sid)
                self.budgets.pop(sid, None)
                eio_sid = self.server.manager.eio_sid_from_sid(sid, self.namespace)
                session = await self.server.get_session(sid)
                if session and session.get("user_id") is not None:
                    self.cooldown.start(session["user_id"])
                await self.server.disconnect(sid)
                # The namespace alone is not enough: its websocket would stay open and every
                # further frame would still be read and parsed. Close the connection itself.
                if eio_sid is not None:
                    await close_transport(self.server, eio_sid)
            return {"ok": False, "error": FLOODED}
        session = await self.server.get_session(sid)
        if not await family_still_valid(self.app[DATABASE], (session or {}).get("family")):
            await self.server.disconnect(sid)
            return {"ok": False, "error": {"code": "token_revoked", "message": "login revoked"}}
        return await self.router.dispatch(self.server, self.app, event, sid, tuple(rest))

    async def on_connect(self, sid: str, environ: dict, auth: Any = None) -> None:
        token = auth.get("token") if isinstance(auth, dict) else None
        if not isinstance(token, str) or not token:
            raise ConnectionRefusedError(
                "authentication required",
                {"code": "not_authenticated", "message": "send {token} in auth"},
            )
        app = self.app
        self.refuse_in_cooldown(token)
        try:
            user = await user_from_token(app[DATABASE], app[SETTINGS].secret_key, token)
        except InvalidToken as exc:
            code = "token_expired" if "expired" in str(exc) else "invalid_token"
            raise ConnectionRefusedError(str(exc), {"code": code, "message": str(exc)}) from exc
        family = decode_access_token(app[SETTINGS].secret_key, token).family
        await self.server.save_session(
            sid, {"user_id": user.id, "role": user.role, "family": family}
        )
        await self.server.enter_room(sid, user_room(user.id))
        if family is not None:
            await self.server.enter_room(sid, login_room(family))
        await app[PRESENCE].connected(user.id)
        SOCKETS.inc()

    def refuse_in_cooldown(self, token: str) -> None:
        """A user just disconnected for flooding waits before connecting again; checked on the
        token's claims alone, before any database work."""
        try:
            user_id = decode_access_token(self.app[SETTINGS].secret_key, token).user_id
        except InvalidToken:
            return  # refused properly just below
        wait = self.cooldown.remaining(user_id)
        if wait > 0:
            message = f"too many events from this account; connect again in {wait:.0f} s"
            raise ConnectionRefusedError(
                message, {"code": "rate_limited", "message": message, "retry_after": wait}
            )

    async def on_disconnect(self, sid: str) -> None:
        session = await self.server.get_session(sid)
        user_id = session.get("user_id") if session else None
        if user_id is None:
            return
        SOCKETS.dec()
        rooms = [r for r in self.server.rooms(sid) if r not in (sid, user_room(user_id))]
        for listener in self.app[SOCKET_LISTENERS]:
            try:
                await listener.disconnected(sid, user_id)
            except Exception:
                log.exception("disconnect listener failed for %s", sid)
        if await self.app[PRESENCE].disconnected(user_id):
            for room in rooms:
                await self.server.emit("user:offline", {"user_id": user_id}, room=room)


def login_room(family: str) -> str:
    """Every socket opened with an access token of one login (refresh-token family)."""
    return f"login:{family}"


async def end_login(app: web.Application, family: str) -> None:
    """A login was revoked: its access tokens stop now, its sockets are told and closed,
    here and (through the revocation relay) in every other process."""
    REVOKED_LOGINS.put(family, True)
    await close_login_sockets(app[SIO], family)
    await app[REVOCATIONS].publish(family)


async def end_logins(app: web.Application, families: list[str]) -> None:
    for family in families:
        await end_login(app, family)


async def close_login_sockets(sio: socketio.AsyncServer, family: str) -> None:
    """Tell this process's sockets of a revoked login, then close them."""
    REVOKED_LOGINS.put(family, True)
    notice = {"code": "token_revoked", "message": "this login was revoked; sign in again"}
    local = [sid for sid, _ in sio.manager.get_participants("/", login_room(family))]
    for sid in local:
        await sio.emit("auth:revoked", notice, to=sid)
        await sio.disconnect(sid)


async def close_transports(sio: socketio.AsyncServer) -> None:
    """Close this process's Engine.IO connections, websockets included.

    A namespace disconnect leaves the Engine.IO connection to the client, and
    socket.io-client keeps its websocket open; engineio's AsyncSocket.close() sends
    CLOSE but (unlike the sync Socket) does not wake the websocket writer, which
    closes the websocket only after its ping timeout. aiohttp would wait for that
    handler for up to 30 s on every restart; the None wakes the writer now.
    """
    for eio_sid in list(sio.eio.sockets):
        await close_transport(sio, eio_sid)


async def close_transport(sio: socketio.AsyncServer, eio_sid: str) -> None:
    """Close one Engine.IO connection now (see close_transports for why the None)."""
    eio_socket = sio.eio.sockets.pop(eio_sid, None)
    if eio_socket is None:
        return
    await eio_socket.close(wait=False, reason=sio.eio.reason.SERVER_DISCONNECT)
    eio_socket.queue.put_nowait(None)


def attach(app: web.Application, router: EventRouter) -> socketio.AsyncServer:
    settings = app[SETTINGS]
    sio = build_server(settings)
    sio.register_namespace(ArenaNamespace(app, router))
    sio.attach(app)
    app[SIO] = sio
    app[SOCKET_ROUTER] = router

    async def shutdown(app: web.Application) -> None:
        # Tell clients why they are being dropped, then close every socket.
        notice = {"kind": "shutdown", "message": "server restarting; reconnect shortly"}
        try:
            local = [sid for sid, _ in sio.manager.get_participants("/", None)]  # this process's
            for sid in local:
                await sio.emit("system:announcement", notice, to=sid)
            for sid in local:
                await sio.disconnect(sid)
            async with asyncio.timeout(10):
                await close_transports(sio)
            await sio.shutdown()
        except Exception:
            log.exception("error while closing sockets")

    app.on_shutdown.append(shutdown)
    return sio
