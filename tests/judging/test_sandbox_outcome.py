"""How a run without a launcher report is read: the program's doing, or our fault (pure)."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from judging.cgroups import CgroupUsage
from judging.errors import SandboxError
from judging.sandbox import _outcome
from judging.sandbox_policy import Limits
from judging.sandbox_process import RunOutcomeParts


def _parts(*, killed: bool = False) -> RunOutcomeParts:
    # What the two pipe captures hold once the run is over: nothing, under their caps.
    empty: Any = SimpleNamespace(data=bytearray(), exceeded=False)
    # bwrap started the launcher, which died by SIGKILL (137) before writing a report.
    status = b'{"exit-code": 137}\n'
    return RunOutcomeParts(
        None, status, 137, empty, empty, 1100, killed=killed, killed_for_time=killed
    )


def test_launcher_taken_by_the_oom_killer_is_a_memory_verdict() -> None:
    usage = CgroupUsage(oom_killed=True, peak_bytes=64 * 1024 * 1024)
    outcome = _outcome(_parts(), Limits(), usage, ("./main",))
    assert outcome.memory_exceeded
    assert outcome.signal == "SIGKILL"
    assert outcome.memory_kb == 64 * 1024


def test_launcher_lost_without_oom_or_our_kill_is_an_internal_error() -> None:
    usage = CgroupUsage(oom_killed=False, peak_bytes=1024)
    with pytest.raises(SandboxError, match="launcher failed"):
        _outcome(_parts(), Limits(), usage, ("./main",))


def test_run_we_killed_for_time_is_timed_out() -> None:
    outcome = _outcome(_parts(killed=True), Limits(), None, ("./main",))
    assert outcome.timed_out and not outcome.memory_exceeded
