"""The shape of one explanation rule."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    """How to explain one error class.

    language: "python", "java", "javascript", "native" (C and C++) or "*".
    pattern: a regex the message must contain, or None for any message.
    """

    language: str
    error_type: str
    pattern: str | None
    meaning: str
    causes: tuple[str, ...]
    next_step: str


PRINT_BEFORE = (
    "Print the index and the length just before {line} to see which access is out of range."
)
