"""The one grader both backends use: a finished run plus the expected answer -> report."""

from __future__ import annotations

import asyncio

from judging.backend import JudgeBackend
from judging.checkers import CheckResult, tokens
from judging.grader import grade
from judging.judge0 import Judge0Judge
from judging.outcome import RunOutcome
from judging.pipeline import Judge
from judging.request import TestCase
from judging.verdicts import Verdict

VISIBLE = TestCase("01", b"1 2\n", b"3\n")
HIDDEN = TestCase("02", b"secret\n", b"42\n", hidden=True)


def ran(stdout: bytes, **kw: object) -> RunOutcome:
    fields: dict[str, object] = {
        "exit_code": 0,
        "signal": None,
        "cpu_ms": 12,
        "wall_ms": 15,
        "memory_kb": 900,
        "stdout": stdout,
        "stderr": b"",
    }
    fields.update(kw)
    return RunOutcome(**fields)  # type: ignore[arg-type]


def test_both_backends_share_one_interface() -> None:
    assert issubclass(Judge, JudgeBackend) and issubclass(Judge0Judge, JudgeBackend)


async def test_accepted_and_wrong_answer_come_from_the_checker() -> None:
    ok = await grade(0, VISIBLE, ran(b"3\n"), tokens)
    assert ok.verdict is Verdict.AC and ok.actual == "3\n" and ok.time_ms == 12
    wrong = await grade(0, VISIBLE, ran(b"4\n"), tokens)
    assert wrong.verdict is Verdict.WA and wrong.feedback and "token 1" in wrong.feedback


async def test_limits_and_crashes_decide_before_the_checker() -> None:
    checked: list[bytes] = []

    def spy(input: bytes, expected: bytes, actual: bytes) -> CheckResult:
        checked.append(actual)
        return CheckResult(True)

    slow = await grade(0, VISIBLE, ran(b"3\n", timed_out=True, exit_code=None), spy)
    assert slow.verdict is Verdict.TLE
    out_of_memory = ran(b"", exit_code=1, stderr=b"MemoryError")
    oom = await grade(0, VISIBLE, out_of_memory, spy, memory_errors=("MemoryError",))
    assert oom.verdict is Verdict.MLE
    crash = await grade(0, VISIBLE, ran(b"3\n", exit_code=None, signal="SIGSEGV"), spy)
    assert crash.verdict is Verdict.RE and crash.signal == "SIGSEGV"
    assert checked == []


async def test_run_only_test_is_accepted_on_a_clean_exit() -> None:
    report = await grade(0, TestCase("stdin", b"x", None), ran(b"anything"), tokens)
    assert report.verdict is Verdict.AC


async def test_a_crashing_checker_is_internal_error_never_wrong_answer() -> None:
    def broken(input: bytes, expected: bytes, actual: bytes) -> CheckResult:
        raise ZeroDivisionError

    report = await grade(3, VISIBLE, ran(b"3\n"), broken)
    assert report.verdict is Verdict.IE and report.index == 3


async def test_hidden_tests_keep_only_verdict_time_and_memory() -> None:
    report = await grade(1, HIDDEN, ran(b"41\n"), tokens)
    assert report.verdict is Verdict.WA
    assert report.as_payload() == {
        "index": 1,
        "verdict": "WA",
        "time_ms": 12,
        "memory_kb": 900,
        "hidden": True,
    }


async def test_the_checker_slot_is_held_while_checking() -> None:
    slot = asyncio.Semaphore(1)
    held: list[bool] = []

    def spy(input: bytes, expected: bytes, actual: bytes) -> CheckResult:
        held.append(slot.locked())
        return CheckResult(True)

    await grade(0, VISIBLE, ran(b"3\n"), spy, checker_slot=slot)
    assert held == [True] and not slot.locked()
