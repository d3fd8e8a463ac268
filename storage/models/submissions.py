"""Judged code: runs and submissions with their per-test results."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, UTCDateTime, utcnow

MODES = ("run", "submit")
STATUSES = ("queued", "running", "done")


class Submission(Base):
    __tablename__ = "submissions"
    __table_args__ = (
        # "beats x%": accepted submissions of one problem and language by runtime / memory.
        Index(
            "ix_submissions_percentile_time", "problem_id", "language", "mode", "verdict", "time_ms"
        ),
        Index(
            "ix_submissions_percentile_memory",
            "problem_id",
            "language",
            "mode",
            "verdict",
            "memory_kb",
        ),
        # a user's recent submissions, newest first
        Index("ix_submissions_user_recent", "user_id", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    problem_id: Mapped[int | None] = mapped_column(
        ForeignKey("problems.id", ondelete="SET NULL"), nullable=True, index=True
    )
    session_id: Mapped[int | None] = mapped_column(Integer, nullable=True, index=True)
    room_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    language: Mapped[str] = mapped_column(String(16))
    code: Mapped[str] = mapped_column(Text)
    stdin: Mapped[str | None] = mapped_column(Text, nullable=True)
    mode: Mapped[str] = mapped_column(String(8))
    status: Mapped[str] = mapped_column(String(8), default="queued")
    verdict: Mapped[str | None] = mapped_column(String(4), nullable=True, index=True)
    score: Mapped[float] = mapped_column(default=0.0)
    tests: Mapped[list[Any]] = mapped_column(JSON, default=list)
    compile_output: Mapped[str | None] = mapped_column(Text, nullable=True)
    time_ms: Mapped[int | None] = mapped_column(Integer, nullable=True)
    memory_kb: Mapped[int | None] = mapped_column(Integer, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
