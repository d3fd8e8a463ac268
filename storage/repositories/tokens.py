"""Refresh-token families: rotation, reuse detection and revocation."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import RefreshToken, User, utcnow


class TokenRejected(Exception):
    """The refresh token is unknown, expired, revoked or was already used."""

    def __init__(
        self,
        message: str,
        *,
        reused: bool = False,
        family_id: str | None = None,
        user_id: int | None = None,
    ) -> None:
        super().__init__(message)
        self.reused = reused
        self.family_id = family_id
        self.user_id = user_id


@dataclass(frozen=True)
class IssuedRefreshToken:
    token: str
    user_id: int
    family_id: str
    expires_at: datetime


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _split(token: str) -> tuple[str, str]:
    token_id, _, secret = token.partition(".")
    if not token_id or not secret:
        raise TokenRejected("malformed refresh token")
    return token_id, secret


async def issue(
    session: AsyncSession, user_id: int, lifetime: timedelta, family_id: str | None = None
) -> IssuedRefreshToken:
    """A new opaque token `<id>.<secret>`; only a hash of the secret is stored."""
    token_id = str(uuid.uuid4())
    secret = secrets.token_urlsafe(32)
    row = RefreshToken(
        id=token_id,
        user_id=user_id,
        family_id=family_id or str(uuid.uuid4()),
        secret_hash=_hash(secret),
        expires_at=utcnow() + lifetime,
    )
    session.add(row)
    await session.flush()
    return IssuedRefreshToken(f"{token_id}.{secret}", user_id, row.family_id, row.expires_at)


async def _load(session: AsyncSession, token: str) -> RefreshToken:
    token_id, secret = _split(token)
    row = await session.get(RefreshToken, token_id, with_for_update=True)
    if row is None or not hmac.compare_digest(row.secret_hash, _hash(secret)):
        raise TokenRejected("unknown refresh token")
    return row


async def revoke_family(session: AsyncSession, family_id: str) -> None:
    await session.execute(
        update(RefreshToken)
        .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )


async def end_every_login(session: AsyncSession, user: User) -> list[str]:
    """Stop every access token (version bump) and refresh family of `user`; returns the
    families, whose sockets the caller closes once this commits."""
    user.token_version += 1
    return await revoke_user(session, user.id)


async def revoke_user(session: AsyncSession, user_id: int) -> list[str]:
    """Revoke every login of a user; returns the families that were still live."""
    live = RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None)
    families = (await session.scalars(select(RefreshToken.family_id).where(*live))).all()
    await session.execute(update(RefreshToken).where(*live).values(revoked_at=utcnow()))
    return sorted(set(families))


async def rotate(session: AsyncSession, token: str, lifetime: timedelta) -> IssuedRefreshToken:
    """Trade a live token for a new one in the same family.

    Presenting a token that was already used means it leaked: the whole family
    is revoked, so the thief's and the owner's sessions both end.
    """
    row = await _load(session, token)
    if row.revoked_at is not None:
        raise TokenRejected("refresh token revoked", family_id=row.family_id)
    if row.used_at is not None:
        await revoke_family(session, row.family_id)
        raise TokenRejected(
            "refresh token reused; all sessions of this login revoked",
            reused=True,
            family_id=row.family_id,
            user_id=row.user_id,
        )
    if row.expires_at <= utcnow():
        raise TokenRejected("refresh token expired")
    row.used_at = utcnow()
    return await issue(session, row.user_id, lifetime, row.family_id)


async def revoke(session: AsyncSession, token: str) -> tuple[int, str]:
    """Revoke the family of `token` (logout); returns the owner's id and the family."""
    row = await _load(session, token)
    await revoke_family(session, row.family_id)
    return row.user_id, row.family_id


async def family_revoked(session: AsyncSession, family_id: str) -> bool:
    """Whether the login was revoked (logout, reuse detected, password changed)."""
    result = await session.execute(
        select(RefreshToken.id)
        .where(RefreshToken.family_id == family_id, RefreshToken.revoked_at.is_not(None))
        .limit(1)
    )
    return result.first() is not None


async def live_families(session: AsyncSession, user_id: int) -> list[str]:
    result = await session.execute(
        select(RefreshToken.family_id)
        .where(RefreshToken.user_id == user_id, RefreshToken.revoked_at.is_(None))
        .distinct()
    )
    return list(result.scalars())
