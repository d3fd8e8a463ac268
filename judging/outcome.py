"""How one run ended: the shape every way of running a program reports in.

The sandbox, the unsandboxed development runner and the Judge0 client all produce a
RunOutcome, and the grader turns one into a verdict.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RunOutcome:
    """How one run ended and what it used.

    exit_code is None when the program died of a signal (then `signal` names it, e.g.
    "SIGSEGV"). cpu_ms covers the whole process tree; memory_kb is the peak resident set
    of the largest process. The flags say which limit stopped it, if any.
    """

    exit_code: int | None
    signal: str | None
    cpu_ms: int
    wall_ms: int
    memory_kb: int
    stdout: bytes
    stderr: bytes
    timed_out: bool = False
    output_exceeded: bool = False
    memory_exceeded: bool = False

    @property
    def ok(self) -> bool:
        """Exited 0 within every limit."""
        return self.exit_code == 0 and not (
            self.timed_out or self.output_exceeded or self.memory_exceeded
        )
