"""Data-driven, as DMOJ's testsuite: every scenario folder under scenarios/ is a problem.

A scenario holds `scenario.toml` (limits, checker, how many trailing tests are hidden,
expected scores), `tests/NAME.in|out`, and `submissions/<language>/<verdict>[_why].<ext>`:
each submission must get the verdict its file name starts with.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import pytest

from judging.events import Compiled, Event, Finished, TestFinished
from judging.pipeline import Judge
from judging.request import CheckerSpec, JudgeRequest, TestCase
from judging.testdata import read_tests_dir
from judging.verdicts import Verdict
from tests.judging.conftest import HERE

SCENARIOS = HERE / "scenarios"
SLOW = {"tle", "mle"}


@dataclass(frozen=True)
class Scenario:
    folder: Path
    config: dict[str, Any]

    @property
    def name(self) -> str:
        return self.folder.name

    def tests(self) -> list[TestCase]:
        tests = read_tests_dir(self.folder / "tests")
        hidden = int(self.config.get("hidden", 0))
        cut = len(tests) - hidden
        return [*tests[:cut], *(replace(t, hidden=True) for t in tests[cut:])]

    def task(self, language: str, source: str) -> JudgeRequest:
        checker = self.config.get("checker", {})
        return JudgeRequest(
            language,
            source,
            self.tests(),
            time_limit_s=float(self.config["time_limit"]),
            memory_limit_mb=int(self.config["memory_limit"]),
            checker=CheckerSpec(checker.get("kind", "tokens"), checker.get("options", {})),
        )

    def submissions(self) -> list[Path]:
        return sorted((self.folder / "submissions").glob("*/*.*"))

    def expected_score(self, sample: Path) -> float | None:
        key = f"{sample.parent.name}/{sample.name}"
        return self.config.get("scores", {}).get(key)


def discover() -> list[Scenario]:
    return [
        Scenario(path.parent, tomllib.loads(path.read_text()))
        for path in sorted(SCENARIOS.glob("*/scenario.toml"))
    ]


def expected_verdict(sample: Path) -> Verdict:
    return Verdict(sample.stem.split("_")[0].upper())


def _params() -> list[object]:
    params = []
    for scenario in discover():
        for path in scenario.submissions():
            language, verdict = path.parent.name, path.stem.split("_")[0]
            marks = [pytest.mark.slow] if verdict in SLOW or language == "java" else []
            params.append(
                pytest.param(
                    scenario, path, id=f"{scenario.name}-{language}-{path.stem}", marks=marks
                )
            )
    return params


def test_scenarios_are_found_and_well_formed() -> None:
    scenarios = {s.name: s for s in discover()}
    assert len(scenarios) >= 5 and "aplusb" in scenarios
    kinds = {s.config.get("checker", {}).get("kind", "tokens") for s in scenarios.values()}
    assert {"tokens", "exact", "float"} <= kinds
    for scenario in scenarios.values():
        samples = scenario.submissions()
        assert samples, scenario.name
        assert len({p.parent.name for p in samples}) >= 3, f"{scenario.name}: few languages"
        for sample in samples:
            expected_verdict(sample)  # the file name names a verdict
        for key in scenario.config.get("scores", {}):
            assert (scenario.folder / "submissions" / key).is_file(), key
        assert len(scenario.tests()) >= 2


def test_every_language_has_every_verdict() -> None:
    [aplusb] = [s for s in discover() if s.name == "aplusb"]
    found = {(p.parent.name, p.stem) for p in aplusb.submissions()}
    for language in ("python", "javascript", "c", "cpp", "java"):
        for verdict in ("ac", "wa", "tle", "re", "ce", "mle"):
            assert (language, verdict) in found


@pytest.mark.parametrize(("scenario", "path"), _params())
async def test_sample_gets_its_verdict(judge: Judge, scenario: Scenario, path: Path) -> None:
    language, expected = path.parent.name, expected_verdict(path)
    events: list[Event] = []

    async def collect(event: Event) -> None:
        events.append(event)

    source = path.read_text()  # noqa: ASYNC240 - a small local file
    tests = scenario.tests()
    result = await judge.judge(scenario.task(language, source), collect)

    assert result.verdict is expected, result.as_payload()
    assert isinstance(events[0], Compiled) and isinstance(events[-1], Finished)
    if expected is Verdict.CE:
        assert not events[0].ok and result.compile_message
        assert len(events) == 2 and result.tests == ()
        return
    finished = [e for e in events[1:-1] if isinstance(e, TestFinished)]
    assert len(finished) == len(events) - 2 == len(tests)
    assert sorted(e.report.index for e in finished) == list(range(len(tests)))
    want_score = scenario.expected_score(path)
    if want_score is not None:
        assert result.score == want_score, result.as_payload()
    if expected is Verdict.AC:
        assert result.score == 100.0 and result.passed == len(tests)
    else:
        assert expected in {t.verdict for t in result.tests}
        assert result.score < 100.0
    if expected not in (Verdict.AC, Verdict.WA) and scenario.config.get("every_failure_fails_all"):
        assert result.score == 0.0
        assert result.tests[0].verdict is expected


def test_read_tests_dir_uses_natural_order() -> None:
    names = [t.name for t in read_tests_dir(SCENARIOS / "aplusb" / "tests")]
    assert names == ["1", "2", "3", "10"]
