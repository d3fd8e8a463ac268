"""Coach sessions and messages (own only), daily token usage, and what the coach may read
about a user's attempt: current code, latest visible results, whether it is solved."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from storage.domain_events import CoachSessionEnded
from storage.errors import NotFound
from storage.models import (
    CoachMessage,
    CoachSession,
    CoachUsage,
    PracticeSession,
    Problem,
    Submission,
    utcnow,
)
from storage.repositories import events as event_log

OPEN_PRACTICE = ("active", "paused")


async def create_session(session: AsyncSession, **fields: Any) -> CoachSession:
    row = CoachSession(**fields)
    session.add(row)
    await session.flush()
    return row


async def get_own_session(session: AsyncSession, coach_id: int, user_id: int) -> CoachSession:
    """The user's own coach session; someone else's looks exactly like a missing one."""
    row = await session.get(CoachSession, coach_id, populate_existing=True)
    if row is None or row.user_id != user_id:
        raise NotFound("coach session not found")
    return row


async def list_own_sessions(
    session: AsyncSession,
    user_id: int,
    *,
    mode: str | None,
    status: str | None,
    limit: int,
    offset: int,
) -> list[tuple[CoachSession, str | None, int]]:
    """(session, problem slug, message count), newest first."""
    counts = (
        select(CoachMessage.session_id, func.count(CoachMessage.id).label("n"))
        .group_by(CoachMessage.session_id)
        .subquery()
    )
    stmt = (
        select(CoachSession, Problem.slug, func.coalesce(counts.c.n, 0))
        .outerjoin(Problem, Problem.id == CoachSession.problem_id)
        .outerjoin(counts, counts.c.session_id == CoachSession.id)
        .where(CoachSession.user_id == user_id)
    )
    if mode:
        stmt = stmt.where(CoachSession.mode == mode)
    if status:
        stmt = stmt.where(CoachSession.status == status)
    stmt = stmt.order_by(CoachSession.id.desc()).limit(limit).offset(offset)
    return [(row, slug, int(n)) for row, slug, n in (await session.execute(stmt)).all()]


async def messages(
    session: AsyncSession, coach_id: int, *, after: int = 0, limit: int | None = None
) -> list[CoachMessage]:
    """Oldest first; `after` (a message id) and `limit` page through a long conversation."""
    stmt = select(CoachMessage).where(CoachMessage.session_id == coach_id, CoachMessage.id > after)
    stmt = stmt.order_by(CoachMessage.id)
    if limit is not None:
        stmt = stmt.limit(limit)
    return list(await session.scalars(stmt))


async def message_count(session: AsyncSession, coach_id: int) -> int:
    stmt = select(func.count()).where(CoachMessage.session_id == coach_id)
    return int(await session.scalar(stmt) or 0)


async def history(session: AsyncSession, coach_id: int, limit: int = 40) -> list[tuple[str, str]]:
    """(role, content) of the newest finished messages, oldest first, for the next prompt."""
    stmt = (
        select(CoachMessage.role, CoachMessage.content)
        .where(
            CoachMessage.session_id == coach_id,
            CoachMessage.status.in_(("complete", "cancelled")),
        )
        .order_by(CoachMessage.id.desc())
        .limit(limit)
    )
    rows = [(role, content) for role, content in (await session.execute(stmt)).all()]
    rows.reverse()
    return rows


async def add_message(
    session: AsyncSession,
    coach_id: int,
    role: str,
    content: str,
    *,
    status: str = "complete",
    meta: dict[str, Any] | None = None,
) -> CoachMessage:
    row = CoachMessage(
        session_id=coach_id, role=role, content=content, status=status, meta=meta or {}
    )
    session.add(row)
    await session.flush()
    return row


async def finish_message(
    session: AsyncSession, message_id: int, *, content: str, status: str, meta: dict[str, Any]
) -> None:
    """Store the final text of a streamed message, once: only a `streaming` row changes."""
    await session.execute(
        update(CoachMessage)
        .where(CoachMessage.id == message_id, CoachMessage.status == "streaming")
        .values(content=content, status=status, meta=meta, updated_at=utcnow())
    )


async def get_message(session: AsyncSession, message_id: int) -> CoachMessage:
    """One message, re-read (another process may have just finished it)."""
    row = await session.get(CoachMessage, message_id, populate_existing=True)
    if row is None:
        raise NotFound("message not found")
    return row


async def streaming_message(session: AsyncSession, coach_id: int) -> CoachMessage | None:
    stmt = select(CoachMessage).where(
        CoachMessage.session_id == coach_id, CoachMessage.status == "streaming"
    )
    return await session.scalar(stmt.order_by(CoachMessage.id.desc()).limit(1))


async def usage_on(session: AsyncSession, user_id: int, day: str) -> int:
    row = await session.get(CoachUsage, (user_id, day), populate_existing=True)
    return row.tokens if row else 0


async def add_usage(session: AsyncSession, user_id: int, day: str, tokens: int) -> None:
    """Add to a user's tokens of `day` atomically (an upsert on both databases)."""
    insert = pg_insert if session.bind.dialect.name == "postgresql" else sqlite_insert
    stmt = insert(CoachUsage).values(user_id=user_id, day=day, tokens=tokens, requests=1)
    stmt = stmt.on_conflict_do_update(
        index_elements=[CoachUsage.user_id, CoachUsage.day],
        set_={
            "tokens": CoachUsage.tokens + stmt.excluded.tokens,
            "requests": CoachUsage.requests + 1,
        },
    )
    await session.execute(stmt)


