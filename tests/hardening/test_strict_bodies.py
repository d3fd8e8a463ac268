"""Bodies are validated as JSON Schema reads them: 218.0 is an integer, false is not."""

from __future__ import annotations

from tests.realtime.test_bad_input import assert_envelope


async def test_json_types_are_strict(client, make_account):
    me = await make_account()
    for field, value in (
        ("countdown_seconds", False),
        ("countdown_seconds", "10"),
        ("duration_minutes", 30.5),
        ("rated", 0),
        ("name", 5),
    ):
        resp = await client.post("/api/rooms", json={field: value}, headers=me.headers)
        assert resp.status == 422, (field, value, resp.status)
        data = await resp.json()
        assert_envelope(data, "validation_error")
        assert data["error"]["details"][0]["loc"] == [field]


async def test_integral_floats_are_integers(http, make_account_on, aplusb):
    me = await make_account_on()
    resp = await http.post(
        "/api/rooms",
        json={"problems": [aplusb], "duration_minutes": 218.0, "countdown_seconds": 1e1},
        headers=me.headers,
    )
    assert resp.status == 201, await resp.text()
    room = (await resp.json())["room"]
    assert room["duration_minutes"] == 218


async def test_405_advertises_only_the_documented_methods(client):
    for path, allow in (("/api/problems/generate", "POST"), ("/api/problems/recommended", "GET")):
        resp = await client.request("PATCH", path)
        assert resp.status == 405
        assert_envelope(await resp.json(), "method_not_allowed")
        assert resp.headers["Allow"] == allow
    spec = await (await client.get("/api/openapi.json")).json()
    assert set(spec["paths"]["/api/problems/generate"]) == {"post"}
