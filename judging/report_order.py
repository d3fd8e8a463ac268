"""Which test reports a submit shows, and when, so the same program always scores the same.

Both judge backends run tests concurrently, so a test above the first failure may finish
before that failure is known. A submit that stops at its first failure (LeetCode,
Codeforces) must not count such a test one run and skip it the next: every test above
the lowest failure is skipped (SK) whatever finished, and reports are released in test
order so a client never sees a row the final result takes back. Without stopping early,
every report is released as it arrives.
"""

from __future__ import annotations

from collections.abc import Sequence

from judging.grader import skipped_report
from judging.request import TestCase
from judging.results import TestReport
from judging.verdicts import Verdict


class ReportOrder:
    """The reports of one judged request; `add` returns those to emit now."""

    def __init__(self, tests: Sequence[TestCase], stops_early: bool) -> None:
        self.tests = tests
        self.stops_early = stops_early
        self.reports: list[TestReport | None] = [None] * len(tests)
        self.first_failed = len(tests)  # no failure yet
        self._released = 0  # stopping early: every test below this was released

    def add(self, report: TestReport) -> list[TestReport]:
        self.reports[report.index] = report
        if not self.stops_early:
            return [report]
        if report.verdict is not Verdict.AC:
            self.first_failed = min(self.first_failed, report.index)
        ready = []
        while self._released <= self.first_failed and self._released < len(self.tests):
            next_report = self.reports[self._released]
            if next_report is None:
                break
            ready.append(next_report)
            self._released += 1
        return ready

    def skips(self, index: int) -> bool:
        """Test `index` need not run (or be waited for): a lower test failed."""
        return self.stops_early and index > self.first_failed

    @property
    def settled(self) -> bool:
        """A test failed and every test below it is reported: the verdict is known."""
        return self.first_failed < len(self.tests) and all(
            self.reports[i] is not None for i in range(self.first_failed)
        )

    def finish(self) -> tuple[list[TestReport], list[TestReport]]:
        """(every report in test order, the skipped ones still to emit)."""
        final: list[TestReport] = []
        skipped: list[TestReport] = []
        for index, test in enumerate(self.tests):
            report = self.reports[index]
            if report is None or self.skips(index):
                report = skipped_report(index, test)
                skipped.append(report)
            final.append(report)
        return final, skipped
