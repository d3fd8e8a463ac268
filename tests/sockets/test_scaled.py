"""Two `codearena serve` processes on PostgreSQL + Redis behave as one server."""

from __future__ import annotations

import asyncio
import uuid

import aiohttp
import socketio

from tests.conftest import Account
from tests.inbox import CONNECT_TIMEOUT


async def login(url: str) -> Account:
    email = f"user-{uuid.uuid4().hex[:8]}@example.com"
    password = "correct-horse-9"
    async with aiohttp.ClientSession() as http:
        resp = await http.post(
            url + "/api/auth/register",
            json={"email": email, "password": password, "display_name": "X"},
        )
        assert resp.status == 201, await resp.text()
        user_id = (await resp.json())["user"]["id"]
        resp = await http.post(url + "/api/auth/login", json={"email": email, "password": password})
        data = await resp.json()
    return Account(user_id, email, password, data["access_token"], data["refresh_token"])


async def promote(user_id: int, role: str) -> None:
    from storage.database import Database
    from storage.repositories import users as user_repo
    from tests.conftest import PG_URL

    db = Database(PG_URL)
    try:
        async with db.session() as session:
            (await user_repo.get_user(session, user_id)).role = role
    finally:
        await db.close()


async def test_notification_through_b_reaches_client_on_a(cluster):
    a = cluster.serve("web-a")
    b = cluster.serve("web-b")
    alice = await login(a.url)
    got: list[dict] = []
    announcements: list[dict] = []
    client = socketio.AsyncClient(reconnection=False)
    client.on("notification:new", got.append)
    client.on("system:announcement", announcements.append)
    await client.connect(
        a.url, auth={"token": alice.token}, transports=["websocket"], wait_timeout=CONNECT_TIMEOUT
    )
    try:
        admin_account = await _admin(b.url)
        async with aiohttp.ClientSession() as http:
            resp = await http.post(
                b.url + "/api/admin/notifications",
                json={"user_id": alice.id, "title": "from B"},
                headers=admin_account.headers,
            )
            assert resp.status == 202, await resp.text()
            resp = await http.post(
                b.url + "/api/admin/announcements",
                json={"message": "hello everyone"},
                headers=admin_account.headers,
            )
            assert resp.status == 202
        for _ in range(100):
            if got and announcements:
                break
            await asyncio.sleep(0.05)
        assert [g["title"] for g in got] == ["from B"]
        assert [m["message"] for m in announcements] == ["hello everyone"]
    finally:
        await client.disconnect()


async def _admin(url: str) -> Account:
    """Roles are read from the database on every request, so promoting after login works."""
    account = await login(url)
    await promote(account.id, "admin")
    return account


async def test_logout_on_a_closes_the_login_socket_on_b_at_once(cluster):
    """The socket sends nothing after the logout: it is closed by the revocation relay, not
    refused at its next event."""
    a = cluster.serve("web-a")
    b = cluster.serve("web-b")
    alice = await login(a.url)
    notices: list[dict] = []
    closed = asyncio.Event()
    client = socketio.AsyncClient(reconnection=False)
    client.on("auth:revoked", notices.append)
    client.on("disconnect", lambda *args: closed.set())
    await client.connect(
        b.url, auth={"token": alice.token}, transports=["websocket"], wait_timeout=CONNECT_TIMEOUT
    )
    try:
        async with aiohttp.ClientSession() as http:
            resp = await http.post(
                a.url + "/api/auth/logout",
                json={"refresh_token": alice.refresh_token},
                headers=alice.headers,
            )
            assert resp.status == 200, await resp.text()
        async with asyncio.timeout(10):
            await closed.wait()
        assert [n["code"] for n in notices] == ["token_revoked"]
    finally:
        if client.connected:
            await client.disconnect()
