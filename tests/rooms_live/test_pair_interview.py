"""Interview mode and what the document leaves behind: autosave, posted problems, playback."""

from __future__ import annotations

import asyncio
from dataclasses import replace

from realtime.keys import DATABASE, DOCUMENTS
from storage.repositories import documents as doc_repo
from storage.repositories import problems as problem_repo
from tests.inbox import Inbox
from tests.rooms_live.pair_peers import PyPeer
from tests.rooms_live.test_contest import make_room
from tests.rooms_live.test_pair_editing import pair_room


async def add_problem(server, draft, slug: str, visibility: str = "public") -> str:
    draft = replace(
        draft, slug=slug, fields={**draft.fields, "title": slug, "visibility": visibility}
    )
    async with server.app[DATABASE].session() as session:
        await problem_repo.create_problem(session, draft, author_id=None, source="bank")
    return slug


async def type_slowly(peer: PyPeer, text: str, language: str = "python") -> None:
    for ch in text:
        peer.insert(len(str(peer.text(language))), ch, language)
        await peer.drain()


async def session_code(peer: PyPeer, problem: str) -> dict:
    ack = await peer.sio.call("session:open", {"problem": problem, "language": "python"}, timeout=5)
    assert ack["ok"], ack
    return ack["session"]["code"]


async def test_autosave_into_each_members_session(
    server, server_url, make_account_on, http, aplusb
):
    server.app[DOCUMENTS].policy.autosave_every = 0.3
    alice, bob = await make_account_on(), await make_account_on()
    rid = await pair_room(http, alice)
    a = await PyPeer.connect(server_url, alice.token, rid)
    b = await PyPeer.connect(server_url, bob.token, rid)
    try:
        await a.sync()
        await b.sync()
        await type_slowly(a, "a, b = map(int, input().split())\n")
        b.insert(len(str(b.text())), "print(a + b)\n")
        a.insert(0, "// js too\n", "javascript")
        await a.drain()
        await b.drain()
        want = {"python": "a, b = map(int, input().split())\nprint(a + b)\n"}
        await b.wait(lambda: str(b.text()) == want["python"])
        deadline = asyncio.get_running_loop().time() + 10
        for peer in (a, b):
            while True:
                code = await session_code(peer, "a-plus-b")
                if code.get("python") == want["python"] and code.get("javascript"):
                    break
                assert asyncio.get_running_loop().time() < deadline, code
                await asyncio.sleep(0.2)
            assert code["javascript"] == "// js too\n"
    finally:
        await a.close()
        await b.close()


