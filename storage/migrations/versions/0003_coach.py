"""coach sessions, messages and daily token usage

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import storage.models.base

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UTC = storage.models.base.UTCDateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "coach_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("mode", sa.String(length=16), nullable=False),
        sa.Column("problem_id", sa.Integer(), nullable=True),
        sa.Column("practice_session_id", sa.Integer(), nullable=True),
        sa.Column("interview_type", sa.String(length=16), nullable=True),
        sa.Column("company", sa.String(length=80), nullable=True),
        sa.Column("provider", sa.String(length=16), nullable=False),
        sa.Column("model", sa.String(length=80), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("state", sa.JSON(), nullable=False),
        sa.Column("feedback", sa.JSON(), nullable=True),
        sa.Column("tokens_used", sa.Integer(), nullable=False),
        sa.Column("ended_at", UTC, nullable=True),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("updated_at", UTC, nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name=op.f("fk_coach_sessions_user_id_users"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["problem_id"],
            ["problems.id"],
            name=op.f("fk_coach_sessions_problem_id_problems"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["practice_session_id"],
            ["practice_sessions.id"],
            name=op.f("fk_coach_sessions_practice_session_id_practice_sessions"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coach_sessions")),
    )
    with op.batch_alter_table("coach_sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_coach_sessions_user_id"), ["user_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_coach_sessions_problem_id"), ["problem_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_coach_sessions_status"), ["status"], unique=False)

    op.create_table(
        "coach_messages",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("content", sa.Text(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("metadata", sa.JSON(), nullable=False),
        sa.Column("created_at", UTC, nullable=False),
        sa.Column("updated_at", UTC, nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["coach_sessions.id"],
            name=op.f("fk_coach_messages_session_id_coach_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_coach_messages")),
    )
    with op.batch_alter_table("coach_messages", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_coach_messages_session_id"), ["session_id"], unique=False
        )

    op.create_table(
        "coach_usage",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.String(length=10), nullable=False),
        sa.Column("tokens", sa.Integer(), nullable=False),
        sa.Column("requests", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_coach_usage_user_id_users"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", "day", name=op.f("pk_coach_usage")),
    )


def downgrade() -> None:
    op.drop_table("coach_usage")
    with op.batch_alter_table("coach_messages", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_coach_messages_session_id"))
    op.drop_table("coach_messages")
    with op.batch_alter_table("coach_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_coach_sessions_status"))
        batch_op.drop_index(batch_op.f("ix_coach_sessions_problem_id"))
        batch_op.drop_index(batch_op.f("ix_coach_sessions_user_id"))
    op.drop_table("coach_sessions")
