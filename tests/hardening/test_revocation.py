"""A revoked login (refresh-token reuse, logout) ends its access tokens and sockets too."""

from __future__ import annotations

import asyncio

import pytest

from tests.realtime.test_bad_input import assert_envelope


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def _refresh(http, token: str):
    return await http.post("/api/auth/refresh", json={"refresh_token": token})


async def test_reuse_revokes_access_tokens_and_sockets(http, make_account_on, connect):
    me = await make_account_on()
    other_login = await http.post(
        "/api/auth/login", json={"email": me.email, "password": me.password}
    )
    other = await other_login.json()
    rotated = await (await _refresh(http, me.refresh_token)).json()

    revoked = asyncio.Event()
    notices: list[dict] = []

    def on_revoked(data: dict) -> None:
        notices.append(data)
        revoked.set()

    sock = await connect(rotated["access_token"], on={"auth:revoked": on_revoked})
    bystander = await connect(other["access_token"])
    assert (await http.get("/api/auth/me", headers=me.headers)).status == 200

    reuse = await _refresh(http, me.refresh_token)  # the old token again: it leaked
    assert reuse.status == 401
    assert_envelope(await reuse.json(), "refresh_token_reused")

    for token in (me.token, rotated["access_token"]):
        resp = await http.get("/api/auth/me", headers=bearer(token))
        assert resp.status == 401
        assert_envelope(await resp.json(), "invalid_token")
    await asyncio.wait_for(revoked.wait(), 5)
    assert notices[0]["code"] == "token_revoked"
    for _ in range(100):
        if not sock.connected:
            break
        await asyncio.sleep(0.05)
    assert not sock.connected

    # the same user's other login is untouched
    assert (await http.get("/api/auth/me", headers=bearer(other["access_token"]))).status == 200
    assert bystander.connected


async def test_logout_ends_the_access_token(http, make_account_on):
    me = await make_account_on()
    resp = await http.post(
        "/api/auth/logout", json={"refresh_token": me.refresh_token}, headers=me.headers
    )
    assert resp.status == 200
    resp = await http.get("/api/auth/me", headers=me.headers)
    assert resp.status == 401
    assert_envelope(await resp.json(), "invalid_token")


async def test_a_socket_of_a_revoked_login_is_refused(http, make_account_on, connect):
    import socketio

    me = await make_account_on()
    await http.post("/api/auth/logout", json={"refresh_token": me.refresh_token})
    with pytest.raises(socketio.exceptions.ConnectionError):
        await connect(me.token)
