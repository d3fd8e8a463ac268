"""The judge pipeline: compile once, run tests concurrently, check, report as it goes.

`Judge` owns the sandbox and one semaphore sized to the cores, shared by every
submission it judges, so several submissions never oversubscribe the machine. Each
submission feeds at most that many runs into the semaphore at a time, so a 100-test
submission cannot queue ahead of everyone else.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging
import os
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from judging.checkers import Checker, CheckResult, bind_checker, check
from judging.errors import CheckerConfigError, JudgingError, UnknownLanguage
from judging.events import Compiled, Event, Finished, TestFinished
from judging.languages import Language, LanguageStatus, available_languages, get_language
from judging.programs import Program
from judging.results import JudgeResult, TestReport, report_for
from judging.sandbox import RunOutcome, Sandbox
from judging.tasks import CheckerSpec, JudgeTask, TestCase
from judging.verdicts import Verdict, run_verdict

log = logging.getLogger(__name__)

EventCallback = Callable[[Event], Awaitable[None]]
CHECKER_CACHE_SIZE = 16
INTERNAL_ERROR = "The judge failed on its side; this submission was not held against you."


class Judge:
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
        await self.sandbox.start()

    async def close(self) -> None:
        for task in self._checkers.values():
            task.cancel()
        self._checkers.clear()
        await self._checker_spaces.aclose()
        await self.sandbox.close()

    async def __aenter__(self) -> Judge:
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.close()

    async def available_languages(self) -> dict[str, LanguageStatus]:
        """Every registered language with its availability here (probed once, cached)."""
        await self.start()
        return await available_languages(self.sandbox)

    async def judge(self, task: JudgeTask, on_event: EventCallback | None = None) -> JudgeResult:
        """Judge one submission, awaiting `on_event(event)` for each step as it happens.

        task: the submission (language, source, tests, limits, checker, mode).
        on_event: optional coroutine function; gets Compiled, then TestFinished per test
            in completion order, then Finished. Its exceptions are logged and ignored.
        Raises UnknownLanguage for a language id not in the registry; every other
        failure is reported in the result (CE, IE, ...).
        """
        language = get_language(task.language)
        emit = safe_emitter(on_event)
        try:
            await self.start()
            result = await self._judge(task, language, emit)
        except UnknownLanguage:
            raise
        except Exception:  # ours to log, never the user's to see (may hold test data)
            log.exception("judging failed (language %s)", task.language)
            result = JudgeResult(Verdict.IE, 0.0, 0, 0, error=INTERNAL_ERROR)
        await emit(Finished(result))
        return result

    async def _judge(self, task: JudgeTask, language: Language, emit: EventCallback) -> JudgeResult:
        tests = task.selected_tests()
        try:
            checker = await self._bind_checker(task.checker)
        except CheckerConfigError:
            log.exception("misconfigured checker %r", task.checker.kind)
            return JudgeResult(Verdict.IE, 0.0, 0, 0, error=INTERNAL_ERROR)
        async with self.sandbox.workspace() as workspace:
            program = Program.prepare(self.sandbox, language, task.source, workspace)
            if program.needs_compile_first:
                async with self._slots:
                    program = await program.compile()
                await emit(Compiled(program.ok, program.message, program.compile_ms))
                if not program.ok:
                    return JudgeResult(Verdict.CE, 0.0, 0, 0, compile_message=program.message)
                reports = await self._run_tests(program, task, tests, checker, emit)
            else:
                checked = await self._check_while_testing(program, task, tests, checker, emit)
                if isinstance(checked, Program):
                    return JudgeResult(Verdict.CE, 0.0, 0, 0, compile_message=checked.message)
                reports = checked
        return JudgeResult.from_reports(reports)

    async def _check_while_testing(
        self,
        program: Program,
        task: JudgeTask,
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
        testing = asyncio.ensure_future(self._run_tests(program, task, tests, checker, after_check))
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
        task: JudgeTask,
        tests: Sequence[TestCase],
        checker: Checker,
        emit: EventCallback,
    ) -> list[TestReport]:
        reports: list[TestReport | None] = [None] * len(tests)
        pending = iter(range(len(tests)))

        async def worker() -> None:
            for index in pending:
                report = await self._run_test(program, task, index, tests[index], checker)
                reports[index] = report
                await emit(TestFinished(report.redacted(), len(tests)))

        workers = min(self.concurrency, len(tests))
        async with asyncio.TaskGroup() as group:
            for _ in range(workers):
                group.create_task(worker())
        return [report for report in reports if report is not None]

    async def _run_test(
        self, program: Program, task: JudgeTask, index: int, test: TestCase, checker: Checker
    ) -> TestReport:
        try:
            async with self._slots:
                outcome = await program.run(test.input, task.time_limit_s, task.memory_limit_mb)
            verdict = run_verdict(
                exit_code=outcome.exit_code,
                timed_out=outcome.timed_out,
                memory_exceeded=outcome.memory_exceeded,
                output_exceeded=outcome.output_exceeded,
                stderr=outcome.stderr,
                memory_errors=program.language.memory_errors,
            )
            feedback = None
            if verdict is None:
                custom = task.checker.kind == "custom"
                result = await self._check(checker, test, outcome, sandboxed=custom)
                verdict = Verdict.AC if result.passed else Verdict.WA
                feedback = result.feedback
        except JudgingError:
            log.exception("test %d of a %s submission failed on our side", index, task.language)
            return TestReport(index, Verdict.IE, 0, 0, test.hidden, name=test.name)
        return report_for(index, test, verdict, outcome, feedback)

    async def _check(
        self, checker: Checker, test: TestCase, outcome: RunOutcome, *, sandboxed: bool
    ) -> CheckResult:
        if test.expected is None:
            return CheckResult(True)
        try:
            # A custom checker runs in the sandbox and takes a core like any run.
            async with self._slots if sandboxed else contextlib.nullcontext():
                return await check(checker, test.input, test.expected, outcome.stdout)
        except JudgingError:
            raise
        except Exception as exc:  # a checker bug must be IE, never WA or a crash
            raise JudgingError(f"checker raised {type(exc).__name__}") from exc

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


def safe_emitter(on_event: EventCallback | None) -> EventCallback:
    """Wrap a caller's callback so its failures are logged, never fail the judging."""

    async def emit(event: Event) -> None:
        if on_event is None:
            return
        try:
            await on_event(event)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("on_event callback failed for %s event", event.kind)

    return emit


_default_judge: Judge | None = None


async def judge(task: JudgeTask, on_event: EventCallback | None = None) -> JudgeResult:
    """Judge with a process-wide default Judge (created on first use, sandbox required)."""
    global _default_judge
    if _default_judge is None:
        _default_judge = Judge()
    return await _default_judge.judge(task, on_event)
