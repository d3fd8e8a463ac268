"""The judge pipeline: events, redaction, modes, checkers, concurrency."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import pytest

from judging.errors import UnknownLanguage
from judging.events import Compiled, Event, Finished, TestFinished
from judging.pipeline import Judge
from judging.request import CheckerSpec, JudgeRequest, TestCase
from judging.sandbox import Sandbox
from judging.verdicts import Verdict
from tests.judging.conftest import APLUSB_TESTS, TEST_POLICY

APLUSB = "a, b = map(int, input().split())\nprint(a + b)\n"


def _collector() -> tuple[list[Event], Any]:
    events: list[Event] = []

    async def collect(event: Event) -> None:
        events.append(event)

    return events, collect


async def test_events_and_redaction(judge: Judge) -> None:
    events, collect = _collector()
    # Wrong on the hidden tests only, and it prints its input to stderr.
    source = (
        "import sys\nd = input()\nprint(d, file=sys.stderr)\n"
        "a, b = map(int, d.split())\nprint(a + b if a < 100 else 0)\n"
    )
    result = await judge.judge(JudgeRequest("python", source, APLUSB_TESTS), collect)

    assert isinstance(events[0], Compiled) and events[0].ok
    assert isinstance(events[-1], Finished) and events[-1].result is result
    tests = [e for e in events if isinstance(e, TestFinished)]
    assert sorted(e.report.index for e in tests) == [0, 1, 2, 3]
    assert all(e.total == 4 for e in tests)
    assert [t.verdict for t in result.tests] == [Verdict.AC, Verdict.AC, Verdict.WA, Verdict.AC]
    assert result.verdict is Verdict.WA and result.score == 75.0

    visible = result.tests[0]
    assert (visible.name, visible.input, visible.expected, visible.actual) == (
        "01",
        "1 2\n",
        "3\n",
        "3\n",
    )
    assert visible.stderr == "1 2\n" and visible.exit_code == 0
    hidden = result.tests[2].as_payload()
    assert hidden == {
        "index": 2,
        "verdict": "WA",
        "time_ms": hidden["time_ms"],
        "memory_kb": hidden["memory_kb"],
        "hidden": True,
    }
    wire = json.dumps([e.as_payload() for e in events])
    assert "1000000000" not in wire and "-15" not in wire and "token" not in wire


async def test_run_mode_never_runs_hidden_tests(judge: Judge) -> None:
    task = JudgeRequest("python", APLUSB, APLUSB_TESTS, mode="run")
    result = await judge.judge(task)
    assert result.verdict is Verdict.AC and len(result.tests) == 2
    assert not any(t.hidden for t in result.tests)


async def test_custom_stdin_without_expected_output(judge: Judge) -> None:
    task = JudgeRequest("python", APLUSB, [TestCase("custom", b"40 2\n", None)], mode="run")
    result = await judge.judge(task)
    assert result.verdict is Verdict.AC and result.tests[0].actual == "42\n"
    assert result.tests[0].expected is None


async def test_compile_error_message_is_trimmed(judge: Judge) -> None:
    source = "int main() {\n" + "  undefined_thing_%d();\n" * 3000 % tuple(range(3000)) + "}\n"
    events, collect = _collector()
    result = await judge.judge(JudgeRequest("c", source, APLUSB_TESTS), collect)
    assert result.verdict is Verdict.CE and result.tests == ()
    assert "undefined_thing_0" in result.compile_message
    assert len(result.compile_message) < 9000
    assert [type(e) for e in events] == [Compiled, Finished]


async def test_runtime_error_shows_stderr_and_exit_code(judge: Judge) -> None:
    task = JudgeRequest("python", "import sys\nsys.exit(5)\n", APLUSB_TESTS[:1])
    result = await judge.judge(task)
    assert result.verdict is Verdict.RE and result.tests[0].exit_code == 5


async def test_float_checker(judge: Judge) -> None:
    tests = [TestCase("1", b"", b"0.333333\n")]
    loose = JudgeRequest(
        "python", "print(1/3)", tests, checker=CheckerSpec("float", {"abs_tol": 1e-5})
    )
    assert (await judge.judge(loose)).verdict is Verdict.AC
    strict = JudgeRequest("python", "print(1/3)", tests, checker=CheckerSpec("exact"))
    result = await judge.judge(strict)
    assert result.verdict is Verdict.WA and "differs" in result.tests[0].feedback


CHECKER = """
import sys
inp, out, ans = (open(p).read().split() for p in sys.argv[1:4])
a, b = map(int, inp)
got = int(out[0]) if out else None
if got == a + b:
    sys.exit(0)
