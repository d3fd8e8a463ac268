"""Email verification and password reset: single-use, expiring links sent by mail.

Asking for a reset never says whether an address has an account (always 202). Using a
reset link sets the password and ends every login of the account: its refresh tokens
are revoked, its access tokens stop (token version), its sockets are closed.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from aiohttp import web
from sqlalchemy.ext.asyncio import AsyncSession

from realtime.auth import client_address, enforce_rate
from realtime.keys import DATABASE, MAILER, SETTINGS
from realtime.rest.endpoints import Call, EndpointTable
from realtime.rest.errors import BadRequest, ConflictError
from realtime.schemas.auth import MailTokenIn, OkOut, PasswordResetIn, PasswordResetRequestIn
from realtime.schemas.users import UserEnvelope, UserOut
from realtime.security import account_mail
from realtime.security.passwords import hash_password
from realtime.sockets.server import end_logins
from storage.models import User, utcnow
from storage.repositories import account_tokens
from storage.repositories import tokens as token_repo
from storage.repositories import users as user_repo

routes = EndpointTable()
TAGS = ("auth",)
log = logging.getLogger(__name__)


async def send_verification(app: web.Application, user: User) -> None:
    """Post a verification link to the outbox (sent in the background)."""
    settings = app[SETTINGS]
    async with app[DATABASE].session() as session:
        token = await account_tokens.issue(
            session, user.id, "verify_email", timedelta(hours=settings.verify_email_hours)
        )
    url = account_mail.link(settings.site_url, "verify-email", token)
    mail = account_mail.verification(
        user.email, user.display_name, url, settings.verify_email_hours
    )
    app[MAILER].post(mail)


async def _account_of(session: AsyncSession, token: str, purpose: str) -> User:
    """The account a mailed token belongs to, spending the token; 400 if it cannot."""
    try:
        user_id = await account_tokens.consume(session, token, purpose)
    except account_tokens.TokenInvalid as exc:
        raise BadRequest(str(exc), code="invalid_token") from exc
    return await user_repo.get_user(session, user_id)


@routes.post(
    "/api/auth/verify-email/send",
    response=OkOut,
    status=202,
    tags=TAGS,
    errors=(409, 429),
)
async def resend_verification(call: Call) -> OkOut:
    """Mail a new verification link to the signed-in user (the older link stops working)."""
    if call.user.email_verified_at is not None:
        raise ConflictError("this email address is already verified", code="already_verified")
    await enforce_rate(call.app, "account_mail", call.user.email)
    await send_verification(call.app, call.user)
    return OkOut()


@routes.post(
    "/api/auth/verify-email",
    body=MailTokenIn,
    response=UserEnvelope,
    auth="none",
    tags=TAGS,
    errors=(400,),
)
async def verify_email(call: Call) -> UserEnvelope:
    """Confirm an address with the token from its verification link."""
    body: MailTokenIn = call.body
    async with call.app[DATABASE].session() as session:
        user = await _account_of(session, body.token, "verify_email")
        user.email_verified_at = user.email_verified_at or utcnow()
    return UserEnvelope(user=UserOut.of(user))


@routes.post(
    "/api/auth/password-reset/send",
    body=PasswordResetRequestIn,
    response=OkOut,
    status=202,
    auth="none",
    tags=TAGS,
    errors=(429,),
)
async def request_reset(call: Call) -> OkOut:
    """Mail a reset link if the address has an account; the answer is the same either way."""
    body: PasswordResetRequestIn = call.body
    email = body.email.strip().lower()
    await enforce_rate(call.app, "account_mail_ip", client_address(call.request))
    await enforce_rate(call.app, "account_mail", email)
    settings = call.app[SETTINGS]
    async with call.app[DATABASE].session() as session:
        user = await user_repo.find_by_email(session, email)
        if user is None:
            return OkOut()
        lifetime = timedelta(minutes=settings.reset_password_minutes)
        token = await account_tokens.issue(session, user.id, "reset_password", lifetime)
    url = account_mail.link(settings.site_url, "reset-password", token)
    call.app[MAILER].post(
        account_mail.password_reset(
            user.email, user.display_name, url, settings.reset_password_minutes
        )
    )
    return OkOut()


@routes.post(
    "/api/auth/password-reset",
    body=PasswordResetIn,
    response=OkOut,
    auth="none",
    tags=TAGS,
    errors=(400,),
)
async def reset_password(call: Call) -> OkOut:
    """Set a new password with a reset link's token; every login of the account ends."""
    body: PasswordResetIn = call.body
    password_hash = await hash_password(body.new_password)
    async with call.app[DATABASE].session() as session:
        user = await _account_of(session, body.token, "reset_password")
        user.password_hash = password_hash
        # The link reached the mailbox, so the address is proven too.
        user.email_verified_at = user.email_verified_at or utcnow()
        families = await token_repo.end_every_login(session, user)
    await end_logins(call.app, families)
    return OkOut()
