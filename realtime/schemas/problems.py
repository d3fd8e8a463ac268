"""Problem shapes. Hidden tests and reference solutions are write-only: no output model has them."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from storage.display_names import clean_name
from storage.languages import LanguageId
from storage.models import Problem, TestCase

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
Difficulty = Literal["easy", "medium", "hard"]
CheckerKind = Literal["exact", "tokens", "float", "custom"]
CheckerLanguage = Literal["python", "javascript", "c", "cpp"]
Label = str

MAX_TEST_BYTES = 512 * 1024


class ProblemQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    difficulty: Difficulty | None = None
    topic: str | None = Field(None, max_length=64)
    tag: str | None = Field(None, max_length=64)
    company: str | None = Field(None, max_length=64)
    q: str | None = Field(None, min_length=1, max_length=100)
    page: int = Field(1, ge=1, le=10_000)
    per_page: int = Field(20, ge=1, le=100)


class Example(BaseModel):
    name: str
    input: str
    output: str
    explanation: str = ""


class ProblemSummary(BaseModel):
    slug: str
    title: str
    difficulty: str
    topics: list[str]
    tags: list[str]
    companies: list[str]
    source: str
    visibility: str

    @classmethod
    def of(cls, p: Problem) -> ProblemSummary:
        return cls(
            slug=p.slug,
            title=p.title,
            difficulty=p.difficulty,
            topics=p.labels_of("topic"),
            tags=p.labels_of("tag"),
            companies=p.labels_of("company"),
            source=p.source,
            visibility=p.visibility,
        )


class ProblemPage(BaseModel):
    items: list[ProblemSummary]
    total: int
    page: int
    per_page: int


class ProblemOut(ProblemSummary):
    statement: str
    time_limit: float
    memory_limit: int
    checker: str
    hints: list[str]
    starter_code: dict[str, str]
    expected_complexity: str
    examples: list[Example]
    author_id: int | None
    created_at: datetime
    updated_at: datetime

    @classmethod
    def with_examples(cls, p: Problem, visible: list[TestCase]) -> ProblemOut:
        return cls(
            **ProblemSummary.of(p).model_dump(),
            statement=p.statement,
            time_limit=p.time_limit,
            memory_limit=p.memory_limit,
            checker=p.checker,
            hints=list(p.hints or []),
            starter_code=dict(p.starter_code or {}),
            expected_complexity=p.expected_complexity,
            examples=[
                Example(name=t.name, input=t.input, output=t.expected, explanation=t.explanation)
                for t in visible
                if not t.hidden
            ],
            author_id=p.author_id,
            created_at=p.created_at,
            updated_at=p.updated_at,
        )


class ProblemEnvelope(BaseModel):
    problem: ProblemOut


class TestIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    __test__ = False

    input: str = Field(max_length=MAX_TEST_BYTES)
    output: str = Field(max_length=MAX_TEST_BYTES)
    hidden: bool = True
    explanation: str = Field("", max_length=2000)


class CheckerProgramIn(BaseModel):
    """A custom checker (testlib style): argv is input, contestant output, expected answer;
    exit 0 accepts, 1 or 2 reject, anything else is a broken checker (IE). Write-only."""

    model_config = ConfigDict(extra="forbid")

    language: CheckerLanguage
    source: str = Field(min_length=1, max_length=64 * 1024)


class ProblemWrite(BaseModel):
    """Body of POST (all required fields) and PUT (a full replacement) of a problem."""

    model_config = ConfigDict(extra="forbid")

    slug: str = Field(pattern=SLUG_PATTERN, min_length=3, max_length=80)
    title: str = Field(min_length=3, max_length=200)
    statement: str = Field(min_length=10, max_length=50_000)
    difficulty: Difficulty
    topics: list[Label] = Field(default_factory=list, max_length=10)
    tags: list[Label] = Field(default_factory=list, max_length=20)
    companies: list[Label] = Field(default_factory=list, max_length=20)
    time_limit: float = Field(2.0, gt=0, le=10)
    memory_limit: int = Field(256, ge=16, le=1024)
    checker: CheckerKind = "tokens"
    float_tolerance: float | None = Field(None, gt=0, lt=1)
    checker_program: CheckerProgramIn | None = None
    hints: list[str] = Field(default_factory=list, max_length=10)
    starter_code: dict[LanguageId, str] = Field(default_factory=dict)
    editorial: str = Field("", max_length=50_000)
    expected_complexity: str = Field("", max_length=64)
    visibility: Literal["public", "private"] = "private"
    tests: list[TestIn] = Field(min_length=1, max_length=200)
    reference_solutions: dict[LanguageId, str] = Field(default_factory=dict)

    @field_validator("title")
    @classmethod
    def _clean_title(cls, value: str) -> str:
        """Titles are shown beside other users' names: the same rules as display names."""
        return clean_name(value, max_length=200)

    @model_validator(mode="after")
    def _one_visible(self) -> ProblemWrite:
        if not any(not t.hidden for t in self.tests):
            raise ValueError("at least one test must be visible (hidden=false): it is the example")
        if (self.checker == "custom") != (self.checker_program is not None):
            raise ValueError("checker_program is required with checker='custom', and only then")
        for label in [*self.topics, *self.tags, *self.companies]:
            if not 0 < len(label) <= 64:
                raise ValueError("labels must be 1-64 characters")
        return self
