"""One shared document served by two web processes (PostgreSQL + Redis)."""

from __future__ import annotations

import aiohttp

from tests.rooms_live.pair_peers import NodePeer, PyPeer
from tests.rooms_live.test_pair_editing import names, until
from tests.sockets.test_scaled import login
from tests.sockets.test_workers import insert_problem


async def test_two_processes_keep_one_document(cluster, aplusb_draft):
    await insert_problem(aplusb_draft)
    a, b = cluster.serve("web-a"), cluster.serve("web-b")
    alice, bob, carol = await login(a.url), await login(b.url), await login(b.url)
    async with aiohttp.ClientSession() as http:
        resp = await http.post(
            a.url + "/api/rooms",
            json={"kind": "pair", "problems": ["a-plus-b"], "max_participants": 4},
            headers=alice.headers,
        )
        assert resp.status == 201, await resp.text()
        rid = (await resp.json())["room"]["id"]

    py = await PyPeer.connect(a.url, alice.token, rid)  # on process A
    node = None
    peers = [py]
    try:
        assert (await py.sync())["ok"]
        py.set_awareness({"user": {"name": "alice"}})
        py.insert(0, "line from A\n")
        await py.drain()
        node = await NodePeer.start(b.url, bob.token, rid)  # on process B
        # B's copy has A's edit (stored, or relayed if not stored yet) and A's cursor.
        assert await node.text() == "line from A\n"
        await node.wait(lambda: names(node.peers) == {"alice"})

        await node.request("insert", lang="python", index=-1, text="line from B\n")
        await node.request("awareness", state={"user": {"name": "bob"}})
        both = "line from A\nline from B\n"
        await py.wait(lambda: str(py.text()) == both and names(py.peers()) == {"bob"})

        # Right after an edit on A, a newcomer on B syncs with B's copy: it has the edit.
        py.insert(0, "# fresh\n")
        await py.drain()
        late = await PyPeer.connect(b.url, carol.token, rid)
        peers.append(late)
        ack = await late.sync()
        assert ack["ok"]
        await late.wait(lambda: str(late.text()) == "# fresh\n" + both)
        assert names(late.peers()) == {"alice", "bob"}
        await until(node.text, "# fresh\n" + both)

        # Alice leaves A: her cursor disappears on B's clients and from B's copy.
        await py.close()
        await node.wait(lambda: node.peers == {})
        await late.wait(lambda: names(late.peers()) == {"bob"})
        newest = await PyPeer.connect(b.url, alice.token, rid)
        peers.append(newest)
        await newest.sync()
        assert names(newest.peers()) == {"bob"}
        assert str(newest.text()) == "# fresh\n" + both
    finally:
        for peer in peers:
            await peer.close()
        if node:
            await node.close()
