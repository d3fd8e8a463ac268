"""What the judge reports: one TestReport per test and the JudgeResult of a submission.

Hidden tests are redacted here, in one place: their reports hold only index, verdict,
time and memory, whatever the caller does with them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

from judging.verdicts import DESCRIPTIONS, Verdict, score, summarize

if TYPE_CHECKING:
    from judging.outcome import RunOutcome
    from judging.request import TestCase

DATA_LIMIT = 4 * 1024  # characters of input/expected/actual/stderr shown per visible test


@dataclass(frozen=True)
class TestReport:
    """The outcome of one test; data fields are None for hidden tests."""

    __test__ = False  # not a pytest class

    index: int
    verdict: Verdict
    time_ms: int
    memory_kb: int
    hidden: bool
    name: str | None = None
    exit_code: int | None = None
    signal: str | None = None
    input: str | None = None
    expected: str | None = None
    actual: str | None = None
    stderr: str | None = None
    feedback: str | None = None

    def redacted(self) -> TestReport:
        """Only what may be shown for a hidden test."""
        if not self.hidden:
            return self
        return TestReport(self.index, self.verdict, self.time_ms, self.memory_kb, True)

    def as_payload(self) -> dict[str, Any]:
        data = asdict(self.redacted())
        data["verdict"] = str(self.verdict)
        if self.hidden:
            data = {k: v for k, v in data.items() if v is not None}
        return data


@dataclass(frozen=True)
class JudgeResult:
    """A judged submission.

    verdict: CE, IE, or the first failing test's verdict in test order (AC if none).
    score: percentage of tests passed. time_ms / memory_kb: maxima over tests.
    compile_message: the compiler's (trimmed) output for CE. error: a generic
    explanation for IE; details go to the server log only.
    """

    verdict: Verdict
    score: float
    time_ms: int
    memory_kb: int
    tests: tuple[TestReport, ...] = ()
    compile_message: str | None = None
    error: str | None = None

    @property
    def passed(self) -> int:
        return sum(1 for test in self.tests if test.verdict is Verdict.AC)

    @classmethod
    def from_reports(cls, reports: Sequence[TestReport]) -> JudgeResult:
        """Summary of judged tests (given in test order): first failure wins."""
        verdicts = [report.verdict for report in reports]
        return cls(
            verdict=summarize(verdicts),
            score=score(verdicts),
            time_ms=max((r.time_ms for r in reports), default=0),
            memory_kb=max((r.memory_kb for r in reports), default=0),
            tests=tuple(report.redacted() for report in reports),
        )

    def as_payload(self) -> dict[str, Any]:
        return {
            "verdict": str(self.verdict),
            "description": DESCRIPTIONS[self.verdict],
            "score": self.score,
            "time_ms": self.time_ms,
            "memory_kb": self.memory_kb,
            "passed": self.passed,
            "total": len(self.tests),
            "compile_message": self.compile_message,
            "error": self.error,
            "tests": [test.as_payload() for test in self.tests],
        }


def trim_text(data: bytes, limit: int) -> str:
    """Decode and cut to `limit` characters, saying how much was cut."""
    text = data.decode("utf-8", errors="replace")
    if len(text) <= limit:
        return text
    return text[:limit] + f"\n... ({len(text) - limit} more characters)"


def report_for(
    index: int, test: TestCase, verdict: Verdict, outcome: RunOutcome, feedback: str | None
) -> TestReport:
    """The report of one judged test; hidden tests keep only verdict, time and memory."""
    if test.hidden:
        return TestReport(index, verdict, outcome.cpu_ms, outcome.memory_kb, True)
    return TestReport(
        index=index,
        verdict=verdict,
        time_ms=outcome.cpu_ms,
        memory_kb=outcome.memory_kb,
        hidden=False,
        name=test.name,
        exit_code=outcome.exit_code,
        signal=outcome.signal,
        input=trim_text(test.input, DATA_LIMIT),
        expected=None if test.expected is None else trim_text(test.expected, DATA_LIMIT),
        actual=trim_text(outcome.stdout, DATA_LIMIT),
        stderr=trim_text(outcome.stderr, DATA_LIMIT) or None,
        feedback=feedback,
    )
