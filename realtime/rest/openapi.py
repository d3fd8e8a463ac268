"""OpenAPI 3.1 generated from the endpoint table's pydantic models."""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from realtime.rest.endpoints import Endpoint

_PATH_PARAM = re.compile(r"{(\w+)(?::[^}]*)?}")
_STATUS_TEXT = {
    400: "Bad request (invalid JSON)",
    401: "Not authenticated",
    403: "Not allowed",
    404: "Not found",
    409: "Conflict",
    413: "Body too large",
    422: "Validation error",
    429: "Rate limited",
}


class ErrorDetail(BaseModel):
    code: str
    message: str
    details: Any = None


class ErrorResponse(BaseModel):
    error: ErrorDetail


def build_openapi(endpoints: list[Endpoint], *, version: str) -> dict[str, Any]:
    models: set[type[BaseModel]] = {ErrorResponse}
    for ep in endpoints:
        models.update(m for m in (ep.body, ep.response) if m is not None)
    refs, schemas = models_json_schema(
        [(m, "validation") for m in sorted(models, key=lambda m: (m.__name__, m.__module__))],
        ref_template="#/components/schemas/{model}",
    )
    components: dict[str, Any] = schemas.get("$defs", {})

    def ref(model: type[BaseModel]) -> dict[str, str]:
        # pydantic names two models of one name apart by module; its ref map knows which.
        return {"$ref": refs[(model, "validation")]["$ref"]}

    paths: dict[str, dict[str, Any]] = {}
    for ep in endpoints:
        path = _PATH_PARAM.sub(r"{\1}", ep.path)
        params: list[dict[str, Any]] = [
            {"name": name, "in": "path", "required": True, "schema": {"type": "string"}}
            for name in _PATH_PARAM.findall(ep.path)
        ]
        if ep.query is not None:
            query_schema = ep.query.model_json_schema()
            required = set(query_schema.get("required", []))
            for name, prop in query_schema.get("properties", {}).items():
                params.append(
                    {"name": name, "in": "query", "required": name in required, "schema": prop}
                )
        responses: dict[str, Any] = {
            str(status): {
                "description": "Success",
                **(
                    {"content": {"application/json": {"schema": ref(ep.response)}}}
                    if ep.response
                    else {}
                ),
            }
            for status in sorted({ep.status, *ep.also})
        }
        error_statuses = set(ep.errors) | {422}
        if ep.auth == "user":
            error_statuses |= {401}
        if ep.roles:
            error_statuses |= {403}
        if ep.body:
            error_statuses |= {400, 413}
        for status in sorted(error_statuses):
            responses[str(status)] = {
                "description": _STATUS_TEXT.get(status, "Error"),
                "content": {"application/json": {"schema": ref(ErrorResponse)}},
            }
        operation: dict[str, Any] = {
            "summary": ep.summary,
            "operationId": ep.handler.__name__,
            "tags": list(ep.tags),
            "parameters": params,
            "responses": responses,
        }
        if ep.body is not None:
            operation["requestBody"] = {
                "required": True,
                "content": {"application/json": {"schema": ref(ep.body)}},
            }
        if ep.auth == "user":
            operation["security"] = [{"bearerAuth": []}]
        elif ep.auth == "optional":
            operation["security"] = [{}, {"bearerAuth": []}]
        paths.setdefault(path, {})[ep.method.lower()] = operation

    return {
        "openapi": "3.1.0",
        "info": {
            "title": "CodeArena API",
            "version": version,
            "description": 'Every error is `{"error": {code, message, details?}}`. A method '
            "not listed for a path answers 405 `method_not_allowed` with an `Allow` header "
            "naming the listed ones; bodies are validated strictly (`218.0` is an integer, "
            "`false` is not).",
        },
        "paths": paths,
        "components": {
            "schemas": components,
            "securitySchemes": {
                "bearerAuth": {"type": "http", "scheme": "bearer", "bearerFormat": "JWT"}
            },
        },
    }
