"""Two kinds of shared-document clients for tests and the pair benchmark.

`PyPeer`: a pycrdt Doc + pycrdt Awareness over a python-socketio AsyncClient.
`NodePeer`: tests/js/pair_client.mjs (the official `yjs`, `y-protocols` and
`socket.io-client`), driven through JSON lines on its stdin/stdout.
Both speak only the public wire contract (docs/pair-editing.md); neither
imports server code.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import socketio
from pycrdt import Awareness, Doc, Text, create_sync_message, handle_sync_message

from tests.inbox import CONNECT_TIMEOUT

JS_DIR = Path(__file__).resolve().parent.parent / "js"


class PyPeer:
    """Syncs one room's document; local edits are sent in order by one sender task."""

    def __init__(self, sio: socketio.AsyncClient, room: str) -> None:
        self.sio = sio
        self.room = room
        self.doc: Doc = Doc()
        self.awareness = Awareness(self.doc)
        self.awareness.set_local_state(None)  # announce nothing until a test says so
        self.errors: list[dict] = []  # failed acks of what this peer sent
        self.changed = asyncio.Event()
        self.on_remote_update: Callable[[bytes], None] | None = None
        self._remote = False
        self._outbox: asyncio.Queue[tuple[str, bytes]] = asyncio.Queue()
        self._sender: asyncio.Task | None = None
        self.doc.observe(self._local_update)
        sio.on("doc:update", self._on_update)
        sio.on("doc:awareness", self._on_awareness)

    @classmethod
    async def connect(cls, url: str, token: str, room: str, *, join: bool = True) -> PyPeer:
        sio = socketio.AsyncClient(reconnection=False)
        peer = cls(sio, room)
        await sio.connect(
            url, auth={"token": token}, transports=["websocket"], wait_timeout=CONNECT_TIMEOUT
        )
        if join:
            ack = await sio.call("room:join", {"room": room}, timeout=10)
            assert ack["ok"], ack
        return peer

    async def sync(self) -> dict:
        """Step 1 -> apply the server's step 2, answer its step 1; returns the ack."""
        step1 = create_sync_message(self.doc)[1:]  # drop y-websocket's outer byte
        ack = await self.sio.call("doc:sync", {"room": self.room, "data": step1}, timeout=10)
        if not ack["ok"]:
            return ack
        for reply in ack["replies"]:
            answer = self._apply_remote(reply)
            if answer is not None:
                await self.call("doc:sync", answer[1:])
        if ack.get("awareness"):
            self.awareness.apply_awareness_update(ack["awareness"], "server")
        self._sender = self._sender or asyncio.create_task(self._send_loop())
        return ack

    async def call(self, event: str, data: Any) -> dict:
        return await self.sio.call(event, {"room": self.room, "data": data}, timeout=10)

    # Editing

    def text(self, language: str = "python") -> Text:
        return self.doc.get(language, type=Text)

    def insert(self, index: int, chunk: str, language: str = "python") -> None:
        self.text(language).insert(index, chunk)

    def set_awareness(self, state: dict | None) -> None:
        self.awareness.set_local_state(state)
        update = self.awareness.encode_awareness_update([self.awareness.client_id])
        self._outbox.put_nowait(("doc:awareness", update))

    def peers(self) -> dict[int, Any]:
        """Awareness states of the others."""
        return {k: v for k, v in self.awareness.states.items() if k != self.awareness.client_id}

    async def wait(self, predicate: Callable[[], bool], within: float = 10.0) -> None:
        async def poll() -> None:
            while not predicate():
                self.changed.clear()
                await self.changed.wait()

        await asyncio.wait_for(poll(), within)

    async def drain(self) -> None:
        """Wait until everything queued has been sent and acked."""
        await self._outbox.join()

    async def close(self) -> None:
        if self._sender:
            self._sender.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._sender
        if self.sio.connected:
            await self.sio.disconnect()

    # Plumbing

    def _apply_remote(self, message: bytes) -> bytes | None:
        self._remote = True
        try:
            return handle_sync_message(bytes(message), self.doc)
        finally:
            self._remote = False
            self.changed.set()

    def _local_update(self, event: Any) -> None:
        if not self._remote:
            self._outbox.put_nowait(("doc:update", bytes([2]) + _var_bytes(event.update)))

    async def _send_loop(self) -> None:
        while True:
            event, data = await self._outbox.get()
            try:
                ack = await self.call(event, data)
                if not ack.get("ok"):
                    self.errors.append(ack)
            finally:
                self._outbox.task_done()

    async def _on_update(self, payload: dict) -> None:
        if payload.get("room") == self.room:
            self._apply_remote(payload["data"])
            if self.on_remote_update:
                self.on_remote_update(payload["data"])

    async def _on_awareness(self, payload: dict) -> None:
        if payload.get("room") == self.room:
            self.awareness.apply_awareness_update(bytes(payload["data"]), "server")
            self.changed.set()


