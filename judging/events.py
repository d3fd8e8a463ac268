"""Progress events the pipeline hands to `on_event`, in order: compiled, test..., final.

The realtime layer maps them onto the wire (`code:progress` per test, `code:result` at
the end) with `as_payload()`; judging itself never knows about sockets.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from judging.results import JudgeResult, TestReport


@dataclass(frozen=True)
class Compiled:
    """The compile (or syntax-check) step finished; ok False means CE follows."""

    ok: bool
    message: str
    time_ms: int
    kind: Literal["compiled"] = "compiled"

    def as_payload(self) -> dict[str, Any]:
        return {"kind": self.kind, "ok": self.ok, "message": self.message, "time_ms": self.time_ms}


@dataclass(frozen=True)
class TestFinished:
    """One test finished (events arrive in completion order; `report.index` orders them)."""

    __test__ = False  # not a pytest class

    report: TestReport
    total: int
    kind: Literal["test"] = "test"

    def as_payload(self) -> dict[str, Any]:
        return {"kind": self.kind, "total": self.total, **self.report.as_payload()}


@dataclass(frozen=True)
class Finished:
    """The submission is judged."""

    result: JudgeResult
    kind: Literal["final"] = "final"

    def as_payload(self) -> dict[str, Any]:
        return {"kind": self.kind, **self.result.as_payload()}


Event = Compiled | TestFinished | Finished
