"""Own profile (read/update) and anyone's public profile."""

from __future__ import annotations

from sqlalchemy.ext.asyncio import AsyncSession

from progress.board_store import Boards
from progress.boards import BoardRef
from realtime.keys import BOARDS, DATABASE
from realtime.rest.analytics import streak_of, today
from realtime.rest.endpoints import Call, EndpointTable
from realtime.rest.errors import NotFoundError
from realtime.schemas.progress import PublicStats, SolvedCounts
from realtime.schemas.users import (
    ProfileUpdate,
    PublicProfile,
    PublicProfileEnvelope,
    PublicProfileWithStats,
    UserEnvelope,
    UserOut,
)
from storage.errors import NotFound
from storage.models import User
from storage.repositories import analytics as analytics_repo
from storage.repositories import progress as progress_repo
from storage.repositories import users as user_repo

routes = EndpointTable()
TAGS = ("users",)


@routes.get("/api/users/me/profile", response=UserEnvelope, tags=TAGS)
async def my_profile(call: Call) -> UserEnvelope:
    """The signed-in user's full profile."""
    return UserEnvelope(user=UserOut.of(call.user))


@routes.put("/api/users/me/profile", body=ProfileUpdate, response=UserEnvelope, tags=TAGS)
async def update_my_profile(call: Call) -> UserEnvelope:
    """Update profile fields; omitted fields stay as they are."""
    body: ProfileUpdate = call.body
    async with call.app[DATABASE].session() as session:
        user = await user_repo.get_user(session, call.user.id)
        await user_repo.update_profile(session, user, body.model_dump(exclude_unset=True))
    return UserEnvelope(user=UserOut.of(user))


@routes.get(
    r"/api/users/{user_id}", response=PublicProfileEnvelope, auth="none", tags=TAGS, errors=(404,)
)
async def public_profile(call: Call) -> PublicProfileEnvelope:
    """Anyone's public profile (no email, no role)."""
    user_id = call.path_id("user_id", "user")
    async with call.app[DATABASE].session() as session:
        try:
            user = await user_repo.get_user(session, user_id)
        except NotFound as exc:
            raise NotFoundError("user not found") from exc
        stats = await public_stats(session, user, call.app[BOARDS])
    profile = PublicProfileWithStats(**PublicProfile.of(user).model_dump(), stats=stats)
    return PublicProfileEnvelope(user=profile, stats=stats)


async def public_stats(session: AsyncSession, user: User, boards: Boards) -> PublicStats:
    """Solved counts, streak, XP, XP rank (from the same boards as /api/leaderboards, so
    the two always agree), rating and badges: nothing private."""
    counters = await analytics_repo.user_stats(session, user.id)
    solved = await progress_repo.solved_by_difficulty(session, user.id)
    found = await boards.rank_of(session, BoardRef("xp"), user.id)
    badges = [code for code, _ in await progress_repo.earned_achievements(session, user.id)]
    return PublicStats(
        solved=SolvedCounts(
            easy=solved.get("easy", 0),
            medium=solved.get("medium", 0),
            hard=solved.get("hard", 0),
            total=sum(solved.values()),
        ),
        streak=streak_of(counters, today()),
        xp=counters.xp if counters else 0,
        rank=found[0] if found else None,
        rating=round(user.rating, 2),
        badges=badges,
    )
