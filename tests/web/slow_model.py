"""A loopback Chat Completions server that streams slowly, so a browser can stop a reply.

Every request gets WORDS words at RATE per second as OpenAI server-sent events; a client that
leaves early just closes the connection. Run: python -m tests.web.slow_model PORT
"""

from __future__ import annotations

import asyncio
import json
import sys

from aiohttp import web

WORDS = 300
RATE = 20.0


async def chat(request: web.Request) -> web.StreamResponse:
    response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
    await response.prepare(request)
    for i in range(WORDS):
        delta = f"step{i} "
        chunk = {"choices": [{"index": 0, "delta": {"content": delta}, "finish_reason": None}]}
        await response.write(f"data: {json.dumps(chunk)}\n\n".encode())
        await asyncio.sleep(1 / RATE)
    await response.write(b"data: [DONE]\n\n")
    await response.write_eof()
    return response


if __name__ == "__main__":
    app = web.Application()
    app.router.add_post("/v1/chat/completions", chat)
    web.run_app(app, host="127.0.0.1", port=int(sys.argv[1]), print=None, access_log=None)
