"""Data-driven: every sample in aplusb/submissions gets the verdict its file name says."""

from __future__ import annotations

from pathlib import Path

import pytest

from judging.events import Compiled, Event, Finished, TestFinished
from judging.pipeline import Judge
from judging.request import JudgeRequest
from judging.testdata import read_tests_dir
from judging.verdicts import Verdict
from tests.judging.conftest import HERE

PROBLEM = HERE / "aplusb"
SAMPLES = sorted((PROBLEM / "submissions").glob("*/*.*"))
SLOW = {"tle", "mle"}


def _tests() -> list:
    tests = read_tests_dir(PROBLEM / "tests")
    # The last two are hidden, as in a real problem.
    return [
        *tests[:2],
        *(type(t)(t.name, t.input, t.expected, hidden=True) for t in tests[2:]),
    ]


def _params() -> list[object]:
    params = []
    for path in SAMPLES:
        language, verdict = path.parent.name, path.name.split(".")[0]
        marks = [pytest.mark.slow] if verdict in SLOW or language == "java" else []
        params.append(pytest.param(path, id=f"{language}-{verdict}", marks=marks))
    return params


def test_every_language_has_every_verdict() -> None:
    found = {(p.parent.name, p.name.split(".")[0]) for p in SAMPLES}
    for language in ("python", "javascript", "c", "cpp", "java"):
        for verdict in ("ac", "wa", "tle", "re", "ce", "mle"):
            assert (language, verdict) in found


@pytest.mark.parametrize("path", _params())
async def test_sample_gets_its_verdict(judge: Judge, path: Path) -> None:
    language, expected = path.parent.name, Verdict(path.name.split(".")[0].upper())
    events: list[Event] = []

    async def collect(event: Event) -> None:
        events.append(event)

    source = path.read_text()  # noqa: ASYNC240 - a small local file
    task = JudgeRequest(language, source, _tests(), time_limit_s=1.0, memory_limit_mb=64)
    result = await judge.judge(task, collect)

    assert result.verdict is expected, result.as_payload()
    assert isinstance(events[0], Compiled) and isinstance(events[-1], Finished)
    if expected is Verdict.CE:
        assert not events[0].ok and result.compile_message
        assert len(events) == 2 and result.tests == ()
        return
    assert [type(e) for e in events[1:-1]] == [TestFinished] * 4
    assert sorted(e.report.index for e in events[1:-1] if isinstance(e, TestFinished)) == [
        0,
        1,
        2,
        3,
    ]
    if expected is Verdict.AC:
        assert result.score == 100.0 and result.passed == 4
    elif expected is not Verdict.WA:  # these fail on every test
        assert result.score == 0.0
        assert result.tests[0].verdict is expected


def test_read_tests_dir_uses_natural_order() -> None:
    names = [t.name for t in read_tests_dir(PROBLEM / "tests")]
    assert names == ["1", "2", "3", "10"]
