"""Progress over content (modules, companies): solved problems, items done, topic totals."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import ModuleItemDone, Problem, ProblemLabel, Submission

ACCEPTED = "AC"


@dataclass(frozen=True)
class TopicProgress:
    topic: str
    total: int
    solved: int
    failed_submissions: int


@dataclass(frozen=True)
class ProblemRef:
    slug: str
    title: str
    difficulty: str


def _solved_problem_ids(user_id: int):  # type: ignore[no-untyped-def]
    return (
        select(Submission.problem_id)
        .where(
            Submission.user_id == user_id,
            Submission.mode == "submit",
            Submission.verdict == ACCEPTED,
        )
        .distinct()
    )


async def solved_slugs(session: AsyncSession, user_id: int, slugs: Iterable[str]) -> set[str]:
    """Which of these problems the user has an accepted submission for."""
    wanted = sorted(set(slugs))
    if not wanted:
        return set()
    rows = await session.scalars(
        select(Problem.slug).where(
            Problem.slug.in_(wanted), Problem.id.in_(_solved_problem_ids(user_id))
        )
    )
    return set(rows)


async def problem_refs(session: AsyncSession, slugs: Iterable[str]) -> dict[str, ProblemRef]:
    """Title and difficulty of the problems present in the database (by slug)."""
    wanted = sorted(set(slugs))
    if not wanted:
        return {}
    rows = await session.execute(
        select(Problem.slug, Problem.title, Problem.difficulty).where(Problem.slug.in_(wanted))
    )
    return {slug: ProblemRef(slug, title, difficulty) for slug, title, difficulty in rows}


async def marked_items(
    session: AsyncSession, user_id: int, module_slug: str | None = None
) -> set[tuple[str, str]]:
    """(module slug, item id) pairs the user marked done."""
    stmt = select(ModuleItemDone.module_slug, ModuleItemDone.item_id).where(
        ModuleItemDone.user_id == user_id
    )
    if module_slug is not None:
        stmt = stmt.where(ModuleItemDone.module_slug == module_slug)
    return {(m, i) for m, i in await session.execute(stmt)}


async def mark_item(session: AsyncSession, user_id: int, module_slug: str, item_id: str) -> None:
    """Mark an item done; marking it again (or twice at once) changes nothing."""
    exists = await session.scalar(
        select(ModuleItemDone.id).where(
            ModuleItemDone.user_id == user_id,
            ModuleItemDone.module_slug == module_slug,
            ModuleItemDone.item_id == item_id,
        )
    )
    if exists is not None:
        return
    try:
        async with session.begin_nested():
            session.add(ModuleItemDone(user_id=user_id, module_slug=module_slug, item_id=item_id))
    except IntegrityError:
        return


async def topic_progress(
    session: AsyncSession, user_id: int, slugs: Iterable[str]
) -> list[TopicProgress]:
    """Per topic of these problems: how many, how many solved, failed submissions (SQL)."""
    wanted = sorted(set(slugs))
    if not wanted:
        return []
    failed = (
        select(Submission.problem_id, func.count(Submission.id).label("failed"))
        .where(
            Submission.user_id == user_id,
            Submission.mode == "submit",
            Submission.status == "done",
            Submission.verdict != ACCEPTED,
        )
        .group_by(Submission.problem_id)
        .subquery()
    )
    solved = _solved_problem_ids(user_id)
    stmt = (
        select(
            ProblemLabel.value,
            func.count(func.distinct(Problem.id)),
            func.count(func.distinct(case((Problem.id.in_(solved), Problem.id)))),
            func.coalesce(func.sum(failed.c.failed), 0),
        )
        .join(ProblemLabel, ProblemLabel.problem_id == Problem.id)
        .outerjoin(failed, failed.c.problem_id == Problem.id)
        .where(Problem.slug.in_(wanted), ProblemLabel.kind == "topic")
        .group_by(ProblemLabel.value)
        .order_by(ProblemLabel.value)
    )
    return [
        TopicProgress(topic, int(total), int(done), int(fails))
        for topic, total, done, fails in await session.execute(stmt)
    ]
