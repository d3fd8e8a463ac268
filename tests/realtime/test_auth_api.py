"""Auth over REST, on both databases."""

from __future__ import annotations

from datetime import timedelta

import jwt

from realtime.keys import SETTINGS
from realtime.security.tokens import create_access_token

REG = {"email": "ada@example.com", "password": "analytical-engine-1", "display_name": "Ada"}


async def register(client, **overrides):
    return await client.post("/api/auth/register", json={**REG, **overrides})


async def login(client, email=REG["email"], password=REG["password"]):
    return await client.post("/api/auth/login", json={"email": email, "password": password})


async def test_register_login_me(client):
    resp = await register(client)
    assert resp.status == 201
    user = (await resp.json())["user"]
    assert user["email"] == "ada@example.com" and user["role"] == "user"
    assert "password" not in str(user) and "hash" not in str(user)

    resp = await login(client, email="ADA@example.com")
    assert resp.status == 200
    tokens = await resp.json()
    assert tokens["token_type"] == "bearer" and tokens["expires_in"] == 15 * 60
    me = await client.get(
        "/api/auth/me", headers={"Authorization": f"Bearer {tokens['access_token']}"}
    )
    assert me.status == 200
    assert (await me.json())["user"]["id"] == user["id"]


async def test_duplicate_email_conflicts(client):
    assert (await register(client)).status == 201
    resp = await register(client, email="Ada@Example.com")
    assert resp.status == 409
    assert (await resp.json())["error"]["code"] == "email_taken"


async def test_weak_password_and_bad_email_are_422(client):
    for overrides in (
        {"password": "short1"},
        {"password": "aaaaaaaaaaaa"},
        {"email": "not-an-email"},
    ):
        resp = await register(client, **overrides)
        assert resp.status == 422, overrides
        body = await resp.json()
        assert body["error"]["code"] == "validation_error"
        assert "analytical" not in str(body)  # the password is never echoed


async def test_wrong_credentials_give_no_hint(client):
    await register(client)
    wrong_pw = await login(client, password="nope-nope-nope-1")
    no_user = await login(client, email="ghost@example.com")
    assert wrong_pw.status == no_user.status == 401
    assert (await wrong_pw.json()) == (await no_user.json())


async def test_refresh_rotation_and_reuse_revokes_family(client):
    await register(client)
    first = await (await login(client)).json()
    resp = await client.post("/api/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert resp.status == 200
    second = await resp.json()
    assert second["refresh_token"] != first["refresh_token"]

    # Reusing the first token is theft: it fails and kills the rotated one too.
    reuse = await client.post("/api/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert reuse.status == 401
    assert (await reuse.json())["error"]["code"] == "refresh_token_reused"
    after = await client.post("/api/auth/refresh", json={"refresh_token": second["refresh_token"]})
    assert after.status == 401

    # Another login (another family) is unaffected.
    other = await (await login(client)).json()
    ok = await client.post("/api/auth/refresh", json={"refresh_token": other["refresh_token"]})
    assert ok.status == 200


async def test_logout_revokes(client):
    await register(client)
    tokens = await (await login(client)).json()
    resp = await client.post("/api/auth/logout", json={"refresh_token": tokens["refresh_token"]})
    assert resp.status == 200
    again = await client.post("/api/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert again.status == 401


async def test_expired_and_tampered_tokens(client):
    uid = (await (await register(client)).json())["user"]["id"]
    secret = client.app[SETTINGS].secret_key
    expired = create_access_token(
        secret, user_id=uid, role="user", version=0, lifetime=timedelta(seconds=-5)
    )
    resp = await client.get("/api/auth/me", headers={"Authorization": f"Bearer {expired}"})
    assert resp.status == 401
    assert (await resp.json())["error"]["code"] == "token_expired"

    good = (await (await login(client)).json())["access_token"]
    payload = jwt.decode(good, options={"verify_signature": False})
    payload["role"] = "admin"
    forged = jwt.encode(payload, "guessed-secret-" + "x" * 32, algorithm="HS256")
    head, body, sig = good.split(".")
    flipped = f"{head}.{body}.{sig[:-2]}{'AA' if sig[-2:] != 'AA' else 'BB'}"
    none_alg = jwt.encode(payload, "", algorithm="none")
    for bad in (forged, flipped, none_alg, "garbage", ""):
        resp = await client.get("/api/auth/me", headers={"Authorization": f"Bearer {bad}"})
        assert resp.status == 401, bad
    resp = await client.get("/api/auth/me")
    assert resp.status == 401
    assert (await resp.json())["error"]["code"] == "not_authenticated"


async def test_change_password(client):
    await register(client)
    tokens = await (await login(client)).json()
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    wrong = await client.post(
        "/api/auth/change-password",
        json={"current_password": "wrong-password-1", "new_password": "difference-engine-2"},
        headers=headers,
    )
    assert wrong.status == 401
    resp = await client.post(
        "/api/auth/change-password",
        json={"current_password": REG["password"], "new_password": "difference-engine-2"},
        headers=headers,
    )
    assert resp.status == 200
    # Old access token, old refresh token and old password all stop working.
    assert (await client.get("/api/auth/me", headers=headers)).status == 401
    refresh = await client.post(
        "/api/auth/refresh", json={"refresh_token": tokens["refresh_token"]}
    )
    assert refresh.status == 401
    assert (await login(client)).status == 401
    assert (await login(client, password="difference-engine-2")).status == 200


async def test_login_rate_limited(client):
    await register(client)
    statuses = [(await login(client, password="wrong-password-x")).status for _ in range(12)]
    assert statuses[:10] == [401] * 10
    assert statuses[-1] == 429
    resp = await login(client, password="wrong-password-x")
    body = await resp.json()
    assert body["error"]["code"] == "rate_limited"
    assert int(resp.headers["Retry-After"]) >= 1
