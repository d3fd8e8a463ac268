"""Pair editing end to end: the official Yjs client (Node) and a pycrdt client on one Y.Text."""

from __future__ import annotations

import asyncio

from realtime.keys import DOCUMENTS
from tests.rooms_live.pair_peers import NodePeer, PyPeer
from tests.rooms_live.test_contest import make_room


async def pair_room(http, host, **overrides) -> str:
    room = await make_room(http, host, kind="pair", rated=False, problems=["a-plus-b"], **overrides)
    return room["id"]


async def until(read, expected, within: float = 10.0) -> None:
    """Poll an async read until it returns `expected`."""
    deadline = asyncio.get_running_loop().time() + within
    while (value := await read()) != expected:
        assert asyncio.get_running_loop().time() < deadline, value
        await asyncio.sleep(0.02)


def names(states: dict) -> set[str]:
    return {s["user"]["name"] for s in states.values() if s and "user" in s}


async def test_yjs_and_pycrdt_clients_converge(server, server_url, make_account_on, http, aplusb):
    alice, bob, carol = [await make_account_on() for _ in range(3)]
    rid = await pair_room(http, alice)
    py = await PyPeer.connect(server_url, alice.token, rid)
    assert (await py.sync())["ok"]
    node = await NodePeer.start(server_url, bob.token, rid)
    late = None
    try:
        # Both type at once, keystroke by keystroke: Python before the first line break,
        # Node at the end (concurrent inserts at one position would interleave by client id).
        py.insert(0, "\n")
        await py.drain()
        await until(lambda: node.text(), "\n")
        typing = asyncio.create_task(
            node.request("type", lang="python", text="print(a + b)\n", delay_ms=3)
        )
        for i, ch in enumerate("# pair"):
            py.insert(i, ch)
            await asyncio.sleep(0.004)
        await typing
        await py.drain()
        await node.request("insert", lang="cpp", index=0, text="int main() {}\n")

        final = "# pair\nprint(a + b)\n"
        await py.wait(lambda: str(py.text()) == final and str(py.text("cpp")) != "")
        await until(node.text, final)  # the last keystrokes of Python may still be on the way
        assert await node.text("cpp") == "int main() {}\n" == str(py.text("cpp"))
        server_doc = server.app[DOCUMENTS].get(rid)
        assert server_doc.text("python") == final
        assert server_doc.texts() == {"python": final, "cpp": "int main() {}\n"}

        # Cursors travel both ways through awareness.
        py.set_awareness({"user": {"name": "alice"}, "cursor": {"anchor": 2, "head": 2}})
        await node.wait(lambda: names(node.peers) == {"alice"})
        assert next(iter(node.peers.values()))["cursor"] == {"anchor": 2, "head": 2}
        node_id = (await node.request("awareness", state={"user": {"name": "bob"}}))["client_id"]
        await py.wait(lambda: names(py.peers()) == {"bob"})
        assert node_id in py.peers()

        # Node drops its connection, edits offline and comes back: the sync catches up both
        # ways, and its cursor reappears although it re-announces an already-removed clock.
        await node.request("disconnect")
        await py.wait(lambda: node_id not in py.peers())
        await node.request("insert", lang="python", index=0, text="# offline\n")
        py.insert(len(str(py.text())), "# while away\n")
        await py.drain()
        await node.request("connect")
        await node.wait(lambda: any(e.get("event") == "resynced" for e in node.events))
        final = "# offline\n" + final + "# while away\n"
        await py.wait(lambda: str(py.text()) == final and names(py.peers()) == {"bob"})
        assert await node.text() == final == server_doc.text("python")

        # A late joiner gets the whole text and the cursors already there.
        late = await PyPeer.connect(server_url, carol.token, rid)
        ack = await late.sync()
        assert ack["ok"] and ack["awareness"]
        assert str(late.text()) == final and str(late.text("cpp")) == "int main() {}\n"
        assert names(late.peers()) == {"alice", "bob"}

        # Python leaves (disconnect): its cursor disappears for Node and for the late joiner.
        py_id = py.awareness.client_id
        await py.close()
        await node.wait(lambda: py_id not in node.peers)
        await late.wait(lambda: names(late.peers()) == {"bob"})
        # Node quits: its cursor goes too, and the server kept the text.
        await node.close()
        await late.wait(lambda: late.peers() == {})
        assert server_doc.text("python") == final
        assert not py.errors and not late.errors
        assert not [e for e in node.events if e.get("event") == "nack"]
    finally:
        await node.close()
        await py.close()
        if late:
            await late.close()


async def test_many_members_and_room_leave(server, server_url, make_account_on, http, aplusb):
    """Five writers at once converge; `room:leave` drops the leaver's cursor and its updates."""
    accounts = [await make_account_on() for _ in range(5)]
    rid = await pair_room(http, accounts[0], max_participants=5)
    peers = [await PyPeer.connect(server_url, a.token, rid) for a in accounts]
    try:
        for peer in peers:
            assert (await peer.sync())["ok"]
        for round_ in range(4):
            for i, peer in enumerate(peers):
                peer.insert(0, f"{i}{round_} ")
            await asyncio.sleep(0.01)
        for peer in peers:
            await peer.drain()
        server_text = server.app[DOCUMENTS].get(rid).text("python")
        assert len(server_text.split()) == 20
        for peer in peers:
            await peer.wait(lambda p=peer: str(p.text()) == server_text)

        peers[0].set_awareness({"user": {"name": "first"}})
        await peers[1].wait(lambda: names(peers[1].peers()) == {"first"})
        ack = await peers[0].sio.call("room:leave", {"room": rid}, timeout=5)
        assert ack["ok"], ack
        await peers[1].wait(lambda: peers[1].peers() == {})
        peers[1].insert(0, "after ")
        await peers[1].drain()
        await peers[2].wait(lambda: str(peers[2].text()).startswith("after "))
        # The update was broadcast before peers[1]'s send was acked (drain): a round trip
        # on the leaver's socket would bring it first if it were still a member.
        await peers[0].sio.call("system:ping", 1, timeout=5)
        assert not str(peers[0].text()).startswith("after ")  # left: no more updates
    finally:
        for peer in peers:
            await peer.close()
