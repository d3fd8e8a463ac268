"""Coach shapes: Socket.IO payloads and REST models. Nothing here can carry hidden tests,
reference solutions or another user's data."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from coach.generation.request import GenerationRequest
from coach.generation.validate import ValidationReport
from coach.learning.plan import LearningPlan, PlannedProblem
from realtime.schemas.problems import ProblemOut
from storage.models import CoachMessage, CoachSession

MAX_RAW_QUESTION = 64 * 1024  # transport bound; the coach's own limit (4000) gives a clear error


class CoachPayload(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AiSessionStart(CoachPayload):
    mode: Literal["hint", "review", "interview"]
    problem: str | None = Field(None, min_length=1, max_length=80)
    session: int | None = Field(None, ge=1, description="a practice session to read code from")
    interview_type: Literal["technical", "behavioral", "system_design"] | None = None
    company: str | None = Field(None, max_length=80)


class AiQuestion(CoachPayload):
    session_id: int = Field(ge=1)
    content: str = Field(max_length=MAX_RAW_QUESTION)


class AiSessionRef(CoachPayload):
    session_id: int = Field(ge=1)


class AiGenerate(GenerationRequest):
    """`ai:generate`: the same body as POST /api/problems/generate."""


# ---------------------------------------------------------------- REST


class CoachSessionQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    mode: Literal["hint", "review", "interview"] | None = None
    status: Literal["active", "ended", "unscored"] | None = None
    page: int = Field(1, ge=1, le=10_000)
    per_page: int = Field(20, ge=1, le=100)


class CoachMessagesQuery(BaseModel):
    """Keyset paging of a session's messages: those after message id `after`."""

    model_config = ConfigDict(extra="forbid")

    after: int = Field(0, ge=0)
    limit: int = Field(100, ge=1, le=200)


class CoachMessageOut(BaseModel):
    id: int
    role: str
    content: str
    status: str
    metadata: dict[str, Any]
    created_at: datetime

    @classmethod
    def of(cls, row: CoachMessage) -> CoachMessageOut:
        return cls(
            id=row.id,
            role=row.role,
            content=row.content,
            status=row.status,
            metadata=dict(row.meta or {}),
            created_at=row.created_at,
        )


class InterviewFeedbackOut(BaseModel):
    score: int
    strengths: list[str]
    improvements: list[str]
    improvement_areas: list[str]


class CoachSessionOut(BaseModel):
    id: int
    mode: str
    problem: str | None
    interview_type: str | None
    company: str | None
    status: str
    provider: str
    model: str
    feedback: InterviewFeedbackOut | None
    tokens_used: int
    message_count: int
    created_at: datetime
    ended_at: datetime | None

    @classmethod
    def of(cls, row: CoachSession, slug: str | None, message_count: int) -> CoachSessionOut:
        return cls(
            id=row.id,
            mode=row.mode,
            problem=slug,
            interview_type=row.interview_type,
            company=row.company,
            status=row.status,
            provider=row.provider,
            model=row.model,
            feedback=InterviewFeedbackOut(**row.feedback) if row.feedback else None,
            tokens_used=row.tokens_used,
            message_count=message_count,
            created_at=row.created_at,
            ended_at=row.ended_at,
        )


class CoachSessionDetail(CoachSessionOut):
    messages: list[CoachMessageOut]
    next_after: int | None = None  # pass as `after` for the next page; None: no more


class CoachSessionEnvelope(BaseModel):
    session: CoachSessionDetail


class CoachSessionList(BaseModel):
    items: list[CoachSessionOut]
    page: int
    per_page: int


class LearningPathIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    hours_per_week: float = Field(5.0, ge=0.5, le=80)  # tiny values overflowed the weeks
    max_steps: int = Field(6, ge=1, le=20)
    problems_per_step: int = Field(3, ge=1, le=10)


class LearningPathOut(LearningPlan):
    provider: str


class RecommendedQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    limit: int = Field(5, ge=1, le=20)


class RecommendedOut(BaseModel):
    items: list[PlannedProblem]


class ValidationOut(BaseModel):
    tests: int
    examples: int
    corrected_examples: list[int]
    dropped_tests: int
    brute_force_checked: int
    generated_inputs: int
    reference_max_ms: int
    attempts: int

    @classmethod
    def of(cls, report: ValidationReport, attempts: int) -> ValidationOut:
        return cls(**vars(report), attempts=attempts)


class GeneratedOut(BaseModel):
    problem: ProblemOut
    validation: ValidationOut
