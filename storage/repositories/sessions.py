"""Practice sessions: open-or-resume, compare-and-set autosave, status transitions."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, Generic, Protocol, TypeVar

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from storage.errors import Conflict, NotFound
from storage.models import PracticeSession, Problem, SessionSnapshot, utcnow

Row = TypeVar("Row")

# action -> (statuses it may start from, status it leads to)
TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "pause": (frozenset({"active"}), "paused"),
    "resume": (frozenset({"paused", "active"}), "active"),
    "abandon": (frozenset({"active", "paused"}), "abandoned"),
    "submit": (frozenset({"active", "paused"}), "submitted"),
}
OPEN_STATUSES = ("active", "paused")


class InvalidTransition(Exception):
    def __init__(self, action: str, status: str) -> None:
        super().__init__(f"cannot {action} a session that is {status}")
        self.action = action
        self.status = status


def next_status(current: str, action: str) -> str:
    """Pure transition rule; raises InvalidTransition for an illegal move."""
    sources, target = TRANSITIONS[action]
    if current not in sources:
        raise InvalidTransition(action, current)
    return target


def content_hash(value: Mapping[str, Any]) -> str:
    """A stable hash of what a session holds (key order ignored): unchanged saves are skipped."""
    return hashlib.sha256(json.dumps(value, sort_keys=True).encode()).hexdigest()


async def insert_or_take(
    session: AsyncSession, new_row: Callable[[], Row], open_row: Callable[[], Awaitable[Row | None]]
) -> tuple[Row, bool]:
    """Insert a new open session, or take the one a concurrent open inserted first.

    Two tabs (or a tab and the pair autosave) opening at once both insert; the
    partial unique index on open sessions refuses the second, which then reads
    the first's row. Returns (row, created).
    """
    try:
        async with session.begin_nested():
            row = new_row()
            session.add(row)
        return row, True
    except IntegrityError:
        row = await open_row()
        if row is None:
            raise
        return row, False


class RevisionConflict(Conflict):
    """The client's base revision is stale; carries what the server has.

    Plain values, not the row: the transaction rolls back (expiring the row)
    before anyone reads them.
    """

    def __init__(self, session: PracticeSession) -> None:
        super().__init__(f"session is at revision {session.revision}")
        self.revision = session.revision
        self.code = dict(session.code)
        self.language = session.language


@dataclass(frozen=True)
class SaveResult(Generic[Row]):
    """An autosave's outcome, for code and design sessions alike."""

    session: Row
    changed: bool
    snapshot: bool


async def get_own(session: AsyncSession, session_id: int, user_id: int) -> PracticeSession:
    """The user's own session; someone else's looks exactly like a missing one."""
    row = await session.get(PracticeSession, session_id, populate_existing=True)
    if row is None or row.user_id != user_id:
        raise NotFound("session not found")
    return row


async def open_session(
    session: AsyncSession,
    *,
    user_id: int,
    problem_id: int,
    language: str,
    starter: str,
) -> tuple[PracticeSession, bool]:
    """The user's active or paused session on the problem, else a new one from the starter.

    A concurrent open of the same problem (another tab, the pair autosave) may
    insert first; the unique index refuses ours and we take theirs.
    """
    row = await _open_row(session, user_id, problem_id)
    if row is None:
        code = {language: starter}
        row, created = await insert_or_take(
            session,
            lambda: PracticeSession(
                user_id=user_id,
                problem_id=problem_id,
                language=language,
                code=code,
                revision=0,
                content_hash=content_hash(code),
                status="active",
            ),
            lambda: _open_row(session, user_id, problem_id),
        )
        if created:
            return row, True
    if language not in row.code:
        row.code = {**row.code, language: starter}
        row.content_hash = content_hash(row.code)
    return row, False


async def _open_row(session: AsyncSession, user_id: int, problem_id: int) -> PracticeSession | None:
    return await session.scalar(
        select(PracticeSession)
        .where(
            PracticeSession.user_id == user_id,
            PracticeSession.problem_id == problem_id,
            PracticeSession.status.in_(OPEN_STATUSES),
        )
        .order_by(PracticeSession.updated_at.desc())
        .limit(1)
    )


