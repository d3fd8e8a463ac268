"""What a user asks for when generating a problem, and the limits a draft is held to."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from coach.models import Difficulty

SkillLevel = Literal["beginner", "intermediate", "advanced"]
# One focus area or avoided topic: a few words, which is all a prompt needs.
Phrase = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64)]


class GenerationRequest(BaseModel):
    """topic: e.g. "arrays" or "dynamic programming"; focus_areas / avoid_topics steer it.

    seed: optional, makes the offline generator reproducible (random when omitted).
    """

    model_config = ConfigDict(extra="forbid")

    topic: str = Field(min_length=1, max_length=64)
    difficulty: Difficulty = "medium"
    skill_level: SkillLevel = "intermediate"
    focus_areas: list[Phrase] = Field(default_factory=list, max_length=5)
    avoid_topics: list[Phrase] = Field(default_factory=list, max_length=10)
    seed: int | None = Field(None, ge=0, le=2**31)


@dataclass(frozen=True)
class Limits:
    """Caps that keep validation fast and stored problems small.

    max_tests: tests kept (examples included). max_input_bytes / max_total_bytes:
    per test input and all inputs together. brute_tests: small tests the brute
    force is run on. generated_tests: inputs asked from a model's generator.
    attempts: drafts tried before giving up. min_tests: fewer valid tests is a reject.
    """

    max_tests: int = 14
    max_large_tests: int = 3
    max_input_bytes: int = 128 * 1024
    max_total_bytes: int = 512 * 1024
    brute_tests: int = 8
    generated_tests: int = 6
    attempts: int = 3
    min_tests: int = 3
    max_examples: int = 4
    min_time_limit: float = 0.5
    max_time_limit: float = 10.0
