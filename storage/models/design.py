"""System-design sessions (one learner drawing one design) and their playback snapshots."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, UTCDateTime, utcnow
from storage.models.practice import AutosavedSession


class DesignSession(AutosavedSession, Base):
    """A drawn Excalidraw scene with the autosave rules of a code session (revision, hash)."""

    __tablename__ = "design_sessions"
    __table_args__ = (
        Index(
            "uq_design_sessions_open",
            "user_id",
            "design_slug",
            unique=True,
            postgresql_where=text("status IN ('active', 'paused')"),
            sqlite_where=text("status IN ('active', 'paused')"),
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    design_slug: Mapped[str] = mapped_column(String(80), index=True)
    scene: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)  # elements, appState, files
    # the review, once submitted: {score, strengths, improvements, missing_components}
    evaluation: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)
    score: Mapped[int | None] = mapped_column(Integer, nullable=True)
    evaluated_by: Mapped[str | None] = mapped_column(String(32), nullable=True)
    evaluated_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class DesignSnapshot(Base):
    __tablename__ = "design_snapshots"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("design_sessions.id", ondelete="CASCADE"), index=True
    )
    revision: Mapped[int] = mapped_column(Integer)
    scene: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
