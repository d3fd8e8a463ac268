"""Store a validated problem: private to its requester, source "ai", outputs from the judge."""

from __future__ import annotations

import re
import secrets

from sqlalchemy.ext.asyncio import AsyncSession

from coach.generation.validate import ValidatedProblem
from coach.offline.templates import normalize_topic
from storage.models import Problem
from storage.repositories import problems as problem_repo

MAX_TOPICS = 5


def slug_for(title: str) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60].strip("-") or "problem"
    return f"{base}-{secrets.token_hex(3)}"


def statement_with_constraints(statement: str, constraints: str) -> str:
    """Bank statements carry a Constraints section; generated ones get one if missing."""
    if not constraints.strip() or re.search(r"(?im)^\s*(#+\s*|\*\*)constraints", statement):
        return statement.rstrip() + "\n"
    return f"{statement.rstrip()}\n\n## Constraints\n\n{constraints.strip()}\n"


def draft_of(validated: ValidatedProblem, slug: str) -> problem_repo.ProblemDraft:
    problem = validated.problem
    topics = list(dict.fromkeys(normalize_topic(t)[:64] for t in problem.topics if t.strip()))
    return problem_repo.ProblemDraft(
        slug=slug,
        fields={
            "title": problem.title[:200],
            "statement": statement_with_constraints(problem.statement, problem.constraints),
            "difficulty": problem.difficulty,
            "time_limit": problem.time_limit_seconds,  # clamped by trim() before validation
            "memory_limit": 256,
            "checker": "tokens",
            "checker_options": {},
            "hints": [h for h in problem.hints if h.strip()][:5],
            "starter_code": {},
            "expected_complexity": problem.expected_complexity[:64],
            "visibility": "private",
        },
        topics=topics[:MAX_TOPICS],
        tags=["ai-generated"],
        tests=problem_repo.numbered_tests(validated.tests),
        solutions={problem.reference_solution.language: problem.reference_solution.source},
    )


async def store(session: AsyncSession, validated: ValidatedProblem, owner_id: int) -> Problem:
    return await problem_repo.create_problem(
        session,
        draft_of(validated, slug_for(validated.problem.title)),
        author_id=owner_id,
        source="ai",
    )
