"""ReportOrder: a submit that stops on failure scores the same whatever order tests finish."""

from __future__ import annotations

from judging.report_order import ReportOrder
from judging.request import TestCase
from judging.results import TestReport
from judging.verdicts import Verdict


def _tests(count: int) -> list[TestCase]:
    return [TestCase(str(i), b"", b"", False) for i in range(count)]


def _report(index: int, verdict: Verdict = Verdict.AC) -> TestReport:
    return TestReport(index, verdict, 5, 100, False)


def _indices(reports: list[TestReport]) -> list[int]:
    return [r.index for r in reports]


def test_without_stopping_every_report_is_released_as_it_arrives() -> None:
    order = ReportOrder(_tests(3), stops_early=False)
    assert _indices(order.add(_report(2, Verdict.WA))) == [2]
    assert _indices(order.add(_report(0))) == [0]
    assert not order.skips(1)
    final, skipped = order.finish()
    assert [r.verdict for r in final] == [Verdict.AC, Verdict.SK, Verdict.WA] and len(skipped) == 1


def test_a_test_that_finished_early_above_the_failure_is_skipped() -> None:
    order = ReportOrder(_tests(5), stops_early=True)
    assert order.add(_report(3)) == []  # held: tests 0..2 are not known yet
    assert _indices(order.add(_report(0))) == [0]
    assert order.add(_report(2, Verdict.RE)) == []  # held behind test 1
    assert not order.settled
    assert _indices(order.add(_report(1, Verdict.WA))) == [1]  # test 2 is above it now
    assert order.settled and order.first_failed == 1
    assert order.skips(2) and order.skips(4) and not order.skips(1)
    final, skipped = order.finish()
    assert [r.verdict for r in final] == [Verdict.AC, Verdict.WA] + [Verdict.SK] * 3
    assert _indices(skipped) == [2, 3, 4]


def test_in_order_arrival_matches_out_of_order_arrival() -> None:
    verdicts = [Verdict.AC, Verdict.AC, Verdict.TLE, Verdict.AC]
    results = []
    for arrival in ([0, 1, 2, 3], [3, 2, 1, 0], [1, 3, 0, 2]):
        order = ReportOrder(_tests(4), stops_early=True)
        released = []
        for index in arrival:
            released += _indices(order.add(_report(index, verdicts[index])))
        final, _ = order.finish()
        assert released == [0, 1, 2]
        results.append([r.verdict for r in final])
    assert (
        results[0] == results[1] == results[2] == [Verdict.AC, Verdict.AC, Verdict.TLE, Verdict.SK]
    )


def test_all_accepted_releases_everything_in_order() -> None:
    order = ReportOrder(_tests(3), stops_early=True)
    released = []
    for index in (2, 1, 0):
        released += _indices(order.add(_report(index)))
    assert released == [0, 1, 2] and not order.settled
    final, skipped = order.finish()
    assert skipped == [] and {r.verdict for r in final} == {Verdict.AC}
