"""Process logging: plain text for a terminal, or one JSON object a line
(python-json-logger) for a log pipeline, with the request and submission ids of the
work a line belongs to."""

from __future__ import annotations

import logging
import sys
from contextvars import ContextVar
from typing import Literal, TextIO

from pythonjsonlogger.json import JsonFormatter

from judging.submission_jobs import JUDGING

REQUEST: ContextVar[str | None] = ContextVar("request_id", default=None)
"""The REST request being answered (set by the error middleware)."""

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
LogFormat = Literal["text", "json"]


class WorkIds(logging.Filter):
    """Adds `request_id` / `submission_id` to a record when the task has one."""

    def filter(self, record: logging.LogRecord) -> bool:
        request_id = REQUEST.get()
        if request_id is not None:
            record.request_id = request_id
        submission_id = JUDGING.get()
        if submission_id is not None:
            record.submission_id = submission_id
        return True


def handler_for(fmt: LogFormat, stream: TextIO | None = None) -> logging.Handler:
    """A stderr handler (or `stream`'s) in `fmt` that carries the work ids."""
    handler = logging.StreamHandler(stream or sys.stderr)
    handler.addFilter(WorkIds())
    if fmt == "json":
        handler.setFormatter(
            JsonFormatter(
                "%(asctime)s %(levelname)s %(name)s %(message)s",
                rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
            )
        )
    else:
        handler.setFormatter(logging.Formatter(TEXT_FORMAT))
    return handler


def configure(level: str, fmt: LogFormat = "text") -> None:
    logging.basicConfig(level=level.upper(), handlers=[handler_for(fmt)], force=True)
