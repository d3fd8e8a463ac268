"""Admin over accounts: search, roles, suspension (logins end everywhere, sockets closed),
site figures and the audit log; every endpoint refuses anyone but an admin."""

from __future__ import annotations

from realtime.keys import DATABASE
from tests.inbox import Inbox, until_disconnected
from tests.progress.rows import add_problem


def auth(account) -> dict[str, str]:
    return {"Authorization": f"Bearer {account.token}"}


async def test_only_admins_reach_admin_endpoints(client, make_account) -> None:
    user, author = await make_account(), await make_account("author")
    calls = [
        ("GET", "/api/admin/users", None),
        ("GET", f"/api/admin/users/{user.id}", None),
        ("PUT", f"/api/admin/users/{user.id}/role", {"role": "admin"}),
        ("POST", f"/api/admin/users/{user.id}/suspend", {"reason": "x"}),
        ("POST", f"/api/admin/users/{user.id}/unsuspend", None),
        ("GET", "/api/admin/stats", None),
        ("GET", "/api/admin/audit", None),
    ]
    for method, path, body in calls:
        anonymous = await client.request(method, path, json=body)
        assert anonymous.status == 401, (path, await anonymous.text())
        for who in (user, author):
            resp = await client.request(method, path, json=body, headers=auth(who))
            assert resp.status == 403, (path, await resp.text())
            assert (await resp.json())["error"]["code"] == "forbidden"


async def test_search_filters_and_pages_users(client, make_account) -> None:
    admin = await make_account("admin")
    await make_account(email="grace.hopper@navy.example")
    await make_account("author", email="ada@engine.example")
    resp = await client.get("/api/admin/users", params={"q": "HOPPER"}, headers=auth(admin))
    assert resp.status == 200, await resp.text()
    body = await resp.json()
    assert [u["email"] for u in body["items"]] == ["grace.hopper@navy.example"]
    assert body["items"][0]["suspended"] is False and "password_hash" not in body["items"][0]
    literal = await client.get("/api/admin/users", params={"q": "%"}, headers=auth(admin))
    assert (await literal.json())["total"] == 0  # a wildcard is only a character
    authors = await client.get("/api/admin/users", params={"role": "author"}, headers=auth(admin))
    assert [u["email"] for u in (await authors.json())["items"]] == ["ada@engine.example"]
    page = await client.get(
        "/api/admin/users", params={"per_page": "2", "page": "2"}, headers=auth(admin)
    )
    paged = await page.json()
    assert paged["total"] == 3 and len(paged["items"]) == 1
    for params in ({"role": "owner"}, {"per_page": "0"}, {"bogus": "1"}):
        bad = await client.get("/api/admin/users", params=params, headers=auth(admin))
        assert bad.status == 422, params
    missing = await client.get("/api/admin/users/999999", headers=auth(admin))
    assert missing.status == 404 and (await missing.json())["error"]["code"] == "user_not_found"


async def test_roles_change_and_are_audited_but_not_your_own(client, make_account) -> None:
    admin, user = await make_account("admin"), await make_account()
    path = f"/api/admin/users/{user.id}/role"
    resp = await client.put(path, json={"role": "author"}, headers=auth(admin))
    assert resp.status == 200 and (await resp.json())["user"]["role"] == "author"
    me = await client.get("/api/auth/me", headers=auth(user))
    assert (await me.json())["user"]["role"] == "author"
    bad = await client.put(path, json={"role": "owner"}, headers=auth(admin))
    assert bad.status == 422
    own = await client.put(
        f"/api/admin/users/{admin.id}/role", json={"role": "user"}, headers=auth(admin)
    )
    assert own.status == 409 and (await own.json())["error"]["code"] == "cannot_change_self"
    log = await (await client.get("/api/admin/audit", headers=auth(admin))).json()
    assert [(e["action"], e["target_id"], e["details"]) for e in log["items"]] == [
        ("user.role_changed", str(user.id), {"from": "user", "to": "author"})
    ]
    assert log["items"][0]["actor_id"] == admin.id


