"""What a problem template is, and the pieces templates share.

A template turns (rng, difficulty) into a `Draft`: statement text,
reference solution *source*, optional brute force source, and test
inputs. It never computes expected outputs: the judge runs the reference
solution for that, so a template bug shows up as a reference/brute-force
disagreement during validation instead of as silently wrong answers.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from coach.models import Difficulty

NAMES = (
    "Alice",
    "Bogdan",
    "Chen",
    "Dana",
    "Emeka",
    "Fatima",
    "Goran",
    "Hana",
    "Ivan",
    "Jia",
    "Kofi",
    "Lena",
    "Mateo",
    "Nadia",
    "Omar",
    "Priya",
    "Quinn",
    "Rosa",
    "Sami",
    "Tariq",
    "Uma",
    "Viktor",
    "Wen",
    "Yara",
)

# Largest n per difficulty: easy allows O(n^2), medium and hard need n log n or better.
SIZES: dict[str, tuple[int, ...]] = {
    "easy": (1000, 2000),
    "medium": (50_000, 100_000),
    "hard": (100_000, 200_000),
}


@dataclass
class Draft:
    """A template's output before it is wrapped into a `GeneratedProblem`."""

    title: str
    statement: str
    constraints: str
    reference: str
    examples: list[str]
    small_inputs: list[str]
    large_inputs: list[str]
    hints: list[str]
    expected_complexity: str
    brute_force: str | None = None
    topics: list[str] = field(default_factory=list)
    time_limit_seconds: float = 2.0


@dataclass(frozen=True)
class Template:
    """A parameterised problem family.

    id: stable name, part of the seed so templates never share random streams.
    topics: topic tags used by `generate(topic, ...)`, normalised (lower-case, dashes).
    build: makes a `Draft` from a seeded random generator and a difficulty.
    """

    id: str
    topics: tuple[str, ...]
    build: Callable[[random.Random, Difficulty], Draft]
    summary: str = ""


def pick_size(rng: random.Random, difficulty: Difficulty) -> int:
    """The maximum n for this difficulty, drawn from the allowed sizes."""
    return rng.choice(SIZES[difficulty])


def power_text(value: int) -> str:
    """Write a bound the way statements do: 200000 -> "2·10^5", 1000 -> "1000"."""
    if value < 10_000:
        return str(value)
    exponent = len(str(value)) - 1
    mantissa, remainder = divmod(value, 10**exponent)
    if remainder:
        return f"{value}"
    return f"10^{exponent}" if mantissa == 1 else f"{mantissa}·10^{exponent}"


def join(values: list[int] | list[str]) -> str:
    """Space-separated values on one line."""
    return " ".join(map(str, values))


def lines(*rows: str) -> str:
    """Assemble an input text: rows joined by newlines, with a final newline."""
    return "\n".join(rows) + "\n"


def two_names(rng: random.Random) -> tuple[str, str]:
    first, second = rng.sample(NAMES, 2)
    return first, second


def section(title: str, text: str) -> str:
    return f"**{title}**\n\n{text.strip()}"


def statement(story: str, input_text: str, output_text: str, note: str = "") -> str:
    """Standard statement layout: story, Input, Output, optional Note."""
    parts = [story.strip(), section("Input", input_text), section("Output", output_text)]
    if note:
        parts.append(section("Note", note))
    return "\n\n".join(parts) + "\n"


def fill(source: str, **values: object) -> str:
    """Put parameters into solution source: `@NAME@` becomes str(values["NAME"]).

    Source texts contain braces (dicts, f-strings), so str.format is not an option.
    """
    for key, value in values.items():
        source = source.replace(f"@{key}@", str(value))
    leftover = re.search(r"@[A-Z_]+@", source)
    if leftover:
        raise ValueError(f"unfilled parameter {leftover.group()} in solution source")
    return source
