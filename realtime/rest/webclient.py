"""The browser client: web/dist served at `/` next to the API.

Vite names the files under /assets by their content hash, so they are cached for a year;
index.html is revalidated on every load so a new build is picked up at once. Any other
GET path that is not the API or Socket.IO gets index.html (the client routes it). Without
a build, `/` says how to make one and the API keeps working.
"""

from __future__ import annotations

from pathlib import Path

from aiohttp import web

IMMUTABLE = "public, max-age=31536000, immutable"
NO_CACHE = "no-cache"
# Everything except /api and /socket.io (and their sub-paths) is the client's.
CLIENT_PATH = r"{path:(?!api(?:/|$)|socket\.io(?:/|$)).*}"

MISSING_BUILD_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>CodeArena</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto;
padding: 0 1rem; line-height: 1.5">
<h1>CodeArena is running</h1>
<p>The web client has not been built yet. Install Node.js and npm, then run
<code>bash scripts/setup.sh</code> (it runs <code>npm ci</code> and
<code>npm run build</code> in <code>web/</code>) and reload this page.</p>
<p>The API works without it: see <a href="/api/openapi.json">/api/openapi.json</a>.</p>
</body></html>
"""


def _inside(root: Path, relative: str) -> Path | None:
    """The file `relative` names under `root`, or None when absent or outside it."""
    candidate = (root / relative).resolve()
    if candidate.is_file() and candidate.is_relative_to(root):
        return candidate
    return None


def install_web_client(app: web.Application, dist: Path) -> None:
    """Add the client's routes; call after every API route so those match first."""
    root = dist.resolve()
    index = root / "index.html"

    async def asset(request: web.Request) -> web.StreamResponse:
        found = _inside(root / "assets", request.match_info["name"])
        if found is None:
            raise web.HTTPNotFound()
        return web.FileResponse(found, headers={"Cache-Control": IMMUTABLE})

    async def page(request: web.Request) -> web.StreamResponse:
        if not index.is_file():
            return web.Response(
                text=MISSING_BUILD_PAGE,
                content_type="text/html",
                headers={"Cache-Control": NO_CACHE},
            )
        path = request.match_info["path"]
        found = _inside(root, path) if path else None
        return web.FileResponse(found or index, headers={"Cache-Control": NO_CACHE})

    app.router.add_get("/assets/{name:.+}", asset)
    app.router.add_get("/" + CLIENT_PATH, page)
