"""Load problem packages (the folder format) into the database."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.ext.asyncio import AsyncSession

from storage.errors import NotFound
from storage.problem_package import ProblemPackage, iter_bank, load_package
from storage.repositories import problems as problem_repo

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ImportReport:
    created: int
    updated: int


def draft_from_package(package: ProblemPackage) -> problem_repo.ProblemDraft:
    return problem_repo.ProblemDraft(
        slug=package.slug,
        fields={
            "title": package.title,
            "statement": package.statement,
            "difficulty": package.difficulty,
            "time_limit": package.time_limit,
            "memory_limit": package.memory_limit,
            "checker": package.checker,
            "checker_options": dict(package.checker_options),
            "checker_source": package.checker_source,
            "checker_language": package.checker_language,
            "hints": list(package.hints),
            "starter_code": dict(package.starter),
            "editorial": package.editorial,
            "expected_complexity": package.expected_complexity,
            "visibility": "public",
        },
        topics=package.topics,
        tags=package.tags,
        companies=package.companies,
        tests=[
            problem_repo.TestData(
                name=t.name,
                input=t.input.decode(),
                expected=t.expected.decode(),
                hidden=t.hidden,
            )
            for t in package.tests
        ],
        solutions=dict(package.solutions),
    )


async def import_packages(
    session: AsyncSession, packages: Iterable[ProblemPackage], *, source: str = "bank"
) -> ImportReport:
    """Create or replace each package's problem by slug (idempotent)."""
    created = updated = 0
    for package in packages:
        draft = draft_from_package(package)
        try:
            existing = await problem_repo.get_problem(session, package.slug)
        except NotFound:
            await problem_repo.create_problem(session, draft, author_id=None, source=source)
            created += 1
        else:
            await problem_repo.update_problem(session, existing, draft)
            updated += 1
    return ImportReport(created, updated)


def packages_in(path: Path) -> list[ProblemPackage]:
    """One package folder, or a folder of package folders."""
    if (path / "problem.toml").exists():
        return [load_package(path)]
    return list(iter_bank(path))
