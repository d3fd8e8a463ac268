"""Liveness/readiness and the OpenAPI document."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from aiohttp import web
from pydantic import BaseModel

from realtime.keys import DATABASE, ENDPOINTS, HEALTH_PROBES
from realtime.rest.endpoints import Call, EndpointTable
from realtime.rest.openapi import build_openapi

routes = EndpointTable()


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


@routes.get("/api/openapi.json", auth="none", tags=("system",))
async def openapi(call: Call) -> dict[str, object]:
    """This API's OpenAPI 3.1 document, generated from the handlers' models."""
    return build_openapi(call.app[ENDPOINTS], version=app_version())
