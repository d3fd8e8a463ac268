"""Admin announcements reach everyone; notifications reach only the addressed user's tabs."""

from __future__ import annotations

import asyncio


async def test_announcement_and_notification(connect, make_account_on, http):
    admin = await make_account_on("admin")
    alice = await make_account_on()
    bob = await make_account_on()
    got: dict[str, list] = {"alice1": [], "alice2": [], "bob": []}

    def recorder(name):
        return lambda data: got[name].append(data)

    for name, account in (("alice1", alice), ("alice2", alice), ("bob", bob)):
        await connect(
            account.token,
            on={"notification:new": recorder(name), "system:announcement": recorder(name)},
        )

    resp = await http.post(
        "/api/admin/notifications",
        json={"user_id": alice.id, "title": "Contest starts soon"},
        headers=admin.headers,
    )
    assert resp.status == 202
    resp = await http.post(
        "/api/admin/announcements", json={"message": "maintenance at noon"}, headers=admin.headers
    )
    assert resp.status == 202
    for _ in range(50):
        if all(len(v) >= (2 if k != "bob" else 1) for k, v in got.items()):
            break
        await asyncio.sleep(0.05)
    assert [m.get("title") for m in got["alice1"]] == ["Contest starts soon", None]
    assert [m.get("title") for m in got["alice2"]] == ["Contest starts soon", None]
    assert [m["message"] for m in got["bob"]] == ["maintenance at noon"]

    # Only admins may send; unknown users are 404.
    resp = await http.post("/api/admin/announcements", json={"message": "hi"}, headers=bob.headers)
    assert resp.status == 403
    resp = await http.post(
        "/api/admin/notifications", json={"user_id": 999999, "title": "x"}, headers=admin.headers
    )
    assert resp.status == 404
