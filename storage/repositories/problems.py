"""Problems: listing with filters, visibility, authoring, and bank import."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from sqlalchemy import Select, delete, func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.errors import Conflict, NotFound
from storage.models import Problem, ProblemLabel, ReferenceSolution, TestCase

PROBLEM_FIELDS = (
    "title",
    "statement",
    "difficulty",
    "time_limit",
    "memory_limit",
    "checker",
    "checker_options",
    "checker_source",
    "checker_language",
    "hints",
    "starter_code",
    "editorial",
    "expected_complexity",
    "visibility",
)


@dataclass(frozen=True)
class Viewer:
    """Who is asking: decides which private problems are visible."""

    user_id: int | None = None
    role: str = "anonymous"

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


@dataclass(frozen=True)
class TestData:
    __test__ = False

    name: str
    input: str
    expected: str
    hidden: bool
    explanation: str = ""


class TestSpec(Protocol):
    """A test as REST bodies and generated problems describe it."""

    input: str
    output: str
    hidden: bool
    explanation: str


def numbered_tests(tests: Iterable[TestSpec]) -> list[TestData]:
    """Stored tests named 01, 02, ... in the given order."""
    return [
        TestData(f"{i + 1:02d}", t.input, t.output, t.hidden, t.explanation)
        for i, t in enumerate(tests)
    ]


@dataclass
class ProblemDraft:
    """Everything needed to create or replace a problem; built by REST, the bank or AI."""

    slug: str
    fields: dict[str, Any]
    topics: Sequence[str] = ()
    tags: Sequence[str] = ()
    companies: Sequence[str] = ()
    tests: Sequence[TestData] | None = None
    solutions: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ProblemFilter:
    difficulty: str | None = None
    topic: str | None = None
    tag: str | None = None
    company: str | None = None
    q: str | None = None
    page: int = 1
    per_page: int = 20


def _visible_to(stmt: Select[Any], viewer: Viewer) -> Select[Any]:
    if viewer.is_admin:
        return stmt
    if viewer.user_id is None:
        return stmt.where(Problem.visibility == "public")
    return stmt.where(or_(Problem.visibility == "public", Problem.author_id == viewer.user_id))


def _has_label(kind: str, value: str) -> Any:
    return (
        select(ProblemLabel.id)
        .where(
            ProblemLabel.problem_id == Problem.id,
            ProblemLabel.kind == kind,
            ProblemLabel.value == value.lower(),
        )
        .exists()
    )


async def list_problems(
    session: AsyncSession, viewer: Viewer, flt: ProblemFilter
) -> tuple[list[Problem], int]:
    stmt = _visible_to(select(Problem), viewer)
    if flt.difficulty:
        stmt = stmt.where(Problem.difficulty == flt.difficulty)
    for kind, value in (("topic", flt.topic), ("tag", flt.tag), ("company", flt.company)):
        if value:
            stmt = stmt.where(_has_label(kind, value))
    if flt.q:
        pattern = "%" + flt.q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        stmt = stmt.where(
            or_(
                Problem.title.ilike(pattern, escape="\\"),
                Problem.statement.ilike(pattern, escape="\\"),
            )
        )
    total = int(await session.scalar(select(func.count()).select_from(stmt.subquery())) or 0)
    rows = await session.scalars(
        stmt.order_by(Problem.id).offset((flt.page - 1) * flt.per_page).limit(flt.per_page)
    )
    return list(rows), total


async def get_problem(session: AsyncSession, slug: str, viewer: Viewer | None = None) -> Problem:
    """The problem if it exists and `viewer` may see it (None: the server itself)."""
    stmt = select(Problem).where(Problem.slug == slug)
    if viewer is not None:
        stmt = _visible_to(stmt, viewer)
    problem = await session.scalar(stmt)
    if problem is None:
        raise NotFound(f"problem '{slug}' not found")
    return problem


async def get_visible_by_id(session: AsyncSession, problem_id: int, viewer: Viewer) -> Problem:
    """By id, if `viewer` may (still) see it."""
    problem = await session.scalar(
        _visible_to(select(Problem).where(Problem.id == problem_id), viewer)
    )
    if problem is None:
        raise NotFound("problem not found")
    return problem


async def get_problem_by_id(session: AsyncSession, problem_id: int) -> Problem:
    problem = await session.get(Problem, problem_id)
    if problem is None:
        raise NotFound("problem not found")
    return problem


async def get_tests(
    session: AsyncSession, problem_id: int, *, include_hidden: bool
) -> list[TestCase]:
    stmt = select(TestCase).where(TestCase.problem_id == problem_id)
    if not include_hidden:
        stmt = stmt.where(TestCase.hidden.is_(False))
    return list(await session.scalars(stmt.order_by(TestCase.ordinal)))


async def get_solutions(session: AsyncSession, problem_id: int) -> dict[str, str]:
    rows = await session.scalars(
        select(ReferenceSolution).where(ReferenceSolution.problem_id == problem_id)
    )
    return {row.language: row.source for row in rows}


async def slugs_in(session: AsyncSession, slugs: Sequence[str]) -> set[str]:
    rows = await session.scalars(select(Problem.slug).where(Problem.slug.in_(list(slugs))))
    return set(rows)


def _set_labels(problem: Problem, draft: ProblemDraft) -> None:
    wanted = {
        (kind, value.lower())
        for kind, values in (
            ("topic", draft.topics),
            ("tag", draft.tags),
            ("company", draft.companies),
        )
        for value in values
    }
    # Keep rows that stay: the unit of work inserts before it deletes, so
    # re-adding an identical label would trip the unique constraint.
    kept = [label for label in problem.labels if (label.kind, label.value) in wanted]
    have = {(label.kind, label.value) for label in kept}
    problem.labels = kept + [ProblemLabel(kind=k, value=v) for k, v in sorted(wanted - have)]


async def _replace_children(session: AsyncSession, problem: Problem, draft: ProblemDraft) -> None:
    if draft.tests is not None:
        await session.execute(delete(TestCase).where(TestCase.problem_id == problem.id))
        for ordinal, test in enumerate(draft.tests):
            session.add(
                TestCase(
                    problem_id=problem.id,
                    ordinal=ordinal,
                    name=test.name,
                    input=test.input,
                    expected=test.expected,
                    hidden=test.hidden,
                    explanation=test.explanation,
                )
            )
    if draft.solutions:
        await session.execute(
            delete(ReferenceSolution).where(ReferenceSolution.problem_id == problem.id)
        )
        for language, source in sorted(draft.solutions.items()):
            session.add(ReferenceSolution(problem_id=problem.id, language=language, source=source))


async def create_problem(
    session: AsyncSession, draft: ProblemDraft, *, author_id: int | None, source: str = "author"
) -> Problem:
    if await session.scalar(select(Problem.id).where(Problem.slug == draft.slug)) is not None:
        raise Conflict(f"a problem with slug '{draft.slug}' already exists")
    problem = Problem(slug=draft.slug, author_id=author_id, source=source)
    for name in PROBLEM_FIELDS:
        if name in draft.fields:
            setattr(problem, name, draft.fields[name])
    _set_labels(problem, draft)
    session.add(problem)
    await session.flush()
    await _replace_children(session, problem, draft)
    await session.flush()
    return problem


async def update_problem(session: AsyncSession, problem: Problem, draft: ProblemDraft) -> Problem:
    for name in PROBLEM_FIELDS:
        if name in draft.fields:
            setattr(problem, name, draft.fields[name])
    if draft.topics or draft.tags or draft.companies:
        _set_labels(problem, draft)
    await _replace_children(session, problem, draft)
    await session.flush()
    return problem


async def delete_problem(session: AsyncSession, problem: Problem) -> None:
    await session.delete(problem)
    await session.flush()


async def count_problems(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count(Problem.id))) or 0)
