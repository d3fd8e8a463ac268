"""A loopback model server for tests and benchmarks: OpenAI Chat Completions and Gemini
streamGenerateContent, both as server-sent events, as the real SDKs expect them.

Every request body is recorded (`prompts`), each request is answered by the next
scripted `Reply` (or the default), and a client that hangs up mid-stream is
noticed (`disconnected` is set), which is how tests prove a cancel really closed
the HTTP connection.
"""

from __future__ import annotations

import asyncio
import json
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web


@dataclass
class Reply:
    """How to answer one request.

    tokens: text deltas to stream, `delay` seconds apart.
    status: an HTTP error status to answer with instead (with `headers`).
    hang: seconds to wait before answering at all (timeouts).
    stall_after: stop sending (but keep the connection) after this many tokens.
    """

    tokens: list[str] = field(default_factory=lambda: ["Hello", " from", " the", " model."])
    delay: float = 0.0
    status: int | None = None
    headers: dict[str, str] = field(default_factory=dict)
    hang: float = 0.0
    stall_after: int | None = None

    @classmethod
    def text(cls, content: str, **kwargs: Any) -> Reply:
        return cls(tokens=[content], **kwargs)


class LoopbackModel:
    def __init__(self) -> None:
        self.prompts: list[str] = []
        self.paths: list[str] = []
        self.script: deque[Reply] = deque()
        self.default = Reply()
        self.disconnected = asyncio.Event()
        self.disconnects = 0
        self.finished = 0
        self._stopping = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self.url = ""

    def queue(self, *replies: Reply) -> None:
        self.script.extend(replies)

    async def start(self) -> str:
        app = web.Application()
        app.router.add_post("/v1/chat/completions", self._openai)
        app.router.add_post("/{version}/models/{action}", self._gemini)
        self._runner = web.AppRunner(app, handle_signals=False)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}"
        return self.url

    async def pause(self, seconds: float) -> None:
        """Sleep, but wake at once when the server stops (so cleanup never waits on us)."""
        try:
            await asyncio.wait_for(self._stopping.wait(), seconds)
        except TimeoutError:
            pass

    async def stop(self) -> None:
        self._stopping.set()
        if self._runner is not None:
            await self._runner.cleanup()

    def _next(self) -> Reply:
        return self.script.popleft() if self.script else self.default

    async def _record(self, request: web.Request) -> Reply:
        self.prompts.append(await request.text())
        self.paths.append(request.path_qs)
        reply = self._next()
        if reply.hang:
            await self.pause(reply.hang)
        return reply

    async def _openai(self, request: web.Request) -> web.StreamResponse:
        reply = await self._record(request)
        if reply.status is not None:
            body = {"error": {"message": "scripted failure", "type": "server_error", "code": None}}
            return web.json_response(body, status=reply.status, headers=reply.headers)

        def chunk(text: str) -> bytes:
            data = {
                "id": "chatcmpl-loopback",
                "object": "chat.completion.chunk",
                "created": 0,
                "model": "loopback",
                "choices": [{"index": 0, "delta": {"content": text}, "finish_reason": None}],
            }
            return f"data: {json.dumps(data)}\n\n".encode()

        return await self._stream(request, reply, chunk, b"data: [DONE]\n\n")

    async def _gemini(self, request: web.Request) -> web.StreamResponse:
        reply = await self._record(request)
        if reply.status is not None:
            error: dict[str, Any] = {
                "code": reply.status,
                "message": "scripted failure",
                "status": "RESOURCE_EXHAUSTED" if reply.status == 429 else "INTERNAL",
            }
            if "retry-after" in reply.headers:
                error["details"] = [
                    {
                        "@type": "type.googleapis.com/google.rpc.RetryInfo",
                        "retryDelay": f"{reply.headers['retry-after']}s",
                    }
                ]
            return web.json_response({"error": error}, status=reply.status)

        def chunk(text: str) -> bytes:
            data = {
                "candidates": [
                    {"content": {"role": "model", "parts": [{"text": text}]}, "index": 0}
                ],
                "modelVersion": "loopback",
            }
            return f"data: {json.dumps(data)}\r\n\r\n".encode()

        return await self._stream(request, reply, chunk, b"")

    async def _stream(
        self, request: web.Request, reply: Reply, chunk: Any, trailer: bytes
    ) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        await response.prepare(request)
        try:
            for index, token in enumerate(reply.tokens):
                if reply.stall_after is not None and index >= reply.stall_after:
                    await self.pause(3600)
                    break
                await response.write(chunk(token))
                if reply.delay:
                    await self.pause(reply.delay)
            if trailer:
                await response.write(trailer)
            await response.write_eof()
            self.finished += 1
        except (ConnectionError, asyncio.CancelledError):
            self.disconnects += 1
            self.disconnected.set()
            raise
        return response
