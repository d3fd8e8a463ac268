"""at most one streaming coach reply per session

Two questions reaching two web processes at once could each start a reply; the
partial unique index makes the second insert fail, so it is refused as busy.
Older duplicates are marked `error` first: the newest streaming row stays.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

STREAMING = sa.text("status = 'streaming'")


def upgrade() -> None:
    op.execute(
        """
        UPDATE coach_messages SET status = 'error'
        WHERE status = 'streaming' AND EXISTS (
            SELECT 1 FROM coach_messages AS newer
            WHERE newer.session_id = coach_messages.session_id
              AND newer.status = 'streaming'
              AND newer.id > coach_messages.id
        )
        """
    )
    op.create_index(
        "uq_coach_messages_streaming",
        "coach_messages",
        ["session_id"],
        unique=True,
        postgresql_where=STREAMING,
        sqlite_where=STREAMING,
    )


def downgrade() -> None:
    op.drop_index("uq_coach_messages_streaming", table_name="coach_messages")
