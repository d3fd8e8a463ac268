"""Optional remote backend: judge on a Judge0 server instead of the local sandbox.

Speaks Judge0's documented API (https://ce.judge0.com): one submission per test is
created with POST /submissions/batch?base64_encoded=true, then polled with
GET /submissions/batch?tokens=...; Judge0 status ids map onto our RunOutcome, and each
finished run goes through the same grader as the local judge's (no expected_output is
sent), so verdicts mean the same and the result has the same shape (JudgeResult, events).
Custom checker programs need the local sandbox and are not supported here (IE).
A submit that stops on failure stops polling once the lowest failed test is known
(tests below it all reported) and reports every test above it as skipped (SK);
Judge0 cannot cancel them, so they still run on the server.
"""

from __future__ import annotations

import asyncio
import base64
import logging
import signal as signals
import time
from collections.abc import Collection, Mapping, Sequence
from typing import Any

import httpx

from judging.backend import INTERNAL_ERROR, EventCallback, JudgeBackend
from judging.checkers import Checker, bind_checker
from judging.errors import CheckerConfigError, JudgingError
from judging.events import Compiled, TestFinished
from judging.grader import grade, internal_error_report
from judging.languages import LANGUAGES, Language, LanguageStatus
from judging.outcome import RunOutcome
from judging.report_order import ReportOrder
from judging.request import JudgeRequest, TestCase
from judging.results import JudgeResult, TestReport, trim_text
from judging.verdicts import Verdict
from storage.languages import LanguageId

log = logging.getLogger(__name__)

# Judge0 CE language ids; override per deployment (GET /languages lists a server's).
DEFAULT_LANGUAGE_IDS: dict[LanguageId, int] = {
    "python": 71,  # Python (3.8.1)
    "javascript": 63,  # JavaScript (Node.js 12.14.0)
    "c": 50,  # C (GCC 9.2.0)
    "cpp": 54,  # C++ (GCC 9.2.0)
    "java": 62,  # Java (OpenJDK 13.0.1)
}

IN_QUEUE, PROCESSING, ACCEPTED, WRONG_ANSWER, TIME_LIMIT, COMPILATION_ERROR = 1, 2, 3, 4, 5, 6
# Runtime errors by status id, with the signal Judge0 names in the description.
RUNTIME_SIGNALS: dict[int, str | None] = {
    7: "SIGSEGV",
    8: "SIGXFSZ",
    9: "SIGFPE",
    10: "SIGABRT",
    11: None,  # NZEC: non-zero exit code
    12: None,  # other
}
INTERNAL = {13, 14}  # internal error, exec format error
BATCH_SIZE = 20  # Judge0's default MAX_SUBMISSION_BATCH_SIZE
FIELDS = "token,status,stdout,stderr,compile_output,message,time,memory,exit_code,exit_signal"


def _b64(data: bytes | str) -> str:
    raw = data.encode() if isinstance(data, str) else data
    return base64.b64encode(raw).decode("ascii")


def _unb64(value: str | None) -> bytes:
    return base64.b64decode(value) if value else b""


def outcome_from_judge0(item: Mapping[str, Any], memory_limit_mb: int) -> RunOutcome:
    """A Judge0 submission result as our RunOutcome (status ids 3..12)."""
    status = int(item["status"]["id"])
    cpu_ms = round(float(item.get("time") or 0) * 1000)
    memory_kb = int(item.get("memory") or 0)
    sig = RUNTIME_SIGNALS.get(status)
    exit_signal = item.get("exit_signal")
    if sig is None and exit_signal:
        try:
            sig = signals.Signals(int(exit_signal)).name
        except ValueError:
            sig = f"SIG{exit_signal}"
    exit_code = item.get("exit_code")
    if status in RUNTIME_SIGNALS and exit_code in (None, 0) and sig is None:
        exit_code = 1  # a runtime error with no code: never mistake it for a clean exit
    return RunOutcome(
        exit_code=None if sig else (0 if exit_code is None else int(exit_code)),
        signal=sig,
        cpu_ms=cpu_ms,
        wall_ms=cpu_ms,
        memory_kb=memory_kb,
        stdout=_unb64(item.get("stdout")),
        stderr=_unb64(item.get("stderr")),
        timed_out=status == TIME_LIMIT,
        output_exceeded=status == 8,
        # Judge0 has no MLE status: a crash at the limit is the best evidence there is.
        memory_exceeded=status in RUNTIME_SIGNALS and memory_kb >= memory_limit_mb * 1024,
    )


