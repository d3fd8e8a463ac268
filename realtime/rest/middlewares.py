"""Request ids and the one place that turns every failure into the JSON error envelope."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Awaitable, Callable

from aiohttp import web
from pydantic import ValidationError

from realtime.logs import REQUEST
from realtime.metrics import record_request
from realtime.rest.errors import ApiError, validation_details
from storage.errors import Conflict, NotFound
from storage.outages import database_unavailable, storage_full

log = logging.getLogger(__name__)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
REQUEST_ID = web.RequestKey("request_id", str)

_HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "rate_limited",
}


def _json_error(
    status: int, code: str, message: str, request_id: str, details: object = None
) -> web.Response:
    error: dict[str, object] = {"code": code, "message": message}
    if details is not None:
        error["details"] = details
    response = web.json_response({"error": error}, status=status)
    response.headers["X-Request-Id"] = request_id
    return response


@web.middleware
async def error_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    request_id = request.headers.get("X-Request-Id", "")[:64] or uuid.uuid4().hex
    request[REQUEST_ID] = request_id
    token = REQUEST.set(request_id)
    try:
        return await _answer(request, handler, request_id)
    finally:
        REQUEST.reset(token)  # keep-alive requests may share a task


async def _answer(request: web.Request, handler: Handler, request_id: str) -> web.StreamResponse:
    try:
        response = await handler(request)
    except ApiError as exc:
        response = web.json_response(exc.body(), status=exc.status, headers=exc.headers)
    except NotFound as exc:
        response = _json_error(404, "not_found", exc.message, request_id)
    except Conflict as exc:
        response = _json_error(409, "conflict", exc.message, request_id)
    except ValidationError as exc:
        response = _json_error(
            422, "validation_error", "invalid input", request_id, validation_details(exc.errors())
        )
    except web.HTTPException as exc:
        if exc.status < 400:
            raise
        message = exc.reason if exc.status != 413 else "request body too large"
        response = _json_error(
            exc.status, _HTTP_CODES.get(exc.status, "http_error"), message, request_id
        )
        for name in ("Allow", "Retry-After"):
            if name in exc.headers:
                response.headers[name] = exc.headers[name]
    except Exception as exc:
        if storage_full(exc):
            log.error(
                "storage full in %s %s [request %s]", request.method, request.path, request_id
            )
            response = _json_error(
                507,
                "storage_full",
                "the server is out of disk space; nothing was saved",
                request_id,
            )
        elif database_unavailable(exc):
            log.warning(
                "database unavailable in %s %s [request %s]: %s",
                request.method,
                request.path,
                request_id,
                exc,
            )
            response = _json_error(
                503,
                "database_unavailable",
                "the database is unavailable; try again in a few seconds",
                request_id,
            )
            response.headers["Retry-After"] = "5"
        else:
            log.exception(
                "unhandled error in %s %s [request %s]", request.method, request.path, request_id
            )
            response = _json_error(
                500, "internal_error", f"internal error (request id {request_id})", request_id
            )
    response.headers.setdefault("X-Request-Id", request_id)
    record_request(request, response.status)
    return response
