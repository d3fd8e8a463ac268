"""SIGTERM: in-flight judging finishes and is delivered, then sockets close with a reason."""

from __future__ import annotations

import asyncio
import json
import signal
from pathlib import Path

import socketio

from tests.inbox import CONNECT_TIMEOUT, Inbox
from tests.processes import ProcessGroup, base_env
from tests.sockets.test_js_client import JS_DIR, node_ready
from tests.sockets.test_scaled import login
from tests.sockets.test_workers import SLOW


def _group(tmp_path: Path) -> ProcessGroup:
    return ProcessGroup(
        tmp_path,
        base_env(
            DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path}/shutdown.db",
            CODEARENA_SECRET="shutdown-secret-" + "z" * 32,
            CODEARENA_ENV="test",
        ),
    )


async def test_sigterm_finishes_inflight_job_then_closes_sockets(tmp_path):
    group = _group(tmp_path)
    web = group.serve("web")
    try:
        me = await login(web.url)
        inbox = Inbox()
        client = socketio.AsyncClient(reconnection=False)
        names = ("code:result", "system:announcement", "code:progress")
        for name, handler in inbox.handlers(*names).items():
            client.on(name, handler)
        disconnected = asyncio.Event()
        client.on("disconnect", lambda *args: disconnected.set())
        await client.connect(
            web.url,
            auth={"token": me.token},
            transports=["websocket"],
            wait_timeout=CONNECT_TIMEOUT,
        )
        ack = await client.call(
            "code:execute",
            {"problem": "pair-sum-count", "language": "python", "mode": "run", "code": SLOW},
            timeout=10,
        )
        assert ack["ok"], ack
        # In flight: it has compiled and reported progress.
        await inbox.wait_for(
            "code:progress", lambda e: e["submission_id"] == ack["submission_id"], within=30
        )
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


async def test_sigterm_does_not_wait_for_a_connected_js_client(tmp_path):
    """socket.io-client keeps its websocket after the namespace disconnect; the server
    must close it itself instead of waiting for aiohttp's shutdown timeout (it took 31 s)."""
    node_ready()
    group = _group(tmp_path)
    web = group.serve("web")
    node = None
    try:
        me = await login(web.url)
        node = await asyncio.create_subprocess_exec(
            "node",
            str(JS_DIR / "idle.mjs"),
            web.url,
            me.token,
            stdout=asyncio.subprocess.PIPE,
        )
        assert node.stdout is not None
        seen: list[dict] = []

        async def next_event() -> dict:
            line = await asyncio.wait_for(node.stdout.readline(), 30)
            assert line, seen
            seen.append(json.loads(line))
            return seen[-1]

        assert (await next_event())["event"] == "connect"
        web.popen.send_signal(signal.SIGTERM)
        # Stopped well before aiohttp's 60 s shutdown timeout would have ended it.
        assert await asyncio.to_thread(web.popen.wait, 25) == 0, web.output()
        while not any(e["event"] == "disconnect" for e in seen):
            await next_event()
        assert [e["event"] for e in seen] == ["connect", "announcement", "disconnect"], seen
        assert seen[-1]["data"] == "io server disconnect"  # told, so it does not reconnect
    finally:
        if node is not None and node.returncode is None:
            node.kill()
            await node.wait()
        group.stop_all()
