"""Register, login, token refresh with rotation, logout, me, change password."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from realtime.auth import access_token_for, client_address, enforce_rate, refuse_if_spent
from realtime.keys import DATABASE, LIMITER, SETTINGS
from realtime.rest.account_mail import send_verification
from realtime.rest.endpoints import Call, EndpointTable
from realtime.rest.errors import (
    ConflictError,
    Forbidden,
    RateLimited,
    Unauthorized,
    ValidationFailed,
)
from realtime.schemas.auth import (
    ChangePasswordIn,
    LoginIn,
    OkOut,
    RefreshIn,
    RegisterIn,
    TokenPair,
)
from realtime.schemas.users import UserEnvelope, UserOut
from realtime.security.passwords import DUMMY_HASH, hash_password, verify_password
from realtime.sockets.server import end_login, end_logins
from storage.errors import Conflict
from storage.models import User
from storage.repositories import tokens as token_repo
from storage.repositories import users as user_repo

routes = EndpointTable()
LOGIN_THROTTLE_DELAY = 1.0  # seconds, for a login to an account under attack
TAGS = ("auth",)


def _refresh_lifetime(call: Call) -> timedelta:
    return timedelta(days=call.app[SETTINGS].refresh_token_days)


@routes.post(
    "/api/auth/register",
    body=RegisterIn,
    response=UserEnvelope,
    status=201,
    auth="none",
    tags=TAGS,
    errors=(409, 429),
)
async def register(call: Call) -> UserEnvelope:
    """Create an account (role `user`) and mail its address a verification link."""
    body: RegisterIn = call.body
    await enforce_rate(call.app, "register", client_address(call.request))
    password_hash = await hash_password(body.password)
    async with call.app[DATABASE].session() as session:
        try:
            user = await user_repo.create_user(
                session,
                email=body.email,
                password_hash=password_hash,
                display_name=body.display_name,
            )
        except Conflict as exc:
            raise ConflictError(exc.message, code="email_taken") from exc
    await send_verification(call.app, user)
    return UserEnvelope(user=UserOut.of(user))


def refuse_suspended(user: User) -> None:
    if user.suspended_at is not None:
        reason = f": {user.suspended_reason}" if user.suspended_reason else ""
        raise Forbidden(f"this account is suspended{reason}", code="account_suspended")


async def throttle_account(call: Call, address: str, email: str) -> None:
    """Once an account's failure budget is spent (guesses from many IPs), slow it down.

    An address that itself failed on this account recently is refused (429); any
    other address, such as the owner's, waits `LOGIN_THROTTLE_DELAY` and may try, so
    an attacker cannot lock the owner out, and each attacking address gets one guess.
    """
    account = await call.app[LIMITER].peek("login_account", email)
    if account.allowed:
        return
    if not (await call.app[LIMITER].peek("login_failed", f"{address}:{email}")).allowed:
        raise RateLimited(account.retry_after)
    await asyncio.sleep(LOGIN_THROTTLE_DELAY)


@routes.post(
    "/api/auth/login",
    body=LoginIn,
    response=TokenPair,
    auth="none",
    tags=TAGS,
    errors=(401, 403, 429),
)
async def login(call: Call) -> TokenPair:
    """Exchange email and password for an access token and a refresh token."""
    body: LoginIn = call.body
    address, email = client_address(call.request), body.email.strip().lower()
    await enforce_rate(call.app, "login", f"{address}:{email}")
    # Spraying: failures per IP across emails, and per account across IPs. Checked
    # before the password and spent only by a wrong one, so a classroom behind one
    # NAT signing in correctly never runs out.
    await refuse_if_spent(call.app, "login_ip", address)
    await throttle_account(call, address, email)
    db = call.app[DATABASE]
    async with db.session() as session:
        user = await user_repo.find_by_email(session, body.email)
        ok = await verify_password(user.password_hash if user else DUMMY_HASH, body.password)
        if user is None or not ok:
            limiter = call.app[LIMITER]
            await limiter.hit("login_ip", address)
            await limiter.hit("login_account", email)
            await limiter.hit("login_failed", f"{address}:{email}")
            raise Unauthorized("invalid email or password", code="invalid_credentials")
        refuse_suspended(user)
        refresh = await token_repo.issue(session, user.id, _refresh_lifetime(call))
    access, expires_in = access_token_for(call.app, user, refresh.family_id)
    return TokenPair(
        access_token=access,
        refresh_token=refresh.token,
        expires_in=expires_in,
        user=UserOut.of(user),
    )


@routes.post(
    "/api/auth/refresh",
    body=RefreshIn,
    response=TokenPair,
    auth="none",
    tags=TAGS,
    errors=(401, 403),
)
async def refresh(call: Call) -> TokenPair:
    """Rotate a refresh token: the old one stops working; reusing it revokes the whole login."""
    body: RefreshIn = call.body
    async with call.app[DATABASE].session() as session:
        try:
            issued = await token_repo.rotate(session, body.refresh_token, _refresh_lifetime(call))
        except token_repo.TokenRejected as exc:
            await session.commit()  # keep the family revocation of a detected reuse
            if exc.reused and exc.family_id is not None:
                await end_login(call.app, exc.family_id)
            code = "refresh_token_reused" if exc.reused else "invalid_refresh_token"
            raise Unauthorized(str(exc), code=code) from exc
        user = await user_repo.get_user(session, issued.user_id)
        refuse_suspended(user)
    access, expires_in = access_token_for(call.app, user, issued.family_id)
    return TokenPair(
        access_token=access,
        refresh_token=issued.token,
        expires_in=expires_in,
        user=UserOut.of(user),
    )


@routes.post(
    "/api/auth/logout", body=RefreshIn, response=OkOut, auth="optional", tags=TAGS, errors=(401,)
)
async def logout(call: Call) -> OkOut:
    """Revoke the refresh token's login (its whole rotation family)."""
    body: RefreshIn = call.body
    async with call.app[DATABASE].session() as session:
        try:
            owner, family = await token_repo.revoke(session, body.refresh_token)
        except token_repo.TokenRejected as exc:
            raise Unauthorized(str(exc), code="invalid_refresh_token") from exc
        if call.user is not None and call.user.id != owner:
            raise Unauthorized(
                "refresh token belongs to another user", code="invalid_refresh_token"
            )
    await end_login(call.app, family)
    return OkOut()


