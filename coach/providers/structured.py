"""Reading a model's JSON answer into a pydantic model, with an error a model can act on."""

from __future__ import annotations

import json
import re
from typing import TypeVar

from pydantic import BaseModel, ValidationError

T = TypeVar("T", bound=BaseModel)

_FENCE = re.compile(r"```(?:json)?\s*\n(.*?)```", re.S | re.I)
MAX_ERRORS = 6


class InvalidJson(ValueError):
    """The text is not the JSON object asked for; `summary` says why, briefly."""

    def __init__(self, summary: str) -> None:
        super().__init__(summary)
        self.summary = summary


def json_text(text: str) -> str:
    """The JSON object inside a reply: fenced block first, else outermost braces."""
    fenced = _FENCE.search(text)
    if fenced:
        text = fenced.group(1)
    start, end = text.find("{"), text.rfind("}")
    if start < 0 or end <= start:
        raise InvalidJson("the reply contains no JSON object")
    return text[start : end + 1]


def parse_json(text: str, schema: type[T]) -> T:
    """Validate a model's reply against `schema`; raises InvalidJson with a short reason."""
    try:
        data = json.loads(json_text(text))
    except json.JSONDecodeError as exc:
        raise InvalidJson(
            f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}"
        ) from None
    if not isinstance(data, dict):
        raise InvalidJson("the JSON value must be an object")
    try:
        return schema.model_validate(data)
    except ValidationError as exc:
        problems = [
            f"{'.'.join(str(p) for p in err['loc']) or '(root)'}: {err['msg']}"
            for err in exc.errors()[:MAX_ERRORS]
        ]
        more = exc.error_count() - len(problems)
        suffix = f" (and {more} more)" if more > 0 else ""
        raise InvalidJson("schema violations: " + "; ".join(problems) + suffix) from None


def schema_text(schema: type[BaseModel]) -> str:
    """The JSON schema of `schema`, compact, for a system prompt."""
    return json.dumps(schema.model_json_schema(), separators=(",", ":"))
