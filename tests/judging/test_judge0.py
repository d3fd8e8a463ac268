"""The Judge0 backend against a loopback server that mimics Judge0's documented API.

The fake server really runs the (Python) submissions with the host interpreter, answers
"In Queue" on the first poll of each token, and uses Judge0's status ids and base64
fields, so the client's batching, polling and mapping are exercised end to end.
"""

from __future__ import annotations

import base64
import subprocess
import sys
import uuid
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web

from judging.events import Compiled, Event, Finished, TestFinished
from judging.judge0 import DEFAULT_LANGUAGE_IDS, Judge0Judge, outcome_from_judge0
from judging.request import CheckerSpec, JudgeRequest, TestCase
from judging.verdicts import Verdict
from storage.languages import LANGUAGE_IDS

STATUS = {
    1: "In Queue",
    3: "Accepted",
    5: "Time Limit Exceeded",
    6: "Compilation Error",
    11: "Runtime Error (NZEC)",
}


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode()


def _run(submission: dict[str, Any]) -> dict[str, Any]:
    source = base64.b64decode(submission["source_code"])
    stdin = base64.b64decode(submission.get("stdin") or "")
    try:
        compile(source, "main.py", "exec")
    except SyntaxError as exc:
        return {"status": 6, "compile_output": _b64(str(exc).encode())}
    try:
        proc = subprocess.run(
            [sys.executable, "-S", "-c", source],
            input=stdin,
            capture_output=True,
            timeout=float(submission["cpu_time_limit"]),
            check=False,
        )
    except subprocess.TimeoutExpired:
        return {"status": 5, "time": str(submission["cpu_time_limit"]), "memory": 1000}
    result = {
        "stdout": _b64(proc.stdout) if proc.stdout else None,
        "stderr": _b64(proc.stderr) if proc.stderr else None,
        "exit_code": proc.returncode,
        "time": "0.012",
        "memory": 3100,
    }
    result["status"] = 3 if proc.returncode == 0 else 11
    return result


class FakeJudge0:
    def __init__(self) -> None:
        self.results: dict[str, dict[str, Any]] = {}
        self.polled: set[str] = set()
        self.batches: list[int] = []
        self.tokens_seen: list[str] = []
        self.auth: list[str | None] = []
        self.held: set[str] = set()  # tokens that stay "In Queue" forever

    async def create(self, request: web.Request) -> web.Response:
        assert request.query.get("base64_encoded") == "true"
        self.auth.append(request.headers.get("X-Auth-Token"))
        body = await request.json()
        self.batches.append(len(body["submissions"]))
        if len(body["submissions"]) > 20:
            return web.json_response({"error": "batch too large"}, status=422)
        tokens = []
        for submission in body["submissions"]:
            assert submission["language_id"] == 71
            assert submission["memory_limit"] == 64 * 1024
            token = str(uuid.uuid4())
            if base64.b64decode(submission.get("stdin") or "") == b"hold\n":
                self.held.add(token)
            else:
                self.results[token] = _run(submission)
            tokens.append({"token": token})
        return web.json_response(tokens, status=201)

    async def fetch(self, request: web.Request) -> web.Response:
        assert request.query.get("base64_encoded") == "true"
        out = []
        for token in request.query["tokens"].split(","):
            self.tokens_seen.append(token)
            if token not in self.polled or token in self.held:  # first poll: still queued
                self.polled.add(token)
                out.append({"token": token, "status": {"id": 1, "description": "In Queue"}})
                continue
            item = dict(self.results[token])
            status = item.pop("status")
            out.append(
                {"token": token, "status": {"id": status, "description": STATUS[status]}, **item}
            )
        return web.json_response({"submissions": out})


@pytest.fixture
async def judge0(aiohttp_server: Any) -> AsyncIterator[tuple[Judge0Judge, FakeJudge0]]:
    fake = FakeJudge0()
    app = web.Application()
    app.router.add_post("/submissions/batch", fake.create)
    app.router.add_get("/submissions/batch", fake.fetch)
    server = await aiohttp_server(app)
    client = Judge0Judge(
        str(server.make_url("/")), auth_token="t0ken", poll_interval_s=0.01, timeout_s=20
    )
    yield client, fake
    await client.close()


APLUSB = "a, b = map(int, input().split())\nprint(a + b)\n"
TESTS = [
    TestCase("1", b"1 2\n", b"3\n"),
    TestCase("2", b"5 5\n", b"10\n"),
    TestCase("3", b"100 1\n", b"101\n", hidden=True),
]


def _task(source: str, tests: list[TestCase] = TESTS, **kw: Any) -> JudgeRequest:
    return JudgeRequest("python", source, tests, time_limit_s=1.0, memory_limit_mb=64, **kw)