async def test_interview_problem_live_view_and_playback(
    server, server_url, make_account_on, http, aplusb, aplusb_draft
):
    second = await add_problem(server, aplusb_draft, "a-times-b")
    hidden = await add_problem(server, aplusb_draft, "secret-draft", visibility="private")
    host, candidate, outsider = [await make_account_on() for _ in range(3)]
    room = await make_room(http, host, kind="interview", rated=False, problems=["a-plus-b"])
    rid = room["id"]
    inbox = Inbox()
    cand = await PyPeer.connect(server_url, candidate.token, rid, join=False)
    for name, handler in inbox.handlers("room:problem", "room:update").items():
        cand.sio.on(name, handler)
    ack = await cand.sio.call("room:join", {"room": rid}, timeout=5)
    assert ack["ok"] and ack["role"] == "participant", ack
    interviewer = await PyPeer.connect(server_url, host.token, rid)
    try:
        # Posting problems: host only, existing and visible problems only.
        ack = await cand.sio.call("room:problem", {"room": rid, "problem": second}, timeout=5)
        assert ack["error"]["code"] == "not_host", ack
        for slug in ("no-such-problem", hidden):
            ack = await interviewer.sio.call("room:problem", {"room": rid, "problem": slug})
            assert ack["error"]["code"] == "problem_not_found", ack
        ack = await interviewer.sio.call("room:problem", {"room": rid, "problem": second})
        assert ack["ok"] and ack["problem"]["slug"] == second, ack
        posted = await inbox.wait_for("room:problem", within=5)
        assert posted["problem"]["slug"] == second and posted["problems"] == ["a-plus-b", second]
        assert posted["posted_by"] == host.id

        # The interviewer watches the candidate type, live.
        assert (await interviewer.sync())["ok"] and (await cand.sync())["ok"]
        await type_slowly(cand, "def f")
        await interviewer.wait(lambda: str(interviewer.text()) == "def f")
        cand.insert(3, "!")  # an edit in the middle
        cand.insert(0, "# c\n", "cpp")
        await cand.drain()
        await interviewer.wait(lambda: str(interviewer.text()) == "def! f")

        resp = await http.get(f"/api/rooms/{rid}/playback", headers=host.headers)
        assert resp.status == 200, await resp.text()
        body = await resp.json()
        texts = [(f["language"], f["text"]) for f in body["frames"]]
        assert texts == [
            ("python", "d"),
            ("python", "de"),
            ("python", "def"),
            ("python", "def "),
            ("python", "def f"),
            ("python", "def! f"),
            ("cpp", "# c\n"),
        ]
        assert body["complete"] is True and body["total"] == 7
        assert {f["author"]["id"] for f in body["frames"]} == {candidate.id}
        assert body["frames"][0]["author"]["display_name"] == "User"
        times = [f["time"] for f in body["frames"]]
        assert times == sorted(times)
        page = await (
            await http.get(f"/api/rooms/{rid}/playback?offset=2&limit=2", headers=host.headers)
        ).json()
        assert [f["text"] for f in page["frames"]] == ["def", "def "] and page["total"] == 7

        # Interviews keep their history through compaction: same replay, faster load.
        registry = server.app[DOCUMENTS]
        await registry.maintain(rid, final=True)
        async with server.app[DATABASE].session() as session:
            assert await doc_repo.count(session, rid) == {"update": 7, "snapshot": 1}
        again = await (await http.get(f"/api/rooms/{rid}/playback", headers=host.headers)).json()
        assert again["frames"] == body["frames"]

        # Members only.
        resp = await http.get(f"/api/rooms/{rid}/playback", headers=candidate.headers)
        assert resp.status == 200
        resp = await http.get(f"/api/rooms/{rid}/playback", headers=outsider.headers)
        assert resp.status == 403 and (await resp.json())["error"]["code"] == "not_member"
        resp = await http.get("/api/rooms/nope/playback", headers=host.headers)
        assert resp.status == 404
        resp = await http.get(f"/api/rooms/{rid}/playback")
        assert resp.status == 401

        # The candidate's code lands in both sessions on the posted (current) problem.
        registry.policy.autosave_every = 0.1
        await registry.maintain(rid, final=True)
        assert (await session_code(cand, second))["python"] == "def! f"
        assert (await session_code(interviewer, second))["cpp"] == "# c\n"
    finally:
        await cand.close()
        await interviewer.close()


async def test_pair_compaction_squashes_history(server, server_url, make_account_on, http, aplusb):
    alice = await make_account_on()
    rid = await pair_room(http, alice)
    registry = server.app[DOCUMENTS]
    registry.policy.compact_every = 5
    a = await PyPeer.connect(server_url, alice.token, rid)
    try:
        await a.sync()
        await type_slowly(a, "abcdefgh")  # 8 updates: one compaction after 5 of them

        async def squashed() -> dict:
            await registry.flush(rid)
            async with server.app[DATABASE].session() as session:
                return await doc_repo.count(session, rid)

        deadline = asyncio.get_running_loop().time() + 10
        while (counts := await squashed()).get("snapshot") != 1 or counts.get("update", 0) > 3:
            assert asyncio.get_running_loop().time() < deadline, counts
            await asyncio.sleep(0.1)
        body = await (await http.get(f"/api/rooms/{rid}/playback", headers=alice.headers)).json()
        assert body["complete"] is False
        first = body["frames"][0]
        assert first["kind"] == "snapshot" and first["author"] is None
        assert [f["text"] for f in body["frames"]][-1] == "abcdefgh"
        assert len(body["frames"]) == 1 + counts.get("update", 0)
    finally:
        await a.close()