@routes.get("/api/auth/me", response=UserEnvelope, tags=TAGS)
async def me(call: Call) -> UserEnvelope:
    """The signed-in user."""
    return UserEnvelope(user=UserOut.of(call.user))


@routes.post(
    "/api/auth/change-password",
    body=ChangePasswordIn,
    response=TokenPair,
    tags=TAGS,
    errors=(401, 429),
)
async def change_password(call: Call) -> TokenPair:
    """Change the password. Every login ends (its tokens stop, its sockets close, in every
    process) and this device gets a new one, so only the person who knew the old password
    stays signed in."""
    body: ChangePasswordIn = call.body
    if body.current_password == body.new_password:
        raise ValidationFailed("the new password must differ from the current one")
    # Guessing the current password from a stolen session is throttled like a login.
    await refuse_if_spent(call.app, "login_account", call.user.email)
    async with call.app[DATABASE].session() as session:
        user = await user_repo.get_user(session, call.user.id)
        if not await verify_password(user.password_hash, body.current_password):
            await call.app[LIMITER].hit("login_account", call.user.email)
            raise Unauthorized("current password is wrong", code="invalid_credentials")
        user.password_hash = await hash_password(body.new_password)
        families = await token_repo.end_every_login(session, user)
        refresh = await token_repo.issue(session, user.id, _refresh_lifetime(call))
    await end_logins(call.app, families)
    access, expires_in = access_token_for(call.app, user, refresh.family_id)
    return TokenPair(
        access_token=access,
        refresh_token=refresh.token,
        expires_in=expires_in,
        user=UserOut.of(user),
    )
