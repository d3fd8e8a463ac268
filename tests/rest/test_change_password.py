"""Changing a password ends every login of the account, on every device and socket, and
signs this device in again with a new login."""

from __future__ import annotations

from tests.inbox import Inbox, until_disconnected

NEW = "difference-engine-2"


async def login(http, email: str, password: str):
    return await http.post("/api/auth/login", json={"email": email, "password": password})


async def me_status(http, token: str) -> int:
    resp = await http.get("/api/auth/me", headers={"Authorization": f"Bearer {token}"})
    return resp.status


async def test_changing_the_password_ends_every_login_and_starts_a_new_one(
    http, make_account_on, connect
):
    me = await make_account_on()
    laptop = await (await login(http, me.email, me.password)).json()
    inboxes = [Inbox(), Inbox()]
    sockets = [
        await connect(token, on=inbox.handlers("auth:revoked"))
        for token, inbox in zip((me.token, laptop["access_token"]), inboxes, strict=True)
    ]
    change = "/api/auth/change-password"
    headers = {"Authorization": f"Bearer {me.token}"}

    wrong = await http.post(
        change, json={"current_password": "not-my-password", "new_password": NEW}, headers=headers
    )
    assert wrong.status == 401
    assert (await wrong.json())["error"]["code"] == "invalid_credentials"
    same = await http.post(
        change, json={"current_password": me.password, "new_password": me.password}, headers=headers
    )
    assert same.status == 422
    assert await me_status(http, me.token) == 200  # a refused change ends nothing
    assert all(s.connected for s in sockets)

    resp = await http.post(
        change, json={"current_password": me.password, "new_password": NEW}, headers=headers
    )
    assert resp.status == 200, await resp.text()
    fresh = await resp.json()
    assert fresh["user"]["id"] == me.id and fresh["refresh_token"] != me.refresh_token

    # Both old logins are over: access tokens, refresh tokens and their open sockets.
    assert await me_status(http, me.token) == 401
    assert await me_status(http, laptop["access_token"]) == 401
    for old in (me.refresh_token, laptop["refresh_token"]):
        assert (await http.post("/api/auth/refresh", json={"refresh_token": old})).status == 401
    for sock, inbox in zip(sockets, inboxes, strict=True):
        notice = await inbox.wait_for("auth:revoked", within=10)
        assert notice["code"] == "token_revoked"
        await until_disconnected(sock)

    # This device goes on with the new login; the old password is gone.
    assert await me_status(http, fresh["access_token"]) == 200
    assert (await connect(fresh["access_token"])).connected
    again = await http.post("/api/auth/refresh", json={"refresh_token": fresh["refresh_token"]})
    assert again.status == 200
    assert (await login(http, me.email, me.password)).status == 401
    assert (await login(http, me.email, NEW)).status == 200
