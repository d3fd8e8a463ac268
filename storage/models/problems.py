"""Problems, their labels, test cases and reference solutions."""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Boolean, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from storage.models.base import Base, Timestamped

DIFFICULTIES = ("easy", "medium", "hard")
VISIBILITIES = ("public", "private")
LABEL_KINDS = ("topic", "tag", "company")


class Problem(Timestamped, Base):
    __tablename__ = "problems"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True, index=True)
    title: Mapped[str] = mapped_column(String(200))
    statement: Mapped[str] = mapped_column(Text)
    difficulty: Mapped[str] = mapped_column(String(8), index=True)
    time_limit: Mapped[float] = mapped_column(Float, default=2.0)
    memory_limit: Mapped[int] = mapped_column(Integer, default=256)
    checker: Mapped[str] = mapped_column(String(16), default="tokens")
    checker_options: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # checker "custom": the checker program (hidden like the tests and references)
    checker_source: Mapped[str | None] = mapped_column(Text, nullable=True)
    checker_language: Mapped[str | None] = mapped_column(String(16), nullable=True)
    hints: Mapped[list[Any]] = mapped_column(JSON, default=list)
    starter_code: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    editorial: Mapped[str] = mapped_column(Text, default="")
    expected_complexity: Mapped[str] = mapped_column(String(64), default="")
    author_id: Mapped[int | None] = mapped_column(
        ForeignKey("users.id", ondelete="SET NULL"), nullable=True, index=True
    )
    visibility: Mapped[str] = mapped_column(String(16), default="public")
    source: Mapped[str] = mapped_column(String(16), default="author")  # bank | author | ai

    labels: Mapped[list[ProblemLabel]] = relationship(
        cascade="all, delete-orphan", lazy="selectin", order_by="ProblemLabel.id"
    )
    tests: Mapped[list[TestCase]] = relationship(
        cascade="all, delete-orphan", lazy="raise", order_by="TestCase.ordinal"
    )
    solutions: Mapped[list[ReferenceSolution]] = relationship(
        cascade="all, delete-orphan", lazy="raise"
    )

    def labels_of(self, kind: str) -> list[str]:
        return [label.value for label in self.labels if label.kind == kind]


class ProblemLabel(Base):
    """Topics, tags and companies as rows so filters work the same on SQLite and PostgreSQL."""

    __tablename__ = "problem_labels"
    __table_args__ = (UniqueConstraint("problem_id", "kind", "value"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    problem_id: Mapped[int] = mapped_column(
        ForeignKey("problems.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(String(64), index=True)


class TestCase(Base):
    __tablename__ = "test_cases"
    __test__ = False  # not a pytest class

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    problem_id: Mapped[int] = mapped_column(
        ForeignKey("problems.id", ondelete="CASCADE"), index=True
    )
    ordinal: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(64))
    input: Mapped[str] = mapped_column(Text)
    expected: Mapped[str] = mapped_column(Text)
    hidden: Mapped[bool] = mapped_column(Boolean, default=True)
    explanation: Mapped[str] = mapped_column(Text, default="")


class ReferenceSolution(Base):
    """Server-only: used to validate tests; never serialised to any client."""

    __tablename__ = "reference_solutions"
    __table_args__ = (UniqueConstraint("problem_id", "language"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    problem_id: Mapped[int] = mapped_column(
        ForeignKey("problems.id", ondelete="CASCADE"), index=True
    )
    language: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(Text)
