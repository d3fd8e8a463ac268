"""Execution and submission shapes. Stored per-test results are already redacted."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from realtime.sockets.payloads import MAX_CODE_CHARS, MAX_STDIN_CHARS
from storage.models import Submission


class ExecuteIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    problem: str | None = Field(None, max_length=80)
    language: str = Field(min_length=1, max_length=32)
    code: str = Field(min_length=1, max_length=MAX_CODE_CHARS)
    stdin: str | None = Field(None, max_length=MAX_STDIN_CHARS)


class SubmitIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    problem: str = Field(min_length=1, max_length=80)
    language: str = Field(min_length=1, max_length=32)
    code: str = Field(min_length=1, max_length=MAX_CODE_CHARS)


class WaitQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    wait: bool = False


class SubmissionQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    problem: str | None = Field(None, max_length=80)
    verdict: Literal["AC", "WA", "TLE", "MLE", "RE", "CE", "OLE", "IE"] | None = None
    mode: Literal["run", "submit"] | None = None
    page: int = Field(1, ge=1, le=10_000)
    per_page: int = Field(20, ge=1, le=100)


class SubmissionOut(BaseModel):
    id: int
    problem: str | None
    language: str
    mode: str
    status: str
    verdict: str | None
    score: float
    time_ms: int | None
    memory_kb: int | None
    compile_output: str | None
    tests: list[dict[str, Any]]
    code: str
    created_at: datetime
    finished_at: datetime | None
    # "beats x%" among accepted submits of the problem and language (accepted submits only)
    percentiles: dict[str, float] | None = None

    @classmethod
    def of(
        cls,
        row: Submission,
        problem_slug: str | None,
        percentiles: dict[str, float] | None = None,
    ) -> SubmissionOut:
        return cls(
            id=row.id,
            problem=problem_slug,
            language=row.language,
            mode=row.mode,
            status=row.status,
            verdict=row.verdict,
            score=row.score,
            time_ms=row.time_ms,
            memory_kb=row.memory_kb,
            compile_output=row.compile_output,
            tests=list(row.tests or []),
            code=row.code,
            created_at=row.created_at,
            finished_at=row.finished_at,
            percentiles=percentiles,
        )


class SubmissionEnvelope(BaseModel):
    submission: SubmissionOut


class SubmissionList(BaseModel):
    items: list[SubmissionOut]
    page: int
    per_page: int


class LanguageOut(BaseModel):
    id: str
    name: str
    available: bool
    version: str | None
    reason: str | None


class LanguageList(BaseModel):
    languages: list[LanguageOut]
