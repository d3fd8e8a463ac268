"""Own profile (read/update) and anyone's public profile."""

from __future__ import annotations

from realtime.keys import DATABASE
from realtime.rest.endpoints import Call, EndpointTable
from realtime.rest.errors import NotFoundError
from realtime.schemas.users import (
    ProfileUpdate,
    PublicProfile,
    PublicProfileEnvelope,
    UserEnvelope,
    UserOut,
)
from storage.errors import NotFound
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
    return PublicProfileEnvelope(user=PublicProfile.of(user))
