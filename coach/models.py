"""Pydantic models at the AI boundary.

Every coach backend (offline, OpenAI, Gemini) reads a `CoachContext` and
produces text, `InterviewFeedback`, `DesignEvaluation` or `GeneratedProblem`; validating both
directions here keeps a misbehaving model from leaking malformed data into
the rest of the service.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Difficulty = Literal["easy", "medium", "hard"]
CoachMode = Literal["hint", "review", "interview"]


class InterviewFeedback(BaseModel):
    """Scored summary of one interview, shown to the user when it ends."""

    model_config = ConfigDict(extra="forbid")

    score: int = Field(ge=0, le=10)
    strengths: list[str] = Field(default_factory=list)
    improvements: list[str] = Field(default_factory=list)
    improvement_areas: list[str] = Field(default_factory=list)


class DesignEvaluation(BaseModel):
    """The review of a submitted system-design scene (offline rubric or a model)."""

    model_config = ConfigDict(extra="forbid")

    score: int = Field(ge=0, le=100)
    strengths: list[str] = Field(default_factory=list, max_length=20)
    improvements: list[str] = Field(default_factory=list, max_length=20)
    missing_components: list[str] = Field(default_factory=list, max_length=20)


class Example(BaseModel):
    """One worked example of a generated problem.

    `output` may be left empty by a generator that must not compute answers
    itself (the offline templates); the judge fills it by running the
    reference solution on `input`.
    """

    model_config = ConfigDict(extra="forbid")

    input: str
    output: str | None = None
    explanation: str | None = None


class SourceCode(BaseModel):
    """A program as source text plus the judge language id that runs it."""

    model_config = ConfigDict(extra="forbid")

    language: str = "python"
    source: str


class GeneratedProblem(BaseModel):
    """A problem produced by a generator, before the judge validates it.

    `test_inputs` holds complete stdin texts; expected outputs are produced
    later by running `reference_solution`. The first `small_test_count`
    inputs are small enough for `brute_force_solution`, so the judge can
    cross-check the two before publishing the problem.
    """

    model_config = ConfigDict(extra="forbid")

    title: str
    statement: str
    difficulty: Difficulty
    topics: list[str] = Field(default_factory=list)
    constraints: str = ""
    examples: list[Example] = Field(default_factory=list)
    reference_solution: SourceCode
    brute_force_solution: SourceCode | None = None
    test_inputs: list[str] = Field(default_factory=list)
    small_test_count: int = Field(default=0, ge=0)
    generator_source: str | None = None
    hints: list[str] = Field(default_factory=list)
    expected_complexity: str = ""
    time_limit_seconds: float = Field(default=2.0, gt=0)
    template: str | None = None
    seed: int | None = None


class VisibleTestResult(BaseModel):
    """The outcome of one *visible* test, as the user already saw it."""

    model_config = ConfigDict(extra="forbid")

    name: str = ""
    verdict: str = ""
    input: str = ""
    expected: str = ""
    actual: str = ""
    stderr: str = ""
    exit_code: int | None = None
    signal: int | str | None = None


class CoachContext(BaseModel):
    """Everything a coach may see about the user's attempt.

    Deliberately has no place for hidden tests, reference solutions or
    other users' code: `extra="forbid"` turns an attempt to pass them into a
    validation error instead of a leak through an AI prompt.
    """

    model_config = ConfigDict(extra="forbid")

    problem_title: str = ""
    problem_statement: str = ""
    hints: list[str] = Field(default_factory=list)
    constraints: str = ""
    time_limit_seconds: float = Field(default=2.0, gt=0)
    code: str = ""
    language: str = "python"
    tests: list[VisibleTestResult] = Field(default_factory=list)
    solved: bool = False
