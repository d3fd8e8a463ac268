"""A shared document survives a server restart: `codearena serve` on one SQLite file, twice."""

from __future__ import annotations

import asyncio
import signal
import uuid

import aiohttp

from storage.database import Database
from storage.migrate import upgrade
from storage.repositories import problems as problem_repo
from tests.processes import ProcessGroup, base_env
from tests.rooms_live.pair_peers import NodePeer, PyPeer
from tests.rooms_live.test_pair_editing import until
from tests.sockets.test_scaled import login


async def seed_problem(url: str, draft) -> None:
    await upgrade(url)
    db = Database(url)
    try:
        async with db.session() as session:
            await problem_repo.create_problem(session, draft, author_id=None, source="bank")
    finally:
        await db.close()


async def test_restart_keeps_the_document(tmp_path, aplusb_draft):
    url = f"sqlite+aiosqlite:///{tmp_path}/pair.db"
    await seed_problem(url, aplusb_draft)
    group = ProcessGroup(
        tmp_path,
        base_env(
            DATABASE_URL=url,
            CODEARENA_SECRET="pair-restart-" + uuid.uuid4().hex,
            CODEARENA_ENV="test",
            CODEARENA_LOAD_BANK="false",
            CODEARENA_AI_PROVIDER="offline",
        ),
    )
    peers: list = []
    try:
        first = group.serve("web-1")
        alice, bob = await login(first.url), await login(first.url)
        async with aiohttp.ClientSession() as http:
            resp = await http.post(
                first.url + "/api/rooms",
                json={"kind": "pair", "problems": ["a-plus-b"]},
                headers=alice.headers,
            )
            assert resp.status == 201, await resp.text()
            rid = (await resp.json())["room"]["id"]

        py = await PyPeer.connect(first.url, alice.token, rid)
        peers.append(py)
        assert (await py.sync())["ok"]
        node = await NodePeer.start(first.url, bob.token, rid)
        peers.append(node)
        py.insert(0, "a, b = map(int, input().split())\n")
        await py.drain()
        await until(node.text, "a, b = map(int, input().split())\n")
        ack = await node.request("insert", lang="python", index=-1, text="print(a + b)\n")
        assert ack["ok"]
        expected = "a, b = map(int, input().split())\nprint(a + b)\n"
        await py.wait(lambda: str(py.text()) == expected)
        await node.close()  # (a connected Node client holds up aiohttp's shutdown for 30 s)
        py.insert(0, "# last edit right before the restart\n")
        await py.drain()  # acked: applied by the server, maybe not stored yet

        # Graceful stop: the keeper stores what it holds. Off the event loop, so the
        # still-connected Python client can answer the server's goodbye.
        await asyncio.to_thread(first.kill, signal.SIGTERM)
        assert first.popen.returncode == 0, first.output()[-2000:]  # exited by itself
        second = group.serve("web-2")
        fresh = await PyPeer.connect(second.url, bob.token, rid)
        peers.append(fresh)
        assert (await fresh.sync())["ok"]
        assert str(fresh.text()) == "# last edit right before the restart\n" + expected
        node2 = await NodePeer.start(second.url, alice.token, rid)
        peers.append(node2)
        assert await node2.text() == str(fresh.text())
    finally:
        for peer in peers:
            await peer.close()
        group.stop_all()
