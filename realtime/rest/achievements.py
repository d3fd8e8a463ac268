"""Anyone's achievements: earned (with when) and those still available."""

from __future__ import annotations

from progress import achievements
from realtime.keys import DATABASE
from realtime.rest.endpoints import Call, EndpointTable
from realtime.rest.errors import NotFoundError
from realtime.schemas.progress import Achievements, AvailableAchievement, EarnedAchievement
from storage.errors import NotFound
from storage.repositories import progress as progress_repo
from storage.repositories import users as user_repo

routes = EndpointTable()
TAGS = ("users",)


@routes.get(
    r"/api/users/{user_id}/achievements",
    response=Achievements,
    auth="none",
    tags=TAGS,
    errors=(404,),
)
async def user_achievements(call: Call) -> Achievements:
    """Earned achievements, oldest first, and the ones not yet earned (topics of the bank)."""
    user_id = call.path_id("user_id", "user")
    async with call.app[DATABASE].session() as session:
        try:
            await user_repo.get_user(session, user_id)
        except NotFound as exc:
            raise NotFoundError("user not found", code="user_not_found") from exc
        earned = await progress_repo.earned_achievements(session, user_id)
        topics = await progress_repo.bank_topics(session)
    have = {code for code, _ in earned}
    every = [*achievements.FIXED, *(achievements.topic_achievement(t) for t in topics)]
    out = []
    for code, at in earned:
        definition = achievements.describe(code)
        if definition is not None:
            out.append(
                EarnedAchievement(
                    code=code,
                    title=definition.title,
                    description=definition.description,
                    earned_at=at,
                )
            )
    return Achievements(
        earned=out,
        available=[
            AvailableAchievement(code=a.code, title=a.title, description=a.description)
            for a in every
            if a.code not in have
        ],
    )
