"""Grading one finished run: limits and crashes decide first, then the checker.

Each backend runs a test its own way (our sandbox, a Judge0 server) and hands the
outcome here, as DMOJ's graders take a finished process and decide the case, so a
verdict means the same whichever backend produced it.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Sequence
from contextlib import AbstractAsyncContextManager
from typing import Any

from judging.checkers import Checker, CheckResult, check
from judging.errors import JudgingError
from judging.outcome import RunOutcome
from judging.request import TestCase
from judging.results import TestReport, report_for
from judging.verdicts import Verdict, run_verdict

log = logging.getLogger(__name__)


async def grade(
    index: int,
    test: TestCase,
    outcome: RunOutcome,
    checker: Checker,
    *,
    memory_errors: Sequence[str] = (),
    checker_slot: AbstractAsyncContextManager[Any] | None = None,
) -> TestReport:
    """The report of test `index` given how its run ended.

    memory_errors: the language's out-of-memory markers (a crash printing one is MLE).
    checker_slot: held while the checker runs; a custom checker program runs in the
        sandbox and takes a core like any run (default: nothing to hold).
    A checker that fails is IE for this test, never WA.
    """
    verdict = run_verdict(
        exit_code=outcome.exit_code,
        timed_out=outcome.timed_out,
        memory_exceeded=outcome.memory_exceeded,
        output_exceeded=outcome.output_exceeded,
        stderr=outcome.stderr,
        memory_errors=memory_errors,
    )
    feedback = None
    if verdict is None:
        try:
            checked = await _check(checker, test, outcome, checker_slot)
        except JudgingError:
            log.exception("the checker failed on test %d", index)
            return internal_error_report(index, test)
        verdict = Verdict.AC if checked.passed else Verdict.WA
        feedback = checked.feedback
    return report_for(index, test, verdict, outcome, feedback)


def internal_error_report(index: int, test: TestCase) -> TestReport:
    """Test `index` could not be judged on our side (IE, no run data)."""
    return TestReport(index, Verdict.IE, 0, 0, test.hidden, name=test.name)


def skipped_report(index: int, test: TestCase) -> TestReport:
    """Test `index` was not judged: an earlier test failed first (stop on failure)."""
    return TestReport(index, Verdict.SK, 0, 0, test.hidden, name=test.name)


async def _check(
    checker: Checker,
    test: TestCase,
    outcome: RunOutcome,
    slot: AbstractAsyncContextManager[Any] | None,
) -> CheckResult:
    if test.expected is None:  # run-only (custom stdin): a clean exit is all we ask
        return CheckResult(True)
    try:
        async with slot or contextlib.nullcontext():
            return await check(checker, test.input, test.expected, outcome.stdout)
    except JudgingError:
        raise
    except Exception as exc:  # a checker bug must be IE, never WA or a crash
        raise JudgingError(f"checker raised {type(exc).__name__}") from exc
