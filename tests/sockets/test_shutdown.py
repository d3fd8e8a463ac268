"""SIGTERM: in-flight judging finishes and is delivered, then sockets close with a reason."""

from __future__ import annotations

import asyncio
import signal

import socketio

from tests.inbox import Inbox
from tests.processes import ProcessGroup, base_env
from tests.sockets.test_scaled import login
from tests.sockets.test_workers import SLOW


async def test_sigterm_finishes_inflight_job_then_closes_sockets(tmp_path):
    group = ProcessGroup(
        tmp_path,
        base_env(
            DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path}/shutdown.db",
            CODEARENA_SECRET="shutdown-secret-" + "z" * 32,
            CODEARENA_ENV="test",
        ),
    )
    web = group.serve("web")
    try:
        me = await login(web.url)
        inbox = Inbox()
        client = socketio.AsyncClient(reconnection=False)
        names = ("code:result", "system:announcement", "disconnect")
        for name, handler in inbox.handlers(*names[:2]).items():
            client.on(name, handler)
        disconnected = asyncio.Event()
        client.on("disconnect", lambda *args: disconnected.set())
        await client.connect(web.url, auth={"token": me.token}, transports=["websocket"])
        ack = await client.call(
            "code:execute",
            {"problem": "pair-sum-count", "language": "python", "mode": "run", "code": SLOW},
            timeout=10,
        )
        assert ack["ok"], ack
        await asyncio.sleep(0.5)
        web.popen.send_signal(signal.SIGTERM)
        result = await inbox.wait_for(
            "code:result", lambda e: e["submission_id"] == ack["submission_id"], within=60
        )
        assert result["verdict"] in ("WA", "AC")  # judged, not dropped
        notice = await inbox.wait_for("system:announcement", within=30)
        assert notice["kind"] == "shutdown"
        await asyncio.wait_for(disconnected.wait(), 30)
        assert web.popen.wait(timeout=60) == 0, web.output()
    finally:
        group.stop_all()
