"""Submit stops at the first failed test: later tests are cancelled or never start (SK).

No timing is asserted: only which tests ran (their events) and the verdicts.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Collection
from typing import Any

import pytest

from judging.events import Event, Finished, TestFinished
from judging.pipeline import Judge
from judging.request import JudgeRequest, TestCase
from judging.sandbox import Sandbox
from judging.submission_jobs import keeps_partial_score
from judging.verdicts import Verdict
from storage.models import Submission

SPIN = "while True:\n    pass\n"
# Echoes its number; test "n" expects n, so which tests fail is up to the expected output.
ECHO = "n = int(input())\nprint(n)\n"
CONCURRENCY = 2


@pytest.fixture
async def judge2(sandbox: Sandbox) -> AsyncIterator[Judge]:
    async with Judge(sandbox, concurrency=CONCURRENCY) as judge:
        yield judge


def _tests(count: int, wrong: Collection[int] = ()) -> list[TestCase]:
    return [
        TestCase(str(i), f"{i}\n".encode(), f"{i + 1 if i in wrong else i}\n".encode(), i >= 2)
        for i in range(count)
    ]


async def _judge(judge: Judge, request: JudgeRequest) -> tuple[Any, list[TestFinished]]:
    events: list[Event] = []

    async def collect(event: Event) -> None:
        events.append(event)

    result = await judge.judge(request, collect)
    assert isinstance(events[-1], Finished)
    return result, [e for e in events if isinstance(e, TestFinished)]


def _ran(finished: list[TestFinished]) -> list[int]:
    return sorted(e.report.index for e in finished if e.report.verdict is not Verdict.SK)


async def test_tle_submission_stops_after_its_first_test(judge2: Judge) -> None:
    request = JudgeRequest(
        "python", SPIN, _tests(12), time_limit_s=0.5, mode="submit", stop_on_failure=True
    )
    result, finished = await _judge(judge2, request)

    assert result.verdict is Verdict.TLE and result.tests[0].verdict is Verdict.TLE
    # Only the runs started alongside test 0 ran; every other test was skipped.
    assert len(_ran(finished)) <= CONCURRENCY
    assert [t.index for t in result.tests] == list(range(12))
    assert {t.verdict for t in result.tests[CONCURRENCY:]} == {Verdict.SK}
    assert result.score == 0.0
    # Skipped tests are still reported, once each, hidden ones redacted as usual.
    assert sorted(e.report.index for e in finished) == list(range(12))
    assert all(e.total == 12 for e in finished)
    hidden = result.tests[11].as_payload()
    assert hidden == {"index": 11, "verdict": "SK", "time_ms": 0, "memory_kb": 0, "hidden": True}
    visible = result.tests[1] if result.tests[1].verdict is Verdict.SK else None
    if visible is not None:
        assert visible.as_payload()["name"] == "1" and visible.input is None


async def test_run_mode_runs_every_test(judge2: Judge) -> None:
    tests = [TestCase(str(i), b"", b"", False) for i in range(4)]
    request = JudgeRequest(
        "python", SPIN, tests, time_limit_s=0.3, mode="run", stop_on_failure=True
    )
    result, finished = await _judge(judge2, request)

    assert _ran(finished) == [0, 1, 2, 3]
    assert [t.verdict for t in result.tests] == [Verdict.TLE] * 4


async def test_partial_score_submit_runs_every_test(judge2: Judge) -> None:
    request = JudgeRequest("python", ECHO, _tests(6, wrong={1, 4}), mode="submit")
    result, finished = await _judge(judge2, request)

    assert _ran(finished) == list(range(6))
    assert result.verdict is Verdict.WA and result.score == round(400 / 6, 2)
    assert Verdict.SK not in {t.verdict for t in result.tests}


async def test_wrong_answer_on_test_3_skips_the_rest(judge2: Judge) -> None:
    request = JudgeRequest(
        "python", ECHO, _tests(8, wrong={2, 5}), mode="submit", stop_on_failure=True
    )
    result, finished = await _judge(judge2, request)

    verdicts = [t.verdict for t in result.tests]
    assert verdicts[:3] == [Verdict.AC, Verdict.AC, Verdict.WA]
    assert result.verdict is Verdict.WA and result.passed == 2 and result.score == 25.0
    # Test 4 (index 3) may have started beside test 3; nothing after it can have.
    assert set(_ran(finished)) <= {0, 1, 2, 3}
    assert set(verdicts[4:]) == {Verdict.SK}


async def test_verdict_is_the_lowest_failed_test_whatever_finishes_first(judge2: Judge) -> None:
    # Test 1 is slow and wrong; test 2 crashes at once, so it usually fails first.
    # Test 1's failure must still be the verdict: tests below a failure keep running.
    source = (
        "n = int(input())\n"
        "if n == 1:\n    sum(range(3_000_000))\n    print(-1)\n"
        "elif n == 2:\n    raise SystemExit(3)\n"
        "else:\n    print(n)\n"
    )
    request = JudgeRequest(
        "python", source, _tests(6), time_limit_s=5.0, mode="submit", stop_on_failure=True
    )
    result, finished = await _judge(judge2, request)

    assert result.tests[0].verdict is Verdict.AC and result.tests[1].verdict is Verdict.WA
    assert result.verdict is Verdict.WA and result.passed == 1
    # Test 2 crashed, maybe first, but it is above the failure: skipped, every time.
    assert {t.verdict for t in result.tests[2:]} == {Verdict.SK}
    assert [e.report.index for e in finished] == list(range(6))  # shown in test order
    assert set(_ran(finished)) >= {0, 1}


def test_only_practice_submits_stop_early() -> None:
    assert not keeps_partial_score(Submission(mode="submit", room_id=None))
    assert keeps_partial_score(Submission(mode="submit", room_id="room-1"))
