"""A pair room's shared system-design scene: two official Yjs clients draw in the document's
`scene` Y.Map at once, converge through the server, and the server reads the same drawing."""

from __future__ import annotations

import asyncio

from realtime.keys import DOCUMENTS
from tests.rooms_live.pair_peers import NodePeer
from tests.rooms_live.test_pair_editing import pair_room, until


def rect(element_id: str, x: float, label_id: str | None = None) -> dict:
    return {
        "id": element_id,
        "type": "rectangle",
        "x": x,
        "y": 0,
        "width": 200,
        "height": 80,
        "isDeleted": False,
        "boundElements": [{"id": label_id, "type": "text"}] if label_id else [],
    }


def label(element_id: str, container: str, text: str) -> dict:
    return {"id": element_id, "type": "text", "text": text, "containerId": container}


async def test_two_yjs_clients_share_a_scene(server, server_url, make_account_on, http, aplusb):
    alice, bob, stranger = [await make_account_on() for _ in range(3)]
    rid = await pair_room(http, alice)
    a = await NodePeer.start(server_url, alice.token, rid)
    b = await NodePeer.start(server_url, bob.token, rid)
    try:
        await asyncio.gather(
            a.request("scene_set", element=rect("api", 0, "api-label")),
            a.request("scene_set", element=label("api-label", "api", "API servers")),
            b.request("scene_set", element=rect("db", 300, "db-label")),
            b.request("scene_set", element=label("db-label", "db", "Postgres")),
            b.request("scene_set", element=rect("scratch", 600)),
        )
        arrow = {
            "id": "flow",
            "type": "arrow",
            "x": 200,
            "y": 40,
            "points": [[0, 0], [100, 0]],
            "startBinding": {"elementId": "api"},
            "endBinding": {"elementId": "db"},
        }
        await a.request("scene_set", element=arrow)
        await b.request("scene_delete", element_id="scratch")
        want = {"api", "api-label", "db", "db-label", "flow"}

        async def ids(peer: NodePeer) -> set[str]:
            return set((await peer.request("scene"))["elements"])

        await until(lambda: ids(a), want)
        await until(lambda: ids(b), want)
        server_doc = server.app[DOCUMENTS].get(rid)
        assert {e["id"] for e in server_doc.scene_elements()} == want

        # Moving a box is a whole-element replace: the last writer wins, everyone agrees.
        await a.request("scene_set", element={**rect("db", 320, "db-label")})
        await until(lambda: _x(b, "db"), 320)

        resp = await http.get(f"/api/rooms/{rid}/scene", headers=bob.headers)
        assert resp.status == 200, await resp.text()
        body = await resp.json()
        assert {e["id"] for e in body["elements"]} == want
        assert "arrow: API servers -> Postgres" in body["diagram"]
        # The code texts are untouched by the drawing.
        assert server_doc.texts() == {}

        resp = await http.get(f"/api/rooms/{rid}/scene", headers=stranger.headers)
        assert resp.status == 403
        assert (await resp.json())["error"]["code"] == "not_member"
        resp = await http.get("/api/rooms/no-such-room/scene", headers=bob.headers)
        assert resp.status == 404
    finally:
        await a.close()
        await b.close()


async def _x(peer: NodePeer, element_id: str) -> float | None:
    element = (await peer.request("scene"))["elements"].get(element_id)
    return element["x"] if element else None