async def test_accepted_with_events(judge0: tuple[Judge0Judge, FakeJudge0]) -> None:
    client, fake = judge0
    events: list[Event] = []

    async def collect(event: Event) -> None:
        events.append(event)

    result = await client.judge(_task(APLUSB), collect)
    assert result.verdict is Verdict.AC and result.score == 100.0
    assert isinstance(events[0], Compiled) and events[0].ok
    assert [type(e) for e in events[1:]] == [TestFinished] * 3 + [Finished]
    assert fake.auth == ["t0ken"]
    assert result.tests[0].actual == "3\n"
    assert result.tests[2].as_payload() == {
        "index": 2,
        "verdict": "AC",
        "time_ms": 12,
        "memory_kb": 3100,
        "hidden": True,
    }


async def test_wrong_answer_and_first_failure_wins(judge0: tuple[Judge0Judge, FakeJudge0]) -> None:
    client, _ = judge0
    source = "a, b = map(int, input().split())\nprint(a + b if a < 50 else 0)\n"
    result = await client.judge(_task(source))
    assert [t.verdict for t in result.tests] == [Verdict.AC, Verdict.AC, Verdict.WA]
    assert result.verdict is Verdict.WA
    assert result.score == pytest.approx(66.67)
    assert result.tests[2].input is None and result.tests[2].feedback is None


async def test_submit_stops_at_the_first_failure(judge0: tuple[Judge0Judge, FakeJudge0]) -> None:
    client, _ = judge0
    tests = [*TESTS[:1], TestCase("wrong", b"2 2\n", b"5\n"), TestCase("h", b"hold\n", b"")]
    events: list[Event] = []

    async def collect(event: Event) -> None:
        events.append(event)

    task = _task(APLUSB, tests, stop_on_failure=True)
    result = await client.judge(task, collect)
    # Test 3 never finishes on the server; the verdict is known without it.
    assert [t.verdict for t in result.tests] == [Verdict.AC, Verdict.WA, Verdict.SK]
    assert result.verdict is Verdict.WA
    finished = [e.report for e in events if isinstance(e, TestFinished)]
    assert sorted(r.index for r in finished) == [0, 1, 2]


async def test_compilation_error(judge0: tuple[Judge0Judge, FakeJudge0]) -> None:
    client, _ = judge0
    result = await client.judge(_task("print(("))
    assert result.verdict is Verdict.CE
    assert result.compile_message


async def test_runtime_error_and_tle(judge0: tuple[Judge0Judge, FakeJudge0]) -> None:
    client, _ = judge0
    crash = await client.judge(_task("raise SystemExit(7)"))
    assert crash.verdict is Verdict.RE and crash.tests[0].exit_code == 7
    slow = await client.judge(_task("while True: pass", TESTS[:1]))
    assert slow.verdict is Verdict.TLE


async def test_run_mode_and_float_checker(judge0: tuple[Judge0Judge, FakeJudge0]) -> None:
    client, fake = judge0
    tests = [TestCase("1", b"", b"0.3333333\n"), TestCase("h", b"", b"1\n", hidden=True)]
    task = _task("print(1/3)", tests, checker=CheckerSpec("float", {"abs_tol": 1e-6}), mode="run")
    result = await client.judge(task)
    assert result.verdict is Verdict.AC and len(result.tests) == 1
    assert fake.batches[-1] == 1  # the hidden test was never sent


async def test_large_submission_is_batched(judge0: tuple[Judge0Judge, FakeJudge0]) -> None:
    client, fake = judge0
    tests = [TestCase(str(i), f"{i} {i}\n".encode(), f"{2 * i}\n".encode()) for i in range(25)]
    result = await client.judge(_task(APLUSB, tests))
    assert result.verdict is Verdict.AC and len(result.tests) == 25
    assert fake.batches == [20, 5]


async def test_unreachable_server_is_internal_error() -> None:
    client = Judge0Judge("http://127.0.0.1:9", poll_interval_s=0.01, timeout_s=2)
    try:
        result = await client.judge(_task(APLUSB))
    finally:
        await client.close()
    assert result.verdict is Verdict.IE
    assert result.error and "127.0.0.1" not in result.error


def test_every_language_has_a_default_judge0_id() -> None:
    assert set(DEFAULT_LANGUAGE_IDS) == set(LANGUAGE_IDS)


def test_status_mapping() -> None:
    base = {"time": "0.5", "memory": 2048, "stdout": None, "stderr": None}
    segv = outcome_from_judge0({**base, "status": {"id": 7}, "exit_code": None}, 64)
    assert segv.signal == "SIGSEGV" and segv.exit_code is None
    fsize = outcome_from_judge0({**base, "status": {"id": 8}}, 64)
    assert fsize.output_exceeded
    tle = outcome_from_judge0({**base, "status": {"id": 5}}, 64)
    assert tle.timed_out and tle.cpu_ms == 500
    mle = outcome_from_judge0({**base, "status": {"id": 12}, "memory": 65536}, 64)
    assert mle.memory_exceeded
    nzec = outcome_from_judge0({**base, "status": {"id": 11}, "exit_code": 0}, 64)
    assert nzec.exit_code != 0
