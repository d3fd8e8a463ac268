"""Reading a problem's tests from a folder of NAME.in / NAME.out pairs."""

from __future__ import annotations

import re
from pathlib import Path

from judging.request import TestCase


def _natural_key(name: str) -> list[int | str]:
    """'2' before '10': test folders are numbered without padding as often as with."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def read_tests_dir(directory: str | Path, *, hidden: bool = False) -> list[TestCase]:
    """Every NAME.in with its NAME.out in `directory`, in natural name order.

    An .in without .out becomes a run-only test (expected None); a stray .out is an
    error, since it usually means a misnamed input.
    """
    folder = Path(directory)
    inputs = {p.stem: p for p in folder.glob("*.in") if p.is_file()}
    outputs = {p.stem: p for p in folder.glob("*.out") if p.is_file()}
    stray = sorted(set(outputs) - set(inputs))
    if stray:
        raise ValueError(f"{folder}: .out files without .in: {', '.join(stray)}")
    tests = []
    for name in sorted(inputs, key=_natural_key):
        expected = outputs[name].read_bytes() if name in outputs else None
        tests.append(TestCase(name, inputs[name].read_bytes(), expected, hidden))
    return tests
