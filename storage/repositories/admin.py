"""What an admin reads: users by search, and site figures (SQL aggregates only)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import func, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import CoachSession, Problem, RoomRecord, Submission, User


async def search_users(
    session: AsyncSession,
    *,
    q: str | None,
    role: str | None,
    suspended: bool | None,
    offset: int,
    limit: int,
) -> tuple[int, list[User]]:
    """Users whose email or display name contains `q` (any case), newest first."""
    stmt = select(User)
    if q:
        needle = q.lower()
        stmt = stmt.where(
            or_(
                func.lower(User.email).contains(needle, autoescape=True),
                func.lower(User.display_name).contains(needle, autoescape=True),
            )
        )
    if role:
        stmt = stmt.where(User.role == role)
    if suspended is not None:
        stmt = stmt.where(
            User.suspended_at.is_not(None) if suspended else User.suspended_at.is_(None)
        )
    total = await session.scalar(select(func.count()).select_from(stmt.subquery()))
    rows = await session.scalars(stmt.order_by(User.id.desc()).offset(offset).limit(limit))
    return int(total or 0), list(rows)


@dataclass
class SiteStats:
    users: int = 0
    users_new_7d: int = 0
    users_active_24h: int = 0
    users_suspended: int = 0
    users_by_role: dict[str, int] = field(default_factory=dict)
    submissions: int = 0
    submissions_24h: int = 0
    verdicts_24h: dict[str, int] = field(default_factory=dict)
    problems_by_visibility: dict[str, int] = field(default_factory=dict)
    rooms_by_status: dict[str, int] = field(default_factory=dict)
    coach_sessions_active: int = 0


async def site_stats(session: AsyncSession, now: datetime) -> SiteStats:
    day, week = now - timedelta(days=1), now - timedelta(days=7)

    async def count(*where: object, of: type = User) -> int:
        return int(await session.scalar(select(func.count()).select_from(of).where(*where)) or 0)

    async def grouped(column: object) -> dict[str, int]:
        rows = await session.execute(select(column, func.count()).group_by(column))
        return {str(k): int(n) for k, n in rows.all() if k is not None}

    stats = SiteStats()
    stats.users = await count()
    stats.users_new_7d = await count(User.created_at >= week)
    stats.users_active_24h = await count(User.last_seen_at >= day)
    stats.users_suspended = await count(User.suspended_at.is_not(None))
    stats.users_by_role = await grouped(User.role)
    stats.submissions = await count(of=Submission)
    stats.submissions_24h = await count(Submission.created_at >= day, of=Submission)
    verdicts = await session.execute(
        select(Submission.verdict, func.count())
        .where(Submission.created_at >= day, Submission.verdict.is_not(None))
        .group_by(Submission.verdict)
    )
    stats.verdicts_24h = {str(v): int(n) for v, n in verdicts.all()}
    stats.problems_by_visibility = await grouped(Problem.visibility)
    stats.rooms_by_status = await grouped(RoomRecord.status)
    stats.coach_sessions_active = await count(CoachSession.status == "active", of=CoachSession)
    return stats