async def test_suspension_ends_every_login_and_is_lifted(http, make_account_on, connect) -> None:
    admin, user = await make_account_on("admin"), await make_account_on()
    inbox = Inbox()
    sock = await connect(user.token, on=inbox.handlers("auth:revoked"))
    path = f"/api/admin/users/{user.id}"
    credentials = {"email": user.email, "password": user.password}
    for body in ({}, {"reason": ""}, {"reason": "x" * 501}):
        assert (await http.post(path + "/suspend", json=body, headers=auth(admin))).status == 422
    resp = await http.post(path + "/suspend", json={"reason": "spam"}, headers=auth(admin))
    assert resp.status == 200, await resp.text()
    assert (await resp.json())["user"]["suspended_reason"] == "spam"

    assert (await http.get("/api/auth/me", headers=auth(user))).status == 401
    refresh = await http.post("/api/auth/refresh", json={"refresh_token": user.refresh_token})
    assert refresh.status == 401
    await inbox.wait_for("auth:revoked", within=10)
    await until_disconnected(sock)
    login = await http.post("/api/auth/login", json=credentials)
    assert login.status == 403
    error = (await login.json())["error"]
    assert error["code"] == "account_suspended" and "spam" in error["message"]
    wrong = await http.post("/api/auth/login", json={"email": user.email, "password": "nope-123"})
    assert wrong.status == 401  # a wrong password learns nothing about the suspension
    again = await http.post(path + "/suspend", json={"reason": "spam"}, headers=auth(admin))
    assert again.status == 409 and (await again.json())["error"]["code"] == "already_suspended"
    own = await http.post(
        f"/api/admin/users/{admin.id}/suspend", json={"reason": "oops"}, headers=auth(admin)
    )
    assert own.status == 409
    listed = await http.get("/api/admin/users", params={"suspended": "true"}, headers=auth(admin))
    assert [u["id"] for u in (await listed.json())["items"]] == [user.id]

    resp = await http.post(path + "/unsuspend", headers=auth(admin))
    assert resp.status == 200 and (await resp.json())["user"]["suspended"] is False
    assert (await http.post(path + "/unsuspend", headers=auth(admin))).status == 409
    login = await http.post("/api/auth/login", json=credentials)
    assert login.status == 200
    log = await (await http.get("/api/admin/audit", headers=auth(admin))).json()
    assert [e["action"] for e in log["items"]] == ["user.unsuspended", "user.suspended"]
    only = await http.get(
        "/api/admin/audit", params={"action": "user.suspended"}, headers=auth(admin)
    )
    assert (await only.json())["total"] == 1


async def test_site_stats_and_audited_admin_actions(client, make_account) -> None:
    admin, author = await make_account("admin"), await make_account("author")
    db = client.app[DATABASE]
    await add_problem(db, "public-one")
    await add_problem(db, "draft-one", visibility="private")
    stats = await (await client.get("/api/admin/stats", headers=auth(admin))).json()
    assert stats["users"] == 2 and stats["users_new_7d"] == 2
    assert stats["users_by_role"] == {"admin": 1, "author": 1}
    assert stats["problems_by_visibility"] == {"public": 1, "private": 1}
    assert stats["submissions_24h"] == 0 and stats["users_suspended"] == 0

    await add_problem(db, "authors-own", author_id=author.id)
    gone = await client.delete("/api/problems/authors-own", headers=auth(admin))
    assert gone.status == 204
    sent = await client.post(
        "/api/admin/announcements", json={"message": "maintenance at 6"}, headers=auth(admin)
    )
    assert sent.status == 202
    log = await (await client.get("/api/admin/audit", headers=auth(admin))).json()
    assert [(e["action"], e["target_type"], e["target_id"]) for e in log["items"]] == [
        ("announcement.sent", "site", "all"),
        ("problem.deleted", "problem", "authors-own"),
    ]
    assert log["items"][1]["details"] == {"author_id": author.id}
