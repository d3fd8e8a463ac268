"""Assemble what the coach may see about an attempt, and nothing more.

Reads the problem's public fields, the user's current code and their latest
judged run/submission on it, whose stored test list already has hidden tests
redacted; hidden entries are dropped here as well. No query in this module
touches test cases or reference solutions.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from coach.models import CoachContext, VisibleTestResult
from storage.models import Problem, Submission
from storage.repositories import coach as coach_repo

_HEADING = re.compile(r"^\s*(#{1,6}\s+|\*\*)(?P<title>[^*#\n]+?)(\*\*)?\s*:?\s*$")
FIELD_LIMIT = 4000


def constraints_of(statement: str) -> str:
    """The text under a "Constraints" heading (markdown `##` or `**bold**`), else ""."""
    lines = statement.splitlines()
    out: list[str] = []
    inside = False
    for line in lines:
        heading = _HEADING.match(line)
        if heading:
            if inside:
                break
            inside = heading.group("title").strip().lower().startswith("constraint")
            continue
        if inside:
            out.append(line)
    return "\n".join(out).strip()


def _text(value: Any) -> str:
    return "" if value is None else str(value)[:FIELD_LIMIT]


def visible_results(submission: Submission | None) -> list[VisibleTestResult]:
    """Visible tests of a judged submission; a compile error becomes one CE entry."""
    if submission is None:
        return []
    if submission.verdict == "CE" and submission.compile_output:
        return [
            VisibleTestResult(name="compile", verdict="CE", stderr=_text(submission.compile_output))
        ]
    results = []
    for position, test in enumerate(submission.tests or []):
        if not isinstance(test, dict) or test.get("hidden", True):
            continue  # hidden (or malformed) entries never reach a prompt
        signal = test.get("signal")
        results.append(
            VisibleTestResult(
                name=_text(test.get("name")) or f"{position + 1:02d}",
                verdict=_text(test.get("verdict")),
                input=_text(test.get("input")),
                expected=_text(test.get("expected")),
                actual=_text(test.get("actual")),
                stderr=_text(test.get("stderr")),
                exit_code=test.get("exit_code") if isinstance(test.get("exit_code"), int) else None,
                signal=signal if isinstance(signal, int | str) else None,
            )
        )
    return results


async def build_context(
    session: AsyncSession, *, user_id: int, problem: Problem | None, practice_id: int | None
) -> CoachContext:
    """The CoachContext for `user_id` working on `problem` (None: a problem-free chat)."""
    if problem is None:
        return CoachContext()
    practice = await coach_repo.current_practice(session, user_id, problem.id, practice_id)
    judged = await coach_repo.latest_judged(session, user_id, problem.id)
    language, code = "python", ""
    if practice is not None:
        language = practice.language
        code = (practice.code or {}).get(language, "")
    elif judged is not None:
        language, code = judged.language, judged.code
    return CoachContext(
        problem_title=problem.title,
        problem_statement=problem.statement,
        hints=[str(h) for h in (problem.hints or [])],
        constraints=constraints_of(problem.statement),
        time_limit_seconds=problem.time_limit or 2.0,
        code=code,
        language=language,
        tests=visible_results(judged),
        solved=await coach_repo.has_solved(session, user_id, problem.id),
    )
