"""Mailed account tokens: issued as a random secret, stored as its hash, used once."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import AccountToken, utcnow

PURPOSES = ("verify_email", "reset_password")


class TokenInvalid(Exception):
    """Unknown, expired, already used, or made for another purpose."""


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def issue(session: AsyncSession, user_id: int, purpose: str, lifetime: timedelta) -> str:
    """A new token; the account's older unused tokens of that purpose stop working, so
    only the latest mail's link counts."""
    if purpose not in PURPOSES:
        raise ValueError(f"unknown token purpose {purpose!r}")
    now = utcnow()
    await session.execute(
        update(AccountToken)
        .where(
            AccountToken.user_id == user_id,
            AccountToken.purpose == purpose,
            AccountToken.used_at.is_(None),
        )
        .values(used_at=now)
    )
    token = secrets.token_urlsafe(32)
    session.add(
        AccountToken(
            user_id=user_id,
            purpose=purpose,
            token_hash=_hash(token),
            created_at=now,
            expires_at=now + lifetime,
        )
    )
    await session.flush()
    return token


async def consume(session: AsyncSession, token: str, purpose: str) -> int:
    """Use a token once; returns its account's id. The row is locked (PostgreSQL), so two
    requests racing with one link cannot both succeed."""
    stmt = (
        select(AccountToken)
        .where(AccountToken.token_hash == _hash(token), AccountToken.purpose == purpose)
        .with_for_update()
    )
    row = (await session.execute(stmt)).scalar_one_or_none()
    if row is None or row.used_at is not None or row.expires_at <= utcnow():
        raise TokenInvalid("this link is invalid, expired or was already used")
    row.used_at = utcnow()
    return row.user_id
