"""The domain-event log: one row per fact other systems may consume (docs/events.md).

Appended in the transaction that makes the fact true, so an event exists exactly when
its fact does; with Redis the publisher copies unpublished rows to the event stream
(the table is the stream's outbox).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Index, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from storage.models.base import Base, UTCDateTime, utcnow

UNPUBLISHED = text("published_at IS NULL")


class DomainEvent(Base):
    __tablename__ = "domain_events"
    __table_args__ = (
        # The publisher's queue: only the rows still to publish, in id order.
        Index(
            "ix_domain_events_unpublished",
            "id",
            postgresql_where=UNPUBLISHED,
            sqlite_where=UNPUBLISHED,
        ),
        Index("ix_domain_events_user", "user_id", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    type: Mapped[str] = mapped_column(String(64))
    version: Mapped[int] = mapped_column(Integer)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # whose fact it is (no foreign key: the log outlives a deleted account's rows)
    user_id: Mapped[int | None] = mapped_column(Integer, nullable=True)
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
