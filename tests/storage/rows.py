"""Rows the repository tests build on: users, problems, rooms and judged submissions."""

from __future__ import annotations

import uuid
from typing import Any

from storage.database import Database
from storage.models import Problem, RoomRecord, Submission, User


async def add_user(db: Database, name: str = "user") -> int:
    async with db.session() as session:
        user = User(
            email=f"{name}-{uuid.uuid4().hex[:6]}@example.com",
            password_hash="x",
            display_name=name.title(),
        )
        session.add(user)
        await session.flush()
        return user.id


async def add_problem(db: Database, slug: str = "p", visibility: str = "public") -> int:
    async with db.session() as session:
        problem = Problem(
            slug=slug, title=slug.upper(), statement="s", difficulty="easy", visibility=visibility
        )
        session.add(problem)
        await session.flush()
        return problem.id


async def add_room(db: Database, creator_id: int, **fields: Any) -> str:
    room_id = str(uuid.uuid4())
    values: dict[str, Any] = {
        "kind": "contest",
        "name": "Room",
        "status": "waiting",
        "visibility": "public",
        "version": 0,
        "state": {},
    }
    values.update(fields)
    async with db.session() as session:
        session.add(RoomRecord(id=room_id, creator_id=creator_id, **values))
    return room_id


async def add_submission(db: Database, user_id: int, problem_id: int | None, **fields: Any) -> int:
    values: dict[str, Any] = {"language": "python", "code": "print(1)", "mode": "submit"}
    values.update(fields)
    async with db.session() as session:
        row = Submission(user_id=user_id, problem_id=problem_id, **values)
        session.add(row)
        await session.flush()
        return row.id
