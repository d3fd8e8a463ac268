"""Learner progress: per-problem status, per-user counters, daily activity, the daily
challenge, achievements and the notifications inbox.

Every row here is written in the transaction that stores a submit's result, so the
figures read by dashboards and leaderboards never drift from the submissions.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, UTCDateTime, utcnow

PROGRESS_STATUSES = ("attempted", "solved")


class ProblemProgress(Base):
    """One user's standing on one problem (practice, contest and pair submits alike)."""

    __tablename__ = "problem_progress"
    __table_args__ = (
        UniqueConstraint("user_id", "problem_id"),
        Index("ix_problem_progress_problem_status", "problem_id", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    problem_id: Mapped[int] = mapped_column(ForeignKey("problems.id", ondelete="CASCADE"))
    status: Mapped[str] = mapped_column(String(12), default="attempted")
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    best_score: Mapped[float] = mapped_column(default=0.0)
    xp_awarded: Mapped[int] = mapped_column(Integer, default=0)
    first_solved_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    last_attempted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class UserStats(Base):
    """Running counters per user, so totals and global boards are one indexed row read."""

    __tablename__ = "user_stats"
    __table_args__ = (
        Index("ix_user_stats_xp", "xp", "user_id"),
        Index("ix_user_stats_solved", "solved", "user_id"),
        Index("ix_user_stats_daily_solved", "daily_solved", "user_id"),
    )

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    xp: Mapped[int] = mapped_column(Integer, default=0)
    attempted: Mapped[int] = mapped_column(Integer, default=0)
    solved: Mapped[int] = mapped_column(Integer, default=0)
    submissions: Mapped[int] = mapped_column(Integer, default=0)
    accepted: Mapped[int] = mapped_column(Integer, default=0)
    daily_solved: Mapped[int] = mapped_column(Integer, default=0)
    current_streak: Mapped[int] = mapped_column(Integer, default=0)
    longest_streak: Mapped[int] = mapped_column(Integer, default=0)
    last_active_day: Mapped[str | None] = mapped_column(String(10), nullable=True)


class UserActivity(Base):
    """Submits, accepted submits and XP earned by one user on one UTC day ("YYYY-MM-DD")."""

    __tablename__ = "user_activity"
    __table_args__ = (Index("ix_user_activity_day", "day", "user_id"),)

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    submissions: Mapped[int] = mapped_column(Integer, default=0)
    accepted: Mapped[int] = mapped_column(Integer, default=0)
    xp: Mapped[int] = mapped_column(Integer, default=0)


class UserTopicSolved(Base):
    """Problems solved per user and topic, so a topic board is an index range, not a join."""

    __tablename__ = "user_topic_solved"
    __table_args__ = (Index("ix_user_topic_solved_board", "topic", "solved", "user_id"),)

    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    topic: Mapped[str] = mapped_column(String(64), primary_key=True)
    solved: Mapped[int] = mapped_column(Integer, default=0)


class DailyChallenge(Base):
    """The problem of one UTC day, stored when first asked so history never changes."""

    __tablename__ = "daily_challenges"

    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    problem_id: Mapped[int] = mapped_column(
        ForeignKey("problems.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class DailyChallengeSolve(Base):
    """A user solved the daily challenge on its own day (bonus XP paid once)."""

    __tablename__ = "daily_challenge_solves"

    day: Mapped[str] = mapped_column(String(10), primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    solved_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Achievement(Base):
    __tablename__ = "achievements"
    __table_args__ = (UniqueConstraint("user_id", "code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    code: Mapped[str] = mapped_column(String(80))
    earned_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Notification(Base):
    """A stored notification: the inbox a user reads after being offline."""

    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_user_id_id", "user_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(String(2000), default="")
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
