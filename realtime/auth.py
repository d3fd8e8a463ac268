"""Who is asking: resolve a bearer token to a user, for REST and Socket.IO alike."""

from __future__ import annotations

from datetime import timedelta

from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncSession

from realtime.keys import DATABASE, LIMITER, SETTINGS
from realtime.rest.errors import RateLimited, Unauthorized
from realtime.security.revocations import REVOKED_LOGINS
from realtime.security.tokens import InvalidToken, create_access_token, decode_access_token
from storage.database import Database
from storage.errors import NotFound
from storage.models import User
from storage.repositories import tokens as token_repo
from storage.repositories import users as user_repo


async def user_from_token(db: Database, secret: str, token: str) -> User:
    """The token's user, or InvalidToken saying why not."""
    claims = decode_access_token(secret, token)
    async with db.session() as session:
        try:
            user = await user_repo.get_user(session, claims.user_id)
        except NotFound as exc:
            raise InvalidToken("user no longer exists") from exc
        if user.token_version != claims.version:
            raise InvalidToken("token revoked (password changed)")
        if user.suspended_at is not None:
            raise InvalidToken("this account is suspended")
        if claims.family is not None and await login_revoked(session, claims.family):
            raise InvalidToken("token revoked (this login was signed out or revoked)")
    return user


async def login_revoked(session: AsyncSession, family: str) -> bool:
    """Whether the login was revoked; cached briefly (security/revocations.py)."""
    revoked = REVOKED_LOGINS.get(family)
    if revoked is None:
        revoked = await token_repo.family_revoked(session, family)
        REVOKED_LOGINS.put(family, revoked)
    return revoked


async def family_still_valid(db: Database, family: str | None) -> bool:
    """For sockets between events: False once their login is revoked."""
    if family is None:
        return True
    cached = REVOKED_LOGINS.get(family)
    if cached is not None:
        return not cached
    async with db.session() as session:
        return not await login_revoked(session, family)


async def authenticate(request: web.Request, required: bool) -> User | None:
    header = request.headers.get("Authorization", "")
    if not header:
        if required:
            raise Unauthorized("missing bearer token", code="not_authenticated")
        return None
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized("Authorization header must be 'Bearer <token>'", code="invalid_token")
    settings = request.app[SETTINGS]
    try:
        return await user_from_token(request.app[DATABASE], settings.secret_key, token.strip())
    except InvalidToken as exc:
        code = "token_expired" if "expired" in str(exc) else "invalid_token"
        raise Unauthorized(str(exc), code=code) from exc


def access_token_for(
    app: web.Application, user: User, family: str | None = None
) -> tuple[str, int]:
    settings = app[SETTINGS]
    lifetime = timedelta(minutes=settings.access_token_minutes)
    token = create_access_token(
        settings.secret_key,
        user_id=user.id,
        role=user.role,
        version=user.token_version,
        lifetime=lifetime,
        family=family,
    )
    return token, int(lifetime.total_seconds())


def client_address(request: web.Request) -> str:
    """The client's IP: the peer, or what a trusted proxy says the client is."""
    return request.app[SETTINGS].proxies.client_ip(request.remote, request.headers.items())


async def enforce_rate(app: web.Application, action: str, subject: str) -> None:
    decision = await app[LIMITER].hit(action, subject)
    if not decision.allowed:
        raise RateLimited(decision.retry_after)


async def refuse_if_spent(app: web.Application, action: str, subject: str) -> None:
    """429 when `subject` has no `action` token left, without spending one."""
    decision = await app[LIMITER].peek(action, subject)
    if not decision.allowed:
        raise RateLimited(decision.retry_after)
