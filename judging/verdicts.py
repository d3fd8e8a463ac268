"""Verdict codes, which one wins for a single run, and how a submission is summarised."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from enum import StrEnum


class Verdict(StrEnum):
    """What happened to one test (or a whole submission)."""

    AC = "AC"  # accepted
    WA = "WA"  # wrong answer
    TLE = "TLE"  # time limit exceeded (CPU or wall clock)
    MLE = "MLE"  # memory limit exceeded
    RE = "RE"  # runtime error: non-zero exit or fatal signal
    CE = "CE"  # compilation error (submission-level only)
    OLE = "OLE"  # output limit exceeded
    IE = "IE"  # internal error: our fault, never the user's
    SK = "SK"  # skipped: not run after an earlier test failed (test-level only)


DESCRIPTIONS: dict[Verdict, str] = {
    Verdict.AC: "Accepted",
    Verdict.WA: "Wrong answer",
    Verdict.TLE: "Time limit exceeded",
    Verdict.MLE: "Memory limit exceeded",
    Verdict.RE: "Runtime error",
    Verdict.CE: "Compilation error",
    Verdict.OLE: "Output limit exceeded",
    Verdict.IE: "Internal error",
    Verdict.SK: "Skipped",
}

# When one run trips several conditions, the first listed wins. As in DMOJ's
# result.py: a program killed for running too long usually also "crashed" (SIGKILL),
# and that crash is a consequence, not the cause, so limits outrank RE; WA only
# matters for a program that ran cleanly.
PRECEDENCE: tuple[Verdict, ...] = (
    Verdict.IE,
    Verdict.CE,
    Verdict.TLE,
    Verdict.MLE,
    Verdict.OLE,
    Verdict.RE,
    Verdict.WA,
    Verdict.AC,
    Verdict.SK,  # never a run's own flag; listed last so it can never win
)


def strongest(flags: Iterable[Verdict]) -> Verdict:
    """The verdict of one run given every condition it tripped (AC if none)."""
    present = set(flags)
    for verdict in PRECEDENCE:
        if verdict in present:
            return verdict
    return Verdict.AC


def summarize(verdicts: Sequence[Verdict]) -> Verdict:
    """A submission's verdict: the first failing test in test order, else AC.

    A skipped test (SK) is never a failure of its own: it only follows one.
    """
    for verdict in verdicts:
        if verdict not in (Verdict.AC, Verdict.SK):
            return verdict
    return Verdict.AC


def score(verdicts: Sequence[Verdict]) -> float:
    """Percentage of tests passed, 0..100 (0 when there are no tests; SK is not passed)."""
    if not verdicts:
        return 0.0
    passed = sum(1 for v in verdicts if v is Verdict.AC)
    return round(passed * 100.0 / len(verdicts), 2)


def run_verdict(
    *,
    exit_code: int | None,
    timed_out: bool,
    memory_exceeded: bool,
    output_exceeded: bool,
    stderr: bytes = b"",
    memory_errors: Sequence[str] = (),
) -> Verdict | None:
    """The verdict a run earns on its own, or None if it ran cleanly (check its output).

    memory_errors: the language's out-of-memory markers; a crash printing one is MLE
    (Python's MemoryError, Java's OutOfMemoryError, V8's heap limit).
    """
    flags: set[Verdict] = set()
    if timed_out:
        flags.add(Verdict.TLE)
    crashed = exit_code != 0
    if memory_exceeded or (crashed and any(m.encode() in stderr for m in memory_errors)):
        flags.add(Verdict.MLE)
    if output_exceeded:
        flags.add(Verdict.OLE)
    if crashed:
        flags.add(Verdict.RE)
    return strongest(flags) if flags else None
