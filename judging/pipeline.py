"""The local judge: compile once, run tests concurrently, grade, report as it goes.

`Judge`, the sandbox backend of `JudgeBackend`, owns the sandbox and one semaphore sized
to the cores, shared by every submission it judges, so several submissions never
oversubscribe the machine. Each submission feeds at most that many runs into the
semaphore at a time, so a 100-test submission cannot queue ahead of everyone else.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import os
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from judging.backend import INTERNAL_ERROR, EventCallback, JudgeBackend
from judging.checkers import Checker, bind_checker
from judging.errors import CheckerConfigError, JudgingError, SandboxUnavailable, UnknownLanguage
from judging.events import Compiled, Event, TestFinished
from judging.grader import grade, internal_error_report
from judging.languages import (
    Language,
    LanguageStatus,
    available_languages,
    get_language,
    unavailable_everywhere,
)
from judging.programs import Program
from judging.report_order import ReportOrder
from judging.request import CheckerSpec, JudgeRequest, TestCase
from judging.results import JudgeResult, TestReport
from judging.sandbox import Sandbox
from judging.verdicts import Verdict

log = logging.getLogger(__name__)

CHECKER_CACHE_SIZE = 16


class Judge(JudgeBackend):
    """Judges submissions in a sandbox, `concurrency` runs at a time.

    sandbox: the Sandbox to use (default: a new one with default policy).
    concurrency: runs at once across all submissions (default: CPU count).
    allow_unsandboxed: development only, passed to the default Sandbox: run without
        bwrap when it is unavailable (logs a loud warning on every run).
    """

    def __init__(
        self,
        sandbox: Sandbox | None = None,
        *,
        concurrency: int | None = None,
        allow_unsandboxed: bool = False,
    ) -> None:
        self.sandbox = sandbox or Sandbox(allow_unsandboxed=allow_unsandboxed)
        self.concurrency = concurrency or os.cpu_count() or 1
        self._slots = asyncio.Semaphore(self.concurrency)
        self._checkers: OrderedDict[str, asyncio.Task[Program]] = OrderedDict()
        self._checker_spaces = contextlib.AsyncExitStack()

    async def start(self) -> None:
        """Start the sandbox; without one (no bubblewrap, say) the judge is unavailable."""
        if self.unavailable is not None:
            return
        try:
            await self.sandbox.start()
        except SandboxUnavailable as exc:  # the caller says so once, in its own words
            self.unavailable = str(exc)

    async def close(self) -> None:
        for task in self._checkers.values():
            task.cancel()
        self._checkers.clear()
        await self._checker_spaces.aclose()
        await self.sandbox.close()

    async def available_languages(self) -> dict[str, LanguageStatus]:
        """Every registered language with its availability here (probed once, cached)."""
        await self.start()
        if self.unavailable is not None:
            return unavailable_everywhere(self.unavailable)
        return await available_languages(self.sandbox)

    async def _judge(
        self, request: JudgeRequest, language: Language, emit: EventCallback
    ) -> JudgeResult:
        tests = request.selected_tests()
        try:
            checker = await self._bind_checker(request.checker)
        except CheckerConfigError:
            log.exception("misconfigured checker %r", request.checker.kind)
            return JudgeResult(Verdict.IE, 0.0, 0, 0, error=INTERNAL_ERROR)
        async with self.sandbox.workspace() as workspace:
            program = Program.prepare(self.sandbox, language, request.source, workspace)
            if program.needs_compile_first:
                async with self._slots:
                    program = await program.compile()
                await emit(Compiled(program.ok, program.message, program.compile_ms))
                if not program.ok:
                    return JudgeResult(Verdict.CE, 0.0, 0, 0, compile_message=program.message)
                reports = await self._run_tests(program, request, tests, checker, emit)
            else:
                checked = await self._check_while_testing(program, request, tests, checker, emit)
                if isinstance(checked, Program):
                    return JudgeResult(Verdict.CE, 0.0, 0, 0, compile_message=checked.message)
                reports = checked
        return JudgeResult.from_reports(reports)

    async def _check_while_testing(
        self,
        program: Program,
        request: JudgeRequest,
        tests: Sequence[TestCase],
        checker: Checker,
        emit: EventCallback,
    ) -> list[TestReport] | Program:
        """Syntax-check an interpreted program while its first tests already run.

        Test events wait until the check passes, so the caller still sees compiled
        first; on a syntax error the tests are cancelled and the failed Program returned.
        The check is queued first, so it takes the first free core. Events of a failed
        check are dropped rather than held: a test whose cancel got lost must not wait
        for a check that will never pass.
        """
        passed: asyncio.Future[bool] = asyncio.get_running_loop().create_future()

        async def after_check(event: Event) -> None:
            if await passed:
                await emit(event)

        async def check() -> Program:
            async with self._slots:
                return await program.compile()

        checking = asyncio.ensure_future(check())
        testing = asyncio.ensure_future(
            self._run_tests(program, request, tests, checker, after_check)
        )
        try:
            checked = await checking
        except BaseException:
            passed.set_result(False)
            await _cancel_and_wait(testing)
            raise
        await emit(Compiled(checked.ok, checked.message, checked.compile_ms))
        passed.set_result(checked.ok)
        if not checked.ok:
            await _cancel_and_wait(testing)
            return checked
        return await testing

    async def _run_tests(
        self,
        program: Program,
        request: JudgeRequest,
        tests: Sequence[TestCase],
        checker: Checker,
        emit: EventCallback,
    ) -> list[TestReport]:
        """Run every test, `concurrency` at a time, emitting each as it finishes.

        With `request.stops_early` (a submit asked to stop on failure), once test i
        fails, tests above i that are running are cancelled and those not started never
        start; tests below i keep running, since one of them may fail too and the
        lowest-index failure must be the verdict whatever order runs finish in.
        `ReportOrder` decides what is emitted and when, and what is skipped (SK).
        """
        order = ReportOrder(tests, request.stops_early)
        pending = iter(range(len(tests)))
        stop = _FailureStop() if request.stops_early else None

        async def worker() -> None:
            for index in pending:
                if order.skips(index):
                    return  # indices only grow: the rest are skipped too
                run = asyncio.ensure_future(
                    self._run_test(program, request, index, tests[index], checker)
                )
                if stop is not None:
                    stop.running[index] = run
                try:
                    await asyncio.wait({run})
                except asyncio.CancelledError:
                    await _cancel_and_wait(run)
                    raise
                finally:
                    if stop is not None:
                        stop.running.pop(index, None)
                if run.cancelled():
                    continue  # stopped by a lower test's failure: skipped
                for report in order.add(run.result()):
                    await emit(TestFinished(report.redacted(), len(tests)))
                if stop is not None:
                    stop.cancel_above(order.first_failed)

        workers = min(self.concurrency, len(tests))
        async with asyncio.TaskGroup() as group:
            for _ in range(workers):
                group.create_task(worker())
        reports, skipped = order.finish()
        for report in skipped:
            await emit(TestFinished(report.redacted(), len(tests)))
        return reports

    async def _run_test(
        self, program: Program, request: JudgeRequest, index: int, test: TestCase, checker: Checker
    ) -> TestReport:
        try:
            async with self._slots:
                outcome = await program.run(
                    test.input, request.time_limit_s, request.memory_limit_mb
                )
        except JudgingError:
            log.exception("test %d of a %s submission failed on our side", index, request.language)
            return internal_error_report(index, test)
        # A custom checker runs in the sandbox and takes a core like any run.
        slot = self._slots if request.checker.kind == "custom" else None
        return await grade(
            index,
            test,
            outcome,
            checker,
            memory_errors=program.language.memory_errors,
            checker_slot=slot,
        )

    async def _bind_checker(self, spec: CheckerSpec) -> Checker:
        if spec.kind != "custom":
            return bind_checker(spec.kind, spec.options)
        if not spec.source or not spec.language:
            raise CheckerConfigError("custom checker needs source and language")
        program = await self._checker_program(get_checker_language(spec.language), spec.source)
        return bind_checker("custom", spec.options, program=program, sandbox=self.sandbox)

    async def _checker_program(self, language: Language, source: str) -> Program:
        """Build a checker once and keep it (LRU) across submissions of the problem."""
        key = language.id + ":" + hashlib.sha256(source.encode()).hexdigest()
        task = self._checkers.get(key)
        if task is None or (task.done() and (task.cancelled() or task.exception())):
            task = asyncio.ensure_future(self._build_checker(language, source))
            self._checkers[key] = task
            while len(self._checkers) > CHECKER_CACHE_SIZE:
                self._checkers.popitem(last=False)
        self._checkers.move_to_end(key)
        return await asyncio.shield(task)

    async def _build_checker(self, language: Language, source: str) -> Program:
        # Checker workspaces live until the judge closes; a few KB each, bounded by LRU size.
        workspace = await self._checker_spaces.enter_async_context(self.sandbox.workspace())
        async with self._slots:
            return await Program.build(self.sandbox, language, source, workspace)


class _FailureStop:
    """The runs of one submit that stops on failure, to cancel those above a failure."""

    def __init__(self) -> None:
        self.running: dict[int, asyncio.Future[TestReport]] = {}

    def cancel_above(self, first_failed: int) -> None:
        for other, run in list(self.running.items()):
            if other > first_failed:
                run.cancel()


async def _cancel_and_wait(task: asyncio.Future[Any]) -> None:
    """Cancel `task` and wait for it to end, without swallowing our own cancellation."""
    task.cancel()
    await asyncio.wait({task})
    if not task.cancelled():
        task.exception()  # retrieved: nobody else wants it


def get_checker_language(language_id: str) -> Language:
    try:
        return get_language(language_id)
    except UnknownLanguage as exc:
        raise CheckerConfigError(str(exc)) from None