async def autosave(
    session: AsyncSession,
    *,
    session_id: int,
    user_id: int,
    language: str,
    code: str,
    base_revision: int,
    time_spent: int,
    snapshot_every: timedelta,
    now: datetime | None = None,
) -> SaveResult[PracticeSession]:
    """Store `code` if it changed; a stale `base_revision` raises RevisionConflict.

    The write is a compare-and-set on the revision, so two tabs saving from the
    same base can never both win.
    """
    now = now or utcnow()
    row = await get_own(session, session_id, user_id)
    if row.status not in OPEN_STATUSES:
        raise InvalidTransition("autosave", row.status)
    if row.revision != base_revision:
        raise RevisionConflict(row)
    new_code = {**row.code, language: code}
    new_hash = content_hash(new_code)
    spent = max(row.time_spent_seconds, time_spent)
    if new_hash == row.content_hash:
        if spent != row.time_spent_seconds or row.language != language:
            row.time_spent_seconds, row.language = spent, language
            await session.flush()
        return SaveResult(row, changed=False, snapshot=False)
    result = await session.execute(
        update(PracticeSession)
        .where(PracticeSession.id == row.id, PracticeSession.revision == base_revision)
        .values(
            code=new_code,
            content_hash=new_hash,
            revision=base_revision + 1,
            language=language,
            time_spent_seconds=spent,
            status="active",
            updated_at=now,
        )
        .execution_options(synchronize_session=False)
    )
    if result.rowcount != 1:
        await session.refresh(row)
        raise RevisionConflict(row)
    # We know what we wrote: record it on the row without another SELECT.
    for key, value in (
        ("code", new_code),
        ("content_hash", new_hash),
        ("revision", base_revision + 1),
        ("language", language),
        ("time_spent_seconds", spent),
        ("status", "active"),
        ("updated_at", now),
    ):
        set_committed_value(row, key, value)
    take_snapshot = row.last_snapshot_at is None or now - row.last_snapshot_at >= snapshot_every
    if take_snapshot:
        session.add(
            SessionSnapshot(
                session_id=row.id,
                revision=row.revision,
                language=language,
                code=code,
                created_at=now,
            )
        )
        row.last_snapshot_at = now
        await session.flush()
    return SaveResult(row, changed=True, snapshot=take_snapshot)


class Movable(Protocol):
    """A code or design session row: what a move changes."""

    status: str
    paused_at: datetime | None
    ended_at: datetime | None


def apply_move(row: Movable, action: str, now: datetime) -> None:
    """Move a session row (code or design) and stamp when; InvalidTransition if illegal."""
    row.status = next_status(row.status, action)
    if action == "pause":
        row.paused_at = now
    elif action == "resume":
        row.paused_at = None
    elif action in ("abandon", "submit"):
        row.ended_at = now


async def transition(
    session: AsyncSession, *, session_id: int, user_id: int, action: str
) -> PracticeSession:
    row = await get_own(session, session_id, user_id)
    apply_move(row, action, utcnow())
    await session.flush()
    return row


async def list_own(
    session: AsyncSession, user_id: int, status: str | None, limit: int, offset: int
) -> list[PracticeSession]:
    stmt = select(PracticeSession).where(PracticeSession.user_id == user_id)
    if status:
        stmt = stmt.where(PracticeSession.status == status)
    stmt = stmt.order_by(PracticeSession.updated_at.desc(), PracticeSession.id.desc())
    return list(await session.scalars(stmt.limit(limit).offset(offset)))


async def problem_names(
    session: AsyncSession, problem_ids: Iterable[int]
) -> dict[int, tuple[str, str]]:
    """`{problem_id: (slug, title)}` for the sessions of a page, in one query."""
    wanted = sorted(set(problem_ids))
    if not wanted:
        return {}
    rows = await session.execute(
        select(Problem.id, Problem.slug, Problem.title).where(Problem.id.in_(wanted))
    )
    return {pid: (slug, title) for pid, slug, title in rows.all()}


async def snapshots(session: AsyncSession, session_id: int) -> list[SessionSnapshot]:
    stmt = (
        select(SessionSnapshot)
        .where(SessionSnapshot.session_id == session_id)
        .order_by(SessionSnapshot.revision)
    )
    return list(await session.scalars(stmt))
