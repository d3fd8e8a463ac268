"""Practice-session history shapes (own sessions only)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from storage.models import PracticeSession, SessionSnapshot


class SessionQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: Literal["active", "paused", "submitted", "abandoned"] | None = None
    page: int = Field(1, ge=1, le=10_000)
    per_page: int = Field(20, ge=1, le=100)


class SessionOut(BaseModel):
    id: int
    problem_id: int
    problem_slug: str
    problem_title: str
    language: str
    code: dict[str, str]
    revision: int
    status: str
    time_spent: int
    submission_id: int | None
    created_at: datetime
    updated_at: datetime
    paused_at: datetime | None
    ended_at: datetime | None

    @classmethod
    def of(cls, row: PracticeSession, problem: tuple[str, str] = ("", "")) -> SessionOut:
        """`problem` is the (slug, title) pair of `row.problem_id`."""
        return cls(
            id=row.id,
            problem_id=row.problem_id,
            problem_slug=problem[0],
            problem_title=problem[1],
            language=row.language,
            code=dict(row.code),
            revision=row.revision,
            status=row.status,
            time_spent=row.time_spent_seconds,
            submission_id=row.submission_id,
            created_at=row.created_at,
            updated_at=row.updated_at,
            paused_at=row.paused_at,
            ended_at=row.ended_at,
        )


class SessionEnvelope(BaseModel):
    session: SessionOut


class SessionList(BaseModel):
    items: list[SessionOut]
    page: int
    per_page: int


class SnapshotOut(BaseModel):
    revision: int
    language: str
    code: str
    created_at: datetime

    @classmethod
    def of(cls, row: SessionSnapshot) -> SnapshotOut:
        return cls(
            revision=row.revision, language=row.language, code=row.code, created_at=row.created_at
        )


class SnapshotList(BaseModel):
    session_id: int
    items: list[SnapshotOut]
