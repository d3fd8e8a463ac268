"""Logs: one JSON object a line when CODEARENA_LOG_FORMAT=json, carrying the request and
submission ids of the work a line belongs to; plain text otherwise."""

from __future__ import annotations

import io
import json
import logging
import urllib.request
from pathlib import Path

from judging.submission_jobs import JUDGING
from realtime.logs import REQUEST, handler_for
from tests.processes import ProcessGroup, base_env


def _logger(fmt: str, stream: io.StringIO) -> logging.Logger:
    logger = logging.getLogger(f"test-logs-{fmt}")
    logger.handlers = [handler_for(fmt, stream)]  # type: ignore[arg-type]
    logger.propagate = False
    logger.setLevel(logging.INFO)
    return logger


def test_json_lines_carry_the_work_ids() -> None:
    out = io.StringIO()
    log = _logger("json", out)
    log.info("outside any work")
    request = REQUEST.set("req-123")
    judging = JUDGING.set(42)
    try:
        log.warning("judging %s", "it")
    finally:
        JUDGING.reset(judging)
        REQUEST.reset(request)
    first, second = (json.loads(line) for line in out.getvalue().splitlines())
    assert first["message"] == "outside any work" and first["level"] == "INFO"
    assert "request_id" not in first and "submission_id" not in first
    assert second["message"] == "judging it" and second["level"] == "WARNING"
    assert second["request_id"] == "req-123" and second["submission_id"] == 42
    assert second["logger"] == "test-logs-json" and second["time"]


def test_text_is_the_default_shape() -> None:
    out = io.StringIO()
    _logger("text", out).info("hello")
    assert out.getvalue().rstrip().endswith("INFO test-logs-text: hello")


def test_serve_logs_json_when_asked(tmp_path: Path) -> None:
    group = ProcessGroup(
        tmp_path,
        base_env(
            CODEARENA_ENV="test",
            DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path}/logs.db",
            CODEARENA_SECRET="logs-secret",
            CODEARENA_LOG_FORMAT="json",
            CODEARENA_LOAD_BANK="false",
        ),
    )
    try:
        web = group.serve("web")
        with urllib.request.urlopen(web.url + "/api/health", timeout=10) as resp:
            assert resp.status == 200
    finally:
        group.stop_all()
    lines = [line for line in web.output().splitlines() if line.startswith("{")]
    assert lines, web.output()
    records = [json.loads(line) for line in lines]
    assert all({"time", "level", "logger", "message"} <= r.keys() for r in records)
