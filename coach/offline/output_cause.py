"""What the output-pattern detectors return, and the line splitting they share."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Cause:
    """One recognised mistake pattern; `code` is stable, `message` is for people."""

    code: str
    message: str


def output_lines(text: str) -> list[str]:
    """Split into lines without inventing an empty last line for a final newline."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return lines