print(f"expected {a + b}, got {got}", file=sys.stderr)
sys.exit(1)
"""


async def test_custom_checker_program(judge: Judge) -> None:
    spec = CheckerSpec("custom", source=CHECKER, language="python")
    ok = await judge.judge(JudgeRequest("python", APLUSB, APLUSB_TESTS, checker=spec))
    assert ok.verdict is Verdict.AC and ok.score == 100.0
    bad = await judge.judge(JudgeRequest("python", "print(0)", APLUSB_TESTS[:2], checker=spec))
    assert bad.verdict is Verdict.WA
    assert bad.tests[0].feedback == "expected 3, got 0"


@pytest.mark.parametrize(
    "spec",
    [
        CheckerSpec("telepathy"),
        CheckerSpec("float", {"abs_tol": -1}),
        CheckerSpec("custom", source=None, language="python"),
        CheckerSpec("custom", source="print(", language="python"),  # does not compile
        CheckerSpec("custom", source="print(1)", language="brainfuck"),
    ],
    ids=["unknown", "bad-option", "no-source", "checker-ce", "checker-language"],
)
async def test_misconfigured_checker_is_internal_error(judge: Judge, spec: CheckerSpec) -> None:
    result = await judge.judge(JudgeRequest("python", APLUSB, APLUSB_TESTS, checker=spec))
    assert result.verdict is Verdict.IE and result.error


async def test_crashing_checker_is_internal_error_not_wa(judge: Judge) -> None:
    spec = CheckerSpec("custom", source="raise SystemExit(3)", language="python")
    result = await judge.judge(JudgeRequest("python", APLUSB, APLUSB_TESTS[:2], checker=spec))
    assert [t.verdict for t in result.tests] == [Verdict.IE, Verdict.IE]
    assert result.verdict is Verdict.IE


async def test_unknown_language_raises(judge: Judge) -> None:
    with pytest.raises(UnknownLanguage):
        await judge.judge(JudgeRequest("cobol", "", APLUSB_TESTS))


async def test_failing_event_callback_does_not_break_judging(judge: Judge) -> None:
    async def explode(event: Event) -> None:
        raise RuntimeError("socket gone")

    result = await judge.judge(JudgeRequest("python", APLUSB, APLUSB_TESTS), explode)
    assert result.verdict is Verdict.AC


class CountingSandbox(Sandbox):
    """Records the most runs in flight at once."""

    def __init__(self) -> None:
        super().__init__(TEST_POLICY)
        self.active = 0
        self.peak = 0

    async def run(self, *args: Any, **kwargs: Any) -> Any:
        self.active += 1
        self.peak = max(self.peak, self.active)
        try:
            return await super().run(*args, **kwargs)
        finally:
            self.active -= 1


async def test_submissions_share_the_cores() -> None:
    from tests.judging.conftest import started_sandbox

    await (await started_sandbox()).close()  # skip when no sandbox here
    sandbox = CountingSandbox()
    async with Judge(sandbox, concurrency=2) as judge:
        slow = "import time\ntime.sleep(0.2)\n" + APLUSB
        tasks = [JudgeRequest("python", slow, APLUSB_TESTS) for _ in range(3)]
        results = await asyncio.gather(*(judge.judge(t) for t in tasks))
    assert all(r.verdict is Verdict.AC for r in results)
    assert sandbox.peak == 2  # 3 submissions x 4 tests, never more than the slots


class LostCancelSandbox(Sandbox):
    """A test run that survives its cancel, as a run did when asyncio.wait_for (3.11)
    swallowed a cancel landing together with the result (CPython gh-86296)."""

    lost = 0

    async def run(self, *args: Any, **kwargs: Any) -> Any:
        if kwargs.get("warm"):  # a test run, not the syntax check
            try:
                await asyncio.sleep(3)  # the check fails and cancels us meanwhile
            except asyncio.CancelledError:
                self.lost += 1
        return await super().run(*args, **kwargs)


async def test_syntax_error_ends_even_if_a_test_run_ignores_its_cancel() -> None:
    """The hang CI once hit: a test that outlived its cancel waited for a check that had
    failed; the judging never ended."""
    from tests.judging.conftest import started_sandbox

    await (await started_sandbox()).close()  # skip when no sandbox here
    sandbox = LostCancelSandbox()
    events, collect = _collector()
    async with Judge(sandbox, concurrency=2) as judge:
        async with asyncio.timeout(60):  # a hang fails here instead of at pytest-timeout
            result = await judge.judge(JudgeRequest("python", "def f(:\n", APLUSB_TESTS), collect)
    assert result.verdict is Verdict.CE, result
    assert sandbox.lost >= 1  # the scenario really happened
    assert [type(e) for e in events] == [Compiled, Finished]