def _var_bytes(data: bytes) -> bytes:
    out, n = bytearray(), len(data)
    while n > 127:
        out.append(0x80 | (n & 0x7F))
        n >>= 7
    out.append(n)
    return bytes(out) + data


class NodePeer:
    """tests/js/pair_client.mjs as a subprocess: requests by id, pushed events recorded."""

    def __init__(self, proc: asyncio.subprocess.Process) -> None:
        self.proc = proc
        self.ids = itertools.count(1)
        self.waiting: dict[int, asyncio.Future] = {}
        self.events: list[dict] = []
        self.peers: dict[int, Any] = {}  # latest awareness states of the others
        self.changed = asyncio.Event()
        self.ready = asyncio.get_running_loop().create_future()
        self.reader = asyncio.create_task(self._read())

    @classmethod
    async def start(cls, url: str, token: str, room: str) -> NodePeer:
        proc = await asyncio.create_subprocess_exec(
            "node",
            str(JS_DIR / "pair_client.mjs"),
            url,
            token,
            room,
            cwd=JS_DIR,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
        )
        peer = cls(proc)
        try:
            hello = await asyncio.wait_for(peer.ready, 20)
        except TimeoutError:
            err = await peer.stderr()
            raise AssertionError(f"pair_client.mjs never became ready: {err}") from None
        assert hello.get("ok"), hello
        return peer

    async def request(self, cmd: str, **args: Any) -> dict:
        rid = next(self.ids)
        future = asyncio.get_running_loop().create_future()
        self.waiting[rid] = future
        assert self.proc.stdin is not None
        self.proc.stdin.write((json.dumps({"id": rid, "cmd": cmd, **args}) + "\n").encode())
        await self.proc.stdin.drain()
        return await asyncio.wait_for(future, 30)

    async def text(self, language: str = "python") -> str:
        return (await self.request("text", lang=language))["text"]

    async def wait(self, predicate: Callable[[], bool], within: float = 10.0) -> None:
        async def poll() -> None:
            while not predicate():
                self.changed.clear()
                await self.changed.wait()

        await asyncio.wait_for(poll(), within)

    async def stderr(self) -> str:
        if self.proc.returncode is None:
            self.proc.kill()
        assert self.proc.stderr is not None
        return (await self.proc.stderr.read()).decode(errors="replace")

    async def close(self) -> None:
        if self.proc.returncode is None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self.request("quit"), 5)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.proc.wait(), 5)
            if self.proc.returncode is None:
                self.proc.kill()
                await self.proc.wait()
        self.reader.cancel()

    async def _read(self) -> None:
        assert self.proc.stdout is not None
        async for line in self.proc.stdout:
            message = json.loads(line)
            if "id" in message:
                future = self.waiting.pop(message["id"], None)
                if future and not future.done():
                    future.set_result(message)
            elif message.get("event") == "ready":
                if not self.ready.done():
                    self.ready.set_result(message)
            else:
                self.events.append(message)
                if message.get("event") == "awareness":
                    self.peers = {int(k): v for k, v in message["states"].items()}
            self.changed.set()
        if not self.ready.done():
            self.ready.set_result({"ok": False, "error": "exited"})