# --- what the coach may read about an attempt -------------------------------------------


async def current_practice(
    session: AsyncSession, user_id: int, problem_id: int, practice_id: int | None
) -> PracticeSession | None:
    """The named practice session if it is the user's on this problem, else their newest open."""
    if practice_id is not None:
        row = await session.get(PracticeSession, practice_id)
        if row is not None and row.user_id == user_id and row.problem_id == problem_id:
            return row
    stmt = (
        select(PracticeSession)
        .where(
            PracticeSession.user_id == user_id,
            PracticeSession.problem_id == problem_id,
            PracticeSession.status.in_(OPEN_PRACTICE),
        )
        .order_by(PracticeSession.updated_at.desc(), PracticeSession.id.desc())
        .limit(1)
    )
    return await session.scalar(stmt)


async def latest_judged(session: AsyncSession, user_id: int, problem_id: int) -> Submission | None:
    """The user's newest finished run or submission on the problem (tests already redacted)."""
    stmt = (
        select(Submission)
        .where(
            Submission.user_id == user_id,
            Submission.problem_id == problem_id,
            Submission.status == "done",
        )
        .order_by(Submission.id.desc())
        .limit(1)
    )
    return await session.scalar(stmt)


async def has_solved(session: AsyncSession, user_id: int, problem_id: int) -> bool:
    stmt = select(Submission.id).where(
        Submission.user_id == user_id,
        Submission.problem_id == problem_id,
        Submission.mode == "submit",
        Submission.verdict == "AC",
    )
    return await session.scalar(stmt.limit(1)) is not None


# --- learning paths ---------------------------------------------------------------------


async def judged_submits(session: AsyncSession, user_id: int) -> list[tuple[int, str | None]]:
    """(problem_id, verdict) of every judged submit (runs do not count toward acceptance)."""
    stmt = select(Submission.problem_id, Submission.verdict).where(
        Submission.user_id == user_id,
        Submission.mode == "submit",
        Submission.status == "done",
        Submission.problem_id.is_not(None),
    )
    return [(pid, verdict) for pid, verdict in (await session.execute(stmt)).all()]


async def problems_by_id(
    session: AsyncSession, ids: Sequence[int] | None = None, *, public_only: bool = False
) -> list[Problem]:
    """Problems with their labels (eager), by id or all public ones."""
    stmt = select(Problem)
    if ids is not None:
        stmt = stmt.where(Problem.id.in_(list(ids)))
    if public_only:
        stmt = stmt.where(Problem.visibility == "public")
    return list(await session.scalars(stmt.order_by(Problem.id)))


async def add_session_tokens(session: AsyncSession, coach_id: int, tokens: int) -> None:
    await session.execute(
        update(CoachSession)
        .where(CoachSession.id == coach_id)
        .values(tokens_used=CoachSession.tokens_used + tokens)
    )


async def move_session(
    session: AsyncSession, coach_id: int, user_id: int, *, src: str, dst: str
) -> bool:
    """Move the user's session from status `src` to `dst`; False if it was not in `src`.

    A conditional UPDATE, so of two concurrent moves (two tabs, two processes ending
    one session) exactly one wins. Leaving "active" stamps `ended_at`.
    """
    values: dict[str, Any] = {"status": dst}
    if src == "active":
        values["ended_at"] = utcnow()
    result = await session.execute(
        update(CoachSession)
        .where(
            CoachSession.id == coach_id,
            CoachSession.user_id == user_id,
            CoachSession.status == src,
        )
        .values(**values)
        .execution_options(synchronize_session=False)
    )
    moved = result.rowcount == 1
    if moved and src == "active":
        row = (
            await session.execute(
                select(CoachSession.mode, CoachSession.tokens_used).where(
                    CoachSession.id == coach_id
                )
            )
        ).one()
        ended = CoachSessionEnded(
            session_id=coach_id, user_id=user_id, mode=row.mode, status=dst, tokens_used=row[1]
        )
        await event_log.append(session, ended, user_id=user_id)
    return moved


async def store_feedback(session: AsyncSession, coach_id: int, feedback: dict[str, Any]) -> bool:
    """Store an interview's feedback unless it already has some (the first one wins)."""
    result = await session.execute(
        update(CoachSession)
        .where(CoachSession.id == coach_id, CoachSession.feedback.is_(None))
        .values(feedback=feedback)
        .execution_options(synchronize_session=False)
    )
    return result.rowcount == 1
