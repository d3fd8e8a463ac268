"""Liveness/readiness and the OpenAPI document."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable
from importlib.metadata import PackageNotFoundError, version

from aiohttp import web
from pydantic import BaseModel

from realtime.keys import DATABASE, ENDPOINTS, HEALTH_PROBES, REDIS
from realtime.rest.endpoints import Call, EndpointTable
from realtime.rest.openapi import build_openapi

routes = EndpointTable()
PROBE_TIMEOUT_S = 2.0  # a dependency slower than this is not ready to serve


def app_version() -> str:
    try:
        return version("codearena")
    except PackageNotFoundError:
        return "0.0.0+local"


class HealthOut(BaseModel):
    status: str
    version: str
    database: str
    components: dict[str, str] = {}


@routes.get("/api/health", response=HealthOut, auth="none", tags=("system",))
async def health(call: Call) -> web.Response:
    """Database reachable and version; 503 when the database is down."""
    db = call.app[DATABASE]
    ok = await db.ping()
    components = {name: probe() for name, probe in call.app[HEALTH_PROBES].items()}
    out = HealthOut(
        status="ok" if ok else "degraded",
        version=app_version(),
        database=db.dialect if ok else "unreachable",
        components=components,
    )
    return web.json_response(out.model_dump(), status=200 if ok else 503)


class LiveOut(BaseModel):
    status: str


class ReadyOut(BaseModel):
    status: str
    checks: dict[str, str]


@routes.get("/api/health/live", response=LiveOut, auth="none", tags=("system",))
async def live(call: Call) -> LiveOut:
    """The process answers (no I/O): for a supervisor's restart decision."""
    return LiveOut(status="ok")


async def _check(probe: Awaitable[object]) -> str:
    try:
        async with asyncio.timeout(PROBE_TIMEOUT_S):
            result = await probe
    except TimeoutError:
        return "timeout"
    except Exception as exc:  # any failure means not ready; say which
        return f"error: {type(exc).__name__}"
    return "ok" if result is not False else "unreachable"


@routes.get("/api/health/ready", response=ReadyOut, auth="none", tags=("system",), also=(503,))
async def ready(call: Call) -> web.Response:
    """The database answers and, when scaled, Redis does: for a load balancer's rotation.
    503 names what is not ready; the judge's state is in /api/health, not here (a web
    process without a sandbox still serves everything else)."""
    checks = {"database": await _check(call.app[DATABASE].ping())}
    redis = call.app[REDIS]
    if redis is not None:
        checks["redis"] = await _check(redis.ping())
    ok = all(v == "ok" for v in checks.values())
    out = ReadyOut(status="ok" if ok else "unavailable", checks=checks)
    return web.json_response(out.model_dump(), status=200 if ok else 503)


@routes.get("/api/openapi.json", auth="none", tags=("system",))
async def openapi(call: Call) -> dict[str, object]:
    """This API's OpenAPI 3.1 document, generated from the handlers' models."""
    return build_openapi(call.app[ENDPOINTS], version=app_version())
