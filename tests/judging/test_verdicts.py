"""Verdict precedence, submission summary and score: pure functions."""

from __future__ import annotations

import pytest

from judging.verdicts import PRECEDENCE, Verdict, run_verdict, score, strongest, summarize

CODES = ("AC", "WA", "TLE", "MLE", "RE", "CE", "OLE", "IE")

AC, WA, TLE, MLE, RE, CE, OLE, IE = (Verdict(code) for code in CODES)


def test_every_code_has_a_precedence() -> None:
    assert set(PRECEDENCE) == set(Verdict)
    assert [str(v) for v in Verdict] == ["AC", "WA", "TLE", "MLE", "RE", "CE", "OLE", "IE", "SK"]
    assert PRECEDENCE[-1] is Verdict.SK  # a skipped test never wins


def test_skipped_tests_never_decide_a_submission() -> None:
    sk = Verdict.SK
    assert summarize([AC, TLE, sk, sk]) is TLE
    assert summarize([AC, sk, WA]) is WA
    assert summarize([AC, sk]) is AC  # never happens, but SK alone is not a verdict
    assert score([AC, WA, sk, sk]) == 25.0


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        ([], AC),
        ([WA], WA),
        ([RE, WA], RE),
        ([TLE, RE], TLE),  # killed for time: the SIGKILL is a consequence
        ([MLE, RE], MLE),
        ([OLE, RE], OLE),
        ([TLE, MLE], TLE),
        ([IE, TLE, WA], IE),
    ],
)
def test_strongest(flags: list[Verdict], expected: Verdict) -> None:
    assert strongest(flags) is expected


def test_summary_is_first_failure_in_test_order() -> None:
    assert summarize([AC, AC, AC]) is AC
    assert summarize([AC, WA, TLE]) is WA
    assert summarize([AC, TLE, WA]) is TLE
    assert summarize([]) is AC


def test_score() -> None:
    assert score([AC, AC, WA, TLE]) == 50.0
    assert score([AC, WA, WA]) == pytest.approx(33.33)
    assert score([AC]) == 100.0
    assert score([]) == 0.0


def test_run_verdict() -> None:
    clean = dict(exit_code=0, timed_out=False, memory_exceeded=False, output_exceeded=False)
    assert run_verdict(**clean) is None
    assert run_verdict(**{**clean, "exit_code": 1}) is RE
    assert run_verdict(**{**clean, "exit_code": None}) is RE  # killed by a signal
    assert run_verdict(**{**clean, "exit_code": None, "timed_out": True}) is TLE
    assert run_verdict(**{**clean, "exit_code": 0, "timed_out": True}) is TLE  # CPU over limit
    assert run_verdict(**{**clean, "output_exceeded": True}) is OLE
    oom = {**clean, "exit_code": 1, "stderr": b"Traceback...\nMemoryError\n"}
    assert run_verdict(**oom, memory_errors=("MemoryError",)) is MLE
    assert run_verdict(**oom) is RE
    # A marker in a clean run's stderr means nothing.
    assert (
        run_verdict(**{**clean, "stderr": b"MemoryError"}, memory_errors=("MemoryError",)) is None
    )
