"""A route table whose entries carry their pydantic models.

The same metadata validates requests, serialises responses and generates the
OpenAPI document, so the published schema cannot drift from the handlers.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from aiohttp import web
from pydantic import BaseModel, ValidationError

from realtime.rest.errors import (
    BadRequest,
    Forbidden,
    NotFoundError,
    ValidationFailed,
    validation_details,
)

AuthMode = Literal["none", "optional", "user"]


@dataclass
class Call:
    """What a handler gets: the request plus its validated parts."""

    request: web.Request
    path: dict[str, str]
    body: Any = None
    query: Any = None
    user: Any = None  # storage.models.User when authenticated

    @property
    def app(self) -> web.Application:
        return self.request.app

    def path_id(self, name: str, what: str) -> int:
        """A numeric path parameter; anything else is simply 'not found'."""
        raw = self.path.get(name, "")
        if not raw.isdigit() or len(raw) > 12:
            raise NotFoundError(f"{what} not found", code=f"{what}_not_found")
        return int(raw)


Handler = Callable[[Call], Awaitable[Any]]


@dataclass
class Endpoint:
    method: str
    path: str
    handler: Handler
    summary: str
    tags: tuple[str, ...]
    body: type[BaseModel] | None = None
    query: type[BaseModel] | None = None
    response: type[BaseModel] | None = None
    status: int = 200
    also: tuple[int, ...] = ()  # other success statuses with the same body (e.g. 200 vs 202)
    auth: AuthMode = "user"
    roles: tuple[str, ...] = ()
    errors: tuple[int, ...] = field(default_factory=tuple)


Authenticator = Callable[[web.Request, bool], Awaitable[Any]]


def _dump(value: Any) -> Any:
    if isinstance(value, BaseModel):
        return value.model_dump(mode="json")
    return value


class EndpointTable:
    """Collects endpoints from the resource modules; `install` adds them to an app."""

    def __init__(self) -> None:
        self.endpoints: list[Endpoint] = []

    def route(self, method: str, path: str, **meta: Any) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            summary = meta.pop("summary", None) or (handler.__doc__ or "").strip().split("\n")[0]
            self.endpoints.append(
                Endpoint(method=method, path=path, handler=handler, summary=summary, **meta)
            )
            return handler

        return register

    def get(self, path: str, **meta: Any) -> Callable[[Handler], Handler]:
        return self.route("GET", path, **meta)

    def post(self, path: str, **meta: Any) -> Callable[[Handler], Handler]:
        return self.route("POST", path, **meta)

    def put(self, path: str, **meta: Any) -> Callable[[Handler], Handler]:
        return self.route("PUT", path, **meta)

    def delete(self, path: str, **meta: Any) -> Callable[[Handler], Handler]:
        return self.route("DELETE", path, **meta)

    def install(self, app: web.Application, authenticate: Authenticator) -> None:
        for endpoint in self.endpoints:
            app.router.add_route(endpoint.method, endpoint.path, _wrap(endpoint, authenticate))


def _integral(text: str) -> float | int:
    """JSON Schema counts 218.0 as an integer, so such numbers reach pydantic as ints."""
    value = float(text)
    return int(value) if value.is_integer() else value


async def _parse_body(request: web.Request, model: type[BaseModel]) -> BaseModel:
    """Validate a JSON object strictly: `false` is no integer and `"3"` no number.

    The body is decoded once to refuse what is not a JSON object (and numbers
    like 218.0 become ints), then validated in pydantic's strict JSON mode,
    which still reads enums and datetimes from their JSON strings.
    """
    raw = await request.read()  # aiohttp enforces client_max_size here (413)
    if not raw.strip():
        raise BadRequest("request body must be a JSON object", code="invalid_json")
    try:
        data = json.loads(raw, parse_float=_integral)
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BadRequest(f"request body is not valid JSON: {exc}", code="invalid_json") from exc
    except RecursionError as exc:  # the C decoder recurses once per nesting level
        raise BadRequest("request body is nested too deeply", code="invalid_json") from exc
    if not isinstance(data, dict):
        raise BadRequest("request body must be a JSON object", code="invalid_json")
    try:
        return model.model_validate_json(json.dumps(data), strict=True)
    except ValidationError as exc:
        raise ValidationFailed(
            "invalid request body", details=validation_details(exc.errors())
        ) from exc


def _parse_query(request: web.Request, model: type[BaseModel] | None) -> BaseModel | None:
    params = {key: request.query.getall(key)[-1] for key in request.query}
    if model is None:
        if params:
            raise ValidationFailed(
                "this endpoint takes no query parameters",
                details=[{"loc": ["query", k], "msg": "unknown parameter"} for k in params],
            )
        return None
    try:
        return model.model_validate(params)
    except ValidationError as exc:
        raise ValidationFailed(
            "invalid query parameters",
            details=[{**d, "loc": ["query", *d["loc"]]} for d in validation_details(exc.errors())],
        ) from exc


def _wrap(
    endpoint: Endpoint, authenticate: Authenticator
) -> Callable[[web.Request], Awaitable[web.StreamResponse]]:
    async def handle(request: web.Request) -> web.StreamResponse:
        user = None
        if endpoint.auth != "none":
            user = await authenticate(request, endpoint.auth == "user")
            if endpoint.roles and (user is None or user.role not in endpoint.roles):
                raise Forbidden("your role may not do this")
        query = _parse_query(request, endpoint.query)
        body = await _parse_body(request, endpoint.body) if endpoint.body else None
        call = Call(request, dict(request.match_info), body=body, query=query, user=user)
        result = await endpoint.handler(call)
        if isinstance(result, web.StreamResponse):
            return result
        if result is None:
            return web.Response(status=204)
        return web.json_response(
            _dump(result), status=endpoint.status, dumps=lambda o: json.dumps(o, default=str)
        )

    handle.__name__ = endpoint.handler.__name__
    return handle
