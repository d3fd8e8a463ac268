"""Practice sessions (one learner on one problem) and their playback snapshots."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, Timestamped, UTCDateTime, utcnow

SESSION_STATUSES = ("active", "paused", "submitted", "abandoned")


class AutosavedSession(Timestamped):
    """What code and design sessions share: the autosave revision and hash, time spent,
    status and its times (storage/repositories/sessions.py holds the rules)."""

    revision: Mapped[int] = mapped_column(Integer, default=0)
    content_hash: Mapped[str] = mapped_column(String(64), default="")
    time_spent_seconds: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(16), default="active", index=True)
    paused_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_snapshot_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class PracticeSession(AutosavedSession, Base):
    __tablename__ = "practice_sessions"
    __table_args__ = (
        # One open session per user and problem, even with two tabs opening it at once.
        Index(
            "uq_practice_sessions_open",
            "user_id",
            "problem_id",
            unique=True,
            postgresql_where=text("status IN ('active', 'paused')"),
            sqlite_where=text("status IN ('active', 'paused')"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    problem_id: Mapped[int] = mapped_column(
        ForeignKey("problems.id", ondelete="CASCADE"), index=True
    )
    language: Mapped[str] = mapped_column(String(16))
    code: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # language -> source
    submission_id: Mapped[int | None] = mapped_column(Integer, nullable=True)


class SessionSnapshot(Base):
    __tablename__ = "session_snapshots"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("practice_sessions.id", ondelete="CASCADE"), index=True
    )
    revision: Mapped[int] = mapped_column(Integer)
    language: Mapped[str] = mapped_column(String(16))
    code: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
