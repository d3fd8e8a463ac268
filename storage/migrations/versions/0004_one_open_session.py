"""at most one open (active or paused) practice session per user and problem

Two tabs opening the same problem at once could each create a session; the
partial unique index makes the second insert fail so it re-reads the first.
Existing duplicates are closed first: the most recently updated one stays open.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPEN = sa.text("status IN ('active', 'paused')")


def upgrade() -> None:
    op.execute(
        """
        UPDATE practice_sessions SET status = 'abandoned'
        WHERE status IN ('active', 'paused') AND EXISTS (
            SELECT 1 FROM practice_sessions AS newer
            WHERE newer.user_id = practice_sessions.user_id
              AND newer.problem_id = practice_sessions.problem_id
              AND newer.status IN ('active', 'paused')
              AND (newer.updated_at > practice_sessions.updated_at
                   OR (newer.updated_at = practice_sessions.updated_at
                       AND newer.id > practice_sessions.id))
        )
        """
    )
    op.create_index(
        "uq_practice_sessions_open",
        "practice_sessions",
        ["user_id", "problem_id"],
        unique=True,
        postgresql_where=OPEN,
        sqlite_where=OPEN,
    )


def downgrade() -> None:
    op.drop_index("uq_practice_sessions_open", table_name="practice_sessions")
