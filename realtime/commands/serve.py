"""`codearena serve`: the web + Socket.IO server on the configured host and port."""

from __future__ import annotations

import argparse

from aiohttp import web

from realtime.app import create_app
from realtime.config import load_settings


def cmd_serve(args: argparse.Namespace) -> int:
    settings = load_settings(
        **{k: v for k, v in (("host", args.host), ("port", args.port)) if v is not None}
    )
    app = create_app(settings)
    url = f"http://{settings.host}:{settings.port}"

    def announce(_: str) -> None:
        print(f"CodeArena listening on {url}  (health: {url}/api/health)", flush=True)

    web.run_app(app, host=settings.host, port=settings.port, print=announce, access_log=None)
    return 0