class Judge0Judge(JudgeBackend):
    """Judges submissions on a Judge0 server: the remote backend of `JudgeBackend`.

    base_url: the Judge0 server, e.g. "https://judge0.example.com".
    auth_token: sent as X-Auth-Token when the server requires it.
    language_ids: our language id -> Judge0 language_id (default: Judge0 CE ids).
    poll_interval_s: delay between polls. timeout_s: give up (IE) after this long.
    client: an httpx.AsyncClient to use (default: one of our own, closed by close()).
    """

    def __init__(
        self,
        base_url: str,
        *,
        auth_token: str | None = None,
        language_ids: Mapping[str, int] = DEFAULT_LANGUAGE_IDS,
        poll_interval_s: float = 0.5,
        timeout_s: float = 120.0,
        client: httpx.AsyncClient | None = None,
    ) -> None:
        headers = {"X-Auth-Token": auth_token} if auth_token else {}
        self._own_client = client is None
        self.client = client or httpx.AsyncClient(base_url=base_url, headers=headers, timeout=30)
        self.language_ids: dict[str, int] = dict(language_ids)
        self.poll_interval_s = poll_interval_s
        self.timeout_s = timeout_s

    async def start(self) -> None:
        """Nothing to prepare: the server is only reached when judging."""

    async def close(self) -> None:
        if self._own_client:
            await self.client.aclose()

    async def available_languages(self) -> dict[str, LanguageStatus]:
        """Our languages that have a Judge0 id (the server itself is not probed)."""
        statuses = {}
        for lang in LANGUAGES.values():
            judge0_id = self.language_ids.get(lang.id)
            statuses[lang.id] = LanguageStatus(
                lang.id,
                lang.name,
                judge0_id is not None,
                f"Judge0 language {judge0_id}" if judge0_id is not None else None,
                None if judge0_id is not None else "no Judge0 language id configured",
            )
        return statuses

    async def _judge(
        self, request: JudgeRequest, language: Language, emit: EventCallback
    ) -> JudgeResult:
        language_id = self.language_ids.get(request.language)
        if language_id is None:
            raise JudgingError(f"no Judge0 language id for {request.language!r}")
        try:
            checker = bind_checker(request.checker.kind, request.checker.options)
        except CheckerConfigError:
            log.exception("misconfigured checker for Judge0")
            return JudgeResult(Verdict.IE, 0.0, 0, 0, error=INTERNAL_ERROR)
        tests = request.selected_tests()
        tokens = await self._submit(request, language_id, tests)
        return await self._collect(request, language, tests, tokens, checker, emit)

    async def _submit(
        self, request: JudgeRequest, language_id: int, tests: Sequence[TestCase]
    ) -> list[str]:
        tokens: list[str] = []
        for start in range(0, len(tests), BATCH_SIZE):
            batch = [
                {
                    "language_id": language_id,
                    "source_code": _b64(request.source),
                    "stdin": _b64(test.input),
                    "cpu_time_limit": request.time_limit_s,
                    "wall_time_limit": request.time_limit_s * 2 + 1,
                    "memory_limit": request.memory_limit_mb * 1024,
                }
                for test in tests[start : start + BATCH_SIZE]
            ]
            response = await self.client.post(
                "/submissions/batch",
                params={"base64_encoded": "true"},
                json={"submissions": batch},
            )
            response.raise_for_status()
            for item in response.json():
                if "token" not in item:
                    raise JudgingError(f"Judge0 rejected a submission: {item}")
                tokens.append(item["token"])
        return tokens

    async def _collect(
        self,
        request: JudgeRequest,
        language: Language,
        tests: Sequence[TestCase],
        tokens: list[str],
        checker: Checker,
        emit: EventCallback,
    ) -> JudgeResult:
        order = ReportOrder(tests, request.stops_early)
        reported: set[int] = set()
        compiled = False
        deadline = time.monotonic() + self.timeout_s
        while len(reported) < len(tests):
            if time.monotonic() > deadline:
                raise JudgingError("Judge0 did not finish in time")
            for index, item in await self._poll(tokens, reported):
                status = int(item["status"]["id"])
                if status == COMPILATION_ERROR:
                    message = trim_text(_unb64(item.get("compile_output")), 8192).strip()
                    await emit(Compiled(False, message, 0))
                    return JudgeResult(Verdict.CE, 0.0, 0, 0, compile_message=message)
                if not compiled:
                    compiled = True
                    await emit(Compiled(True, "", 0))
                report = await self._report(request, language, index, tests[index], item, checker)
                reported.add(index)
                for ready in order.add(report):
                    await emit(TestFinished(ready.redacted(), len(tests)))
            if order.settled:
                break  # the rest run on the server still; nobody waits for them
            if len(reported) < len(tests):
                await asyncio.sleep(self.poll_interval_s)
        reports, skipped = order.finish()
        for report in skipped:
            await emit(TestFinished(report.redacted(), len(tests)))
        return JudgeResult.from_reports(reports)

    async def _poll(
        self, tokens: list[str], done: Collection[int]
    ) -> list[tuple[int, Mapping[str, Any]]]:
        """Finished submissions not reported yet, as (test index, item)."""
        waiting = [i for i in range(len(tokens)) if i not in done]
        finished = []
        for start in range(0, len(waiting), BATCH_SIZE):
            chunk = waiting[start : start + BATCH_SIZE]
            response = await self.client.get(
                "/submissions/batch",
                params={
                    "tokens": ",".join(tokens[i] for i in chunk),
                    "base64_encoded": "true",
                    "fields": FIELDS,
                },
            )
            response.raise_for_status()
            for index, item in zip(chunk, response.json()["submissions"], strict=True):
                if int(item["status"]["id"]) not in (IN_QUEUE, PROCESSING):
                    finished.append((index, item))
        return finished

    async def _report(
        self,
        request: JudgeRequest,
        language: Language,
        index: int,
        test: TestCase,
        item: Mapping[str, Any],
        checker: Checker,
    ) -> TestReport:
        status = int(item["status"]["id"])
        if status in INTERNAL or status not in (
            ACCEPTED,
            WRONG_ANSWER,
            TIME_LIMIT,
            *RUNTIME_SIGNALS,
        ):
            log.error("Judge0 internal status %s: %s", status, item.get("message"))
            return internal_error_report(index, test)
        outcome = outcome_from_judge0(item, request.memory_limit_mb)
        return await grade(index, test, outcome, checker, memory_errors=language.memory_errors)
