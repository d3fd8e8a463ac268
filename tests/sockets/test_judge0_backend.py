"""JUDGE_BACKEND=judge0: the server judges `code:execute` on a (loopback) Judge0 server."""

from __future__ import annotations

import uuid
from typing import Any

from aiohttp import web

from realtime.app import create_app
from tests.inbox import CONNECT_TIMEOUT, Inbox
from tests.judging.test_judge0 import STATUS, _run


async def test_server_judges_through_judge0(aiohttp_server, settings, aplusb_draft):
    results: dict[str, dict[str, Any]] = {}
    created: list[int] = []

    async def create(request: web.Request) -> web.Response:
        body = await request.json()
        tokens = []
        for submission in body["submissions"]:
            token = str(uuid.uuid4())
            results[token] = _run(submission)
            tokens.append({"token": token})
        created.append(len(tokens))
        return web.json_response(tokens, status=201)

    async def fetch(request: web.Request) -> web.Response:
        out = []
        for token in request.query["tokens"].split(","):
            item = dict(results[token])
            status = item.pop("status")
            out.append(
                {"token": token, "status": {"id": status, "description": STATUS[status]}, **item}
            )
        return web.json_response({"submissions": out})

    fake = web.Application()
    fake.router.add_post("/submissions/batch", create)
    fake.router.add_get("/submissions/batch", fetch)
    judge0 = await aiohttp_server(fake)

    from realtime.keys import DATABASE
    from storage.repositories import problems as problem_repo
    from tests.conftest import account_factory

    app = create_app(
        settings.model_copy(
            update={"judge_backend": "judge0", "judge0_url": str(judge0.make_url("/"))}
        )
    )
    server = await aiohttp_server(app)
    async with app[DATABASE].session() as session:
        await problem_repo.create_problem(session, aplusb_draft, author_id=None)

    import socketio
    from aiohttp.test_utils import TestClient

    http = TestClient(server)
    await http.start_server()
    try:
        me = await account_factory(http)()
        inbox = Inbox()
        sio = socketio.AsyncClient(reconnection=False)
        sio.on("code:result", inbox.handler("code:result"))
        await sio.connect(
            f"http://127.0.0.1:{server.port}",
            auth={"token": me.token},
            transports=["websocket"],
            wait_timeout=CONNECT_TIMEOUT,
        )
        ack = await sio.call(
            "code:execute",
            {
                "problem": "a-plus-b",
                "language": "python",
                "mode": "submit",
                "code": "a, b = map(int, input().split())\nprint(a + b)\n",
            },
            timeout=10,
        )
        result = await inbox.wait_for(
            "code:result", lambda e: e["submission_id"] == ack["submission_id"], within=30
        )
        assert result["verdict"] == "AC" and result["total"] == 4
        assert sum(created) == 4  # every test went to Judge0
        langs = await (await http.get("/api/languages")).json()
        assert {lang["id"] for lang in langs["languages"] if lang["available"]} >= {"python", "cpp"}
        await sio.disconnect()
    finally:
        await http.close()
