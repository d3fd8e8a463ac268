"""Rooms over REST: create, list public ones, read one, its leaderboard; rating history."""

from __future__ import annotations

import random
import secrets
import uuid

from sqlalchemy import select

from realtime.keys import DATABASE, ROOMS
from realtime.rest.endpoints import Call, EndpointTable
from realtime.rest.errors import NotFoundError, ValidationFailed
from realtime.schemas.rooms import (
    Leaderboard,
    RatingHistory,
    RatingPoint,
    RoomCreate,
    RoomEnvelope,
    RoomPage,
    RoomQuery,
)
from rooms import roles
from rooms import state as room_state
from rooms.room import Room, RoomError
from rooms.room_store import now_utc
from storage.errors import NotFound
from storage.models import Problem, ProblemLabel
from storage.repositories import problems as problem_repo
from storage.repositories import rooms as room_repo
from storage.repositories import users as user_repo

routes = EndpointTable()
TAGS = ("rooms",)


async def choose_problems(call: Call, body: RoomCreate) -> list[str]:
    """The named problems (each must be visible to the creator), or a random draw."""
    viewer = problem_repo.Viewer(call.user.id, call.user.role)
    async with call.app[DATABASE].session() as session:
        if body.problems:
            for slug in body.problems:
                try:
                    await problem_repo.get_problem(session, slug, viewer)
                except NotFound as exc:
                    raise ValidationFailed(exc.message, code="problem_not_found") from exc
            return list(dict.fromkeys(body.problems))
        stmt = select(Problem.slug).where(Problem.visibility == "public")
        if body.difficulty:
            stmt = stmt.where(Problem.difficulty == body.difficulty)
        if body.topic:
            stmt = stmt.where(
                select(ProblemLabel.id)
                .where(
                    ProblemLabel.problem_id == Problem.id,
                    ProblemLabel.kind == "topic",
                    ProblemLabel.value == body.topic.lower(),
                )
                .exists()
            )
        pool = sorted(await session.scalars(stmt))
    if not pool:
        raise ValidationFailed("no problems match that difficulty/topic", code="no_problems")
    count = 1 if body.kind != "contest" else body.problem_count
    return random.sample(pool, min(count, len(pool)))


async def load_visible(call: Call) -> Room:
    room_id = call.path["room_id"]
    try:
        room = await call.app[ROOMS].store.load(room_id)
    except RoomError as exc:
        raise NotFoundError("room not found", code="room_not_found") from exc
    if not roles.may_see(room, call.user.id if call.user else None):
        raise NotFoundError("room not found", code="room_not_found")
    return room


@routes.post("/api/rooms", body=RoomCreate, response=RoomEnvelope, status=201, tags=TAGS)
async def create_room(call: Call) -> RoomEnvelope:
    """Open a contest, pair or interview room; private rooms get an invite code."""
    body: RoomCreate = call.body
    problems = await choose_problems(call, body)
    settings = {
        "max_participants": body.max_participants
        if body.kind == "contest"
        else max(2, body.max_participants),
        "duration_minutes": body.duration_minutes,
        "visibility": body.visibility,
        "format": body.format,
        "rated": body.rated,
        "freeze_minutes": body.freeze_minutes,
        "countdown_seconds": body.countdown_seconds,
    }
    if body.visibility == "private":
        settings["invite_code"] = secrets.token_urlsafe(6)
    try:
        room, _ = room_state.create_room(
            str(uuid.uuid4()),
            body.kind,
            body.name,
            call.user.id,
            problems,
            now_utc(),
            creator_joins=body.kind != "interview",
            **settings,
        )
    except RoomError as exc:
        raise ValidationFailed(exc.message, code=exc.code) from exc
    await call.app[ROOMS].store.create(room)
    return RoomEnvelope(room=await call.app[ROOMS].view_for(room, call.user.id))


@routes.get("/api/rooms", query=RoomQuery, response=RoomPage, auth="optional", tags=TAGS)
async def list_rooms(call: Call) -> RoomPage:
    """Public rooms, newest first (`status=waiting` finds rooms to join)."""
    q: RoomQuery = call.query
    async with call.app[DATABASE].session() as session:
        rows, total = await room_repo.list_public(
            session,
            status=q.status,
            kind=q.kind,
            limit=q.per_page,
            offset=(q.page - 1) * q.per_page,
        )
    return RoomPage(
        items=[Room.from_dict(r.state).view() for r in rows],
        total=total,
        page=q.page,
        per_page=q.per_page,
    )


@routes.get(
    "/api/rooms/{room_id}", response=RoomEnvelope, auth="optional", tags=TAGS, errors=(404,)
)
async def get_room(call: Call) -> RoomEnvelope:
    """A room's state (private rooms: members only)."""
    room = await load_visible(call)
    return RoomEnvelope(
        room=await call.app[ROOMS].view_for(room, call.user.id if call.user else None)
    )


@routes.get(
    "/api/rooms/{room_id}/leaderboard",
    response=Leaderboard,
    auth="optional",
    tags=TAGS,
    errors=(404,),
)
async def leaderboard(call: Call) -> Leaderboard:
    """Standings as the asker may see them (frozen near the end, final after)."""
    room = await load_visible(call)
    data = await call.app[ROOMS].standings_for(room, call.user.id if call.user else None)
    return Leaderboard(**data)


@routes.get(
    "/api/users/{user_id}/ratings",
    response=RatingHistory,
    auth="none",
    tags=("users",),
    errors=(404,),
)
async def ratings(call: Call) -> RatingHistory:
    """A user's rating (everyone starts at 1500) and its history, one point per rated contest."""
    user_id = call.path_id("user_id", "user")
    async with call.app[DATABASE].session() as session:
        try:
            user = await user_repo.get_user(session, user_id)
        except NotFound as exc:
            raise NotFoundError("user not found", code="user_not_found") from exc
        rows = await room_repo.rating_history(session, user_id)
    return RatingHistory(
        user_id=user_id,
        rating=round(user.rating, 2),
        history=[
            RatingPoint(
                room_id=r.room_id,
                rating_before=round(r.rating_before, 2),
                rating_after=round(r.rating_after, 2),
                rank=r.rank,
                at=r.created_at.isoformat(),
            )
            for r in rows
        ],
    )
