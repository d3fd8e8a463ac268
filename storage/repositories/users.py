"""Users and profiles."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage.errors import Conflict, NotFound
from storage.models import User

PROFILE_FIELDS = (
    "display_name",
    "bio",
    "experience_level",
    "preferred_languages",
    "target_companies",
)


def normalise_email(email: str) -> str:
    return email.strip().lower()


async def create_user(
    session: AsyncSession,
    *,
    email: str,
    password_hash: str,
    display_name: str,
    role: str = "user",
) -> User:
    user = User(
        email=normalise_email(email),
        password_hash=password_hash,
        display_name=display_name,
        role=role,
        preferred_languages=[],
        target_companies=[],
    )
    session.add(user)
    try:
        await session.flush()
    except IntegrityError as exc:
        await session.rollback()
        raise Conflict("an account with this email already exists") from exc
    return user


async def get_user(session: AsyncSession, user_id: int) -> User:
    user = await session.get(User, user_id)
    if user is None:
        raise NotFound("user not found")
    return user


async def find_by_email(session: AsyncSession, email: str) -> User | None:
    result = await session.execute(select(User).where(User.email == normalise_email(email)))
    return result.scalar_one_or_none()


async def update_profile(session: AsyncSession, user: User, changes: dict[str, Any]) -> User:
    for field, value in changes.items():
        if field in PROFILE_FIELDS:
            setattr(user, field, value)
    await session.flush()
    return user


async def count_users(session: AsyncSession) -> int:
    return int(await session.scalar(select(func.count(User.id))) or 0)
