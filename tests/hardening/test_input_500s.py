"""Inputs that used to reach a 500: deep JSON and nulls for NOT NULL columns."""

from __future__ import annotations

from tests.realtime.test_bad_input import assert_envelope

DEEP = "[" * 10_000 + "]" * 10_000
DEEP_OBJECT = '{"a":' * 10_000 + "1" + "}" * 10_000


async def test_deeply_nested_json_is_400(client, make_account):
    me = await make_account()
    for path, headers in (
        ("/api/auth/login", {}),
        ("/api/auth/register", {}),
        ("/api/submissions", me.headers),
        ("/api/rooms", me.headers),
    ):
        for body in (DEEP, DEEP_OBJECT):
            resp = await client.post(
                path, data=body, headers={**headers, "Content-Type": "application/json"}
            )
            assert resp.status == 400, (path, resp.status)
            data = await resp.json()
            assert_envelope(data, "invalid_json")
            assert "nested too deeply" in data["error"]["message"]


async def test_profile_nulls_clear_or_are_refused(client, make_account):
    me = await make_account()
    resp = await client.put(
        "/api/users/me/profile",
        json={"bio": "graphs", "target_companies": ["Acme"]},
        headers=me.headers,
    )
    assert resp.status == 200
    resp = await client.put(
        "/api/users/me/profile",
        json={"bio": None, "target_companies": None, "preferred_languages": None},
        headers=me.headers,
    )
    assert resp.status == 200, await resp.text()
    user = (await resp.json())["user"]
    assert user["bio"] == "" and user["target_companies"] == []
    assert user["preferred_languages"] == []
    for field in ("display_name", "experience_level"):
        resp = await client.put("/api/users/me/profile", json={field: None}, headers=me.headers)
        assert resp.status == 422, field
        assert_envelope(await resp.json(), "validation_error")


async def test_a_tiny_weekly_budget_is_refused_not_a_500(client, make_account):
    """Schemathesis found `hours_per_week: 5e-324` overflowing the estimated weeks."""
    me = await make_account()
    resp = await client.post(
        "/api/coach/learning-path", json={"hours_per_week": 5e-324}, headers=me.headers
    )
    assert resp.status == 422
    assert_envelope(await resp.json(), "validation_error")
