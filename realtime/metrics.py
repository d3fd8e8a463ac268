"""Prometheus metrics (prometheus-client) and the `/metrics` endpoint that serves them.

Metrics are process-wide (the client's default registry), as Prometheus expects: scrape
every web process. Labels take bounded values only: event names the router knows, error
codes, route templates, verdicts.
"""

from __future__ import annotations

from datetime import UTC, datetime

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, Counter, Gauge, Histogram, generate_latest

SOCKETS = Gauge("codearena_sockets_connected", "Signed-in Socket.IO connections")
EVENTS = Counter("codearena_socket_events_total", "Socket.IO events handled", ["event", "outcome"])
HTTP = Counter(
    "codearena_http_requests_total", "REST requests answered", ["method", "route", "status"]
)
VERDICTS = Counter("codearena_verdicts_total", "Judged submissions", ["mode", "verdict"])
JUDGE_SECONDS = Histogram(
    "codearena_judge_seconds",
    "Submission created to result stored",
    ["mode"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 60, 120),
)


def record_event(event: str, known: bool, ack: object) -> None:
    """One acked event: `ok`, or the error code it was refused with."""
    outcome = "ok"
    if isinstance(ack, dict) and ack.get("ok") is False:
        outcome = str((ack.get("error") or {}).get("code", "error"))
    EVENTS.labels(event if known else "unknown", outcome).inc()


def record_judged(mode: str, verdict: str | None, created_at: datetime | None) -> None:
    VERDICTS.labels(mode, verdict or "none").inc()
    if created_at is not None:
        at = created_at if created_at.tzinfo else created_at.replace(tzinfo=UTC)
        JUDGE_SECONDS.labels(mode).observe(max(0.0, (datetime.now(UTC) - at).total_seconds()))


def record_request(request: web.Request, status: int) -> None:
    route = request.match_info.route.resource
    template = route.canonical if route is not None else "unmatched"
    HTTP.labels(request.method, template, str(status)).inc()


async def metrics(request: web.Request) -> web.Response:
    """Prometheus text format; keep it off the public proxy (README, deployment)."""
    body = generate_latest()
    return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})
