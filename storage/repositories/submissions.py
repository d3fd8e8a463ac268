"""Submissions: created queued, filled in when judged, listed for their owner only."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.errors import NotFound
from storage.models import Problem, Submission, utcnow


async def create_submission(
    session: AsyncSession,
    *,
    user_id: int,
    problem_id: int | None,
    language: str,
    code: str,
    mode: str,
    stdin: str | None = None,
    session_id: int | None = None,
    room_id: str | None = None,
) -> Submission:
    row = Submission(
        user_id=user_id,
        problem_id=problem_id,
        language=language,
        code=code,
        mode=mode,
        stdin=stdin,
        session_id=session_id,
        room_id=room_id,
        status="queued",
        tests=[],
    )
    session.add(row)
    await session.flush()
    return row


async def get_submission(session: AsyncSession, submission_id: int) -> Submission:
    row = await session.get(Submission, submission_id, populate_existing=True)
    if row is None:
        raise NotFound("submission not found")
    return row


async def get_own(session: AsyncSession, submission_id: int, user_id: int) -> Submission:
    """Someone else's submission is reported exactly like a missing one."""
    row = await session.get(Submission, submission_id, populate_existing=True)
    if row is None or row.user_id != user_id:
        raise NotFound("submission not found")
    return row


async def mark_running(session: AsyncSession, submission_id: int) -> None:
    await session.execute(
        update(Submission)
        .where(Submission.id == submission_id, Submission.status == "queued")
        .values(status="running")
    )


async def lock_status(session: AsyncSession, submission_id: int) -> str | None:
    """The submission's status, its row locked for this transaction (PostgreSQL)."""
    stmt = select(Submission.status).where(Submission.id == submission_id).with_for_update()
    return await session.scalar(stmt)


async def record_result(
    session: AsyncSession,
    submission_id: int,
    *,
    verdict: str,
    score: float,
    tests: list[dict[str, Any]],
    compile_output: str | None,
    time_ms: int,
    memory_kb: int,
) -> None:
    await session.execute(
        update(Submission)
        .where(Submission.id == submission_id)
        .values(
            status="done",
            verdict=verdict,
            score=score,
            tests=tests,
            compile_output=compile_output,
            time_ms=time_ms,
            memory_kb=memory_kb,
            finished_at=utcnow(),
        )
    )


async def list_own(
    session: AsyncSession,
    user_id: int,
    *,
    problem_slug: str | None,
    verdict: str | None,
    mode: str | None,
    limit: int,
    offset: int,
) -> list[tuple[Submission, str | None]]:
    stmt = (
        select(Submission, Problem.slug)
        .outerjoin(Problem, Problem.id == Submission.problem_id)
        .where(Submission.user_id == user_id)
    )
    if problem_slug:
        stmt = stmt.where(Problem.slug == problem_slug)
    if verdict:
        stmt = stmt.where(Submission.verdict == verdict)
    if mode:
        stmt = stmt.where(Submission.mode == mode)
    stmt = stmt.order_by(Submission.id.desc()).limit(limit).offset(offset)
    return [(row, slug) for row, slug in (await session.execute(stmt)).all()]
