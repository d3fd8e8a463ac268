"""system-design sessions: a drawn scene per user and design, its snapshots and review

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.models.base

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC = storage.models.base.UTCDateTime(timezone=True)
OPEN = sa.text("status IN ('active', 'paused')")


def upgrade() -> None:
    op.create_table(
        "design_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("design_slug", sa.String(length=80), nullable=False),
        sa.Column("scene", sa.JSON(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("content_hash", sa.String(length=64), nullable=False),
        sa.Column("time_spent_seconds", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("paused_at", UTC, nullable=True),
        sa.Column("ended_at", UTC, nullable=True),
        sa.Column("last_snapshot_at", UTC, nullable=True),
        sa.Column("evaluation", sa.JSON(), nullable=True),
        sa.Column("score", sa.Integer(), nullable=True),
        sa.Column("evaluated_by", sa.String(length=32), nullable=True),
        sa.Column("evaluated_at", UTC, nullable=True),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("updated_at", UTC, nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_design_sessions_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_design_sessions")),
    )
    op.create_index(op.f("ix_design_sessions_user_id"), "design_sessions", ["user_id"])
    op.create_index(op.f("ix_design_sessions_design_slug"), "design_sessions", ["design_slug"])
    op.create_index(op.f("ix_design_sessions_status"), "design_sessions", ["status"])
    op.create_index(
        "uq_design_sessions_open",
        "design_sessions",
        ["user_id", "design_slug"],
        unique=True,
        postgresql_where=OPEN,
        sqlite_where=OPEN,
    )
    op.create_table(
        "design_snapshots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.Column("scene", sa.JSON(), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["design_sessions.id"],
            name=op.f("fk_design_snapshots_session_id_design_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_design_snapshots")),
    )
    op.create_index(op.f("ix_design_snapshots_session_id"), "design_snapshots", ["session_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_design_snapshots_session_id"), table_name="design_snapshots")
    op.drop_table("design_snapshots")
    op.drop_index("uq_design_sessions_open", table_name="design_sessions")
    op.drop_index(op.f("ix_design_sessions_status"), table_name="design_sessions")
    op.drop_index(op.f("ix_design_sessions_design_slug"), table_name="design_sessions")
    op.drop_index(op.f("ix_design_sessions_user_id"), table_name="design_sessions")
    op.drop_table("design_sessions")
