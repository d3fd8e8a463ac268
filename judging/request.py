"""What the judge is asked to do: a JudgeRequest (source, tests, limits, checker)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

Mode = Literal["run", "submit"]


@dataclass(frozen=True)
class TestCase:
    """One test. expected None means "just run it" (custom stdin in run mode).

    hidden tests are judged but their name, data, exit code and output never leave the
    judge: events and results carry only their verdict, time and memory.
    """

    __test__ = False  # not a pytest class

    name: str
    input: bytes
    expected: bytes | None
    hidden: bool = False


@dataclass(frozen=True)
class CheckerSpec:
    """Which checker a problem uses.

    kind: "tokens" (default), "exact", "float" or "custom".
    options: keyword options for the checker (float: abs_tol, rel_tol or precision).
    source / language: the checker program for kind "custom" (testlib-style: argv is
        input, contestant output, expected answer; exit 0 accepts, 1/2 reject).
    """

    kind: str = "tokens"
    options: Mapping[str, Any] = field(default_factory=dict)
    source: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class JudgeRequest:
    """One submission to judge (the queue carries a QueuedJob that leads to one).

    mode "run" judges only the visible tests (hidden ones are dropped before anything
    runs); "submit" judges all of them.

    stop_on_failure: stop at the first failed test (as LeetCode, Codeforces, DMOJ do):
        tests after it still running or not started are cancelled and reported as
        skipped (SK). Whoever builds the request decides; it must stay False where a
        partial score (share of tests passed) counts, since skipped tests count as failed.
    """

    language: str
    source: str
    tests: Sequence[TestCase]
    time_limit_s: float = 2.0
    memory_limit_mb: int = 256
    checker: CheckerSpec = field(default_factory=CheckerSpec)
    mode: Mode = "submit"
    stop_on_failure: bool = False

    @property
    def stops_early(self) -> bool:
        """Stop at the first failed test: submit only; run mode always runs every test."""
        return self.stop_on_failure and self.mode == "submit"

    def selected_tests(self) -> list[TestCase]:
        if self.mode == "run":
            return [test for test in self.tests if not test.hidden]
        return list(self.tests)
