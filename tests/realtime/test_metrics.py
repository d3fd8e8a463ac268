"""`/metrics` in Prometheus' text format, with figures that move when the service works:
signed-in sockets, events by outcome, REST requests by route template, verdicts and the
judge's latency. Metrics are process-wide, so the test compares before and after."""

from __future__ import annotations

import asyncio

from prometheus_client.parser import text_string_to_metric_families

from tests.rest.test_submissions_api import GOOD, submit


async def scrape(http) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    resp = await http.get("/metrics")
    assert resp.status == 200
    assert resp.headers["Content-Type"].startswith("text/plain")
    samples = {}
    for family in text_string_to_metric_families(await resp.text()):
        for s in family.samples:
            samples[(s.name, tuple(sorted(s.labels.items())))] = s.value
    return samples


def value(samples, name: str, **labels: str) -> float:
    return samples.get((name, tuple(sorted(labels.items()))), 0.0)


async def test_metrics_follow_sockets_events_requests_and_verdicts(
    http, connect, make_account_on, aplusb
) -> None:
    me = await make_account_on()
    before = await scrape(http)

    sock = await connect(me.token)
    ok = await sock.call("system:ping", {}, timeout=10)
    unknown = await sock.call("no:such:event", {}, timeout=10)
    assert unknown["ok"] is False
    await submit(http, me, problem=aplusb, language="python", code=GOOD)
    assert (await http.get("/api/problems/no-such-problem")).status == 404

    after = await scrape(http)

    def grew(name: str, **labels: str) -> float:
        return value(after, name, **labels) - value(before, name, **labels)

    assert grew("codearena_sockets_connected") == 1
    outcome = "ok" if ok.get("ok") else ok["error"]["code"]
    assert grew("codearena_socket_events_total", event="system:ping", outcome=outcome) == 1
    assert grew("codearena_socket_events_total", event="unknown", outcome="unknown_event") == 1
    route = {"method": "GET", "route": "/api/problems/{slug}", "status": "404"}
    assert grew("codearena_http_requests_total", **route) == 1
    assert grew("codearena_verdicts_total", mode="submit", verdict="AC") == 1
    assert grew("codearena_judge_seconds_count", mode="submit") == 1

    await sock.disconnect()
    connected = value(before, "codearena_sockets_connected")
    for _ in range(100):
        if value(await scrape(http), "codearena_sockets_connected") == connected:
            break
        await asyncio.sleep(0.05)
    assert value(await scrape(http), "codearena_sockets_connected") == connected
