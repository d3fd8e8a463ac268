"""Admin over accounts: find users, change roles, suspend and restore, read site figures
and the audit log. Every change is written to the audit log in its own transaction.

A suspension ends the account's every login at once (token version, refresh families,
sockets) and refuses its logins until it is lifted. An admin cannot suspend or demote
themselves, so a site never loses its last admin by accident.
"""

from __future__ import annotations

from dataclasses import asdict

from sqlalchemy.ext.asyncio import AsyncSession

from realtime.keys import DATABASE
from realtime.rest.endpoints import Call, EndpointTable
from realtime.rest.errors import ConflictError, NotFoundError
from realtime.schemas.admin import (
    AdminUserEnvelope,
    AdminUserOut,
    AdminUserPage,
    AuditOut,
    AuditPage,
    AuditQuery,
    RoleIn,
    SiteStatsOut,
    SuspendIn,
    UserQuery,
)
from realtime.sockets.server import end_logins
from storage.errors import NotFound
from storage.models import User, utcnow
from storage.repositories import admin as admin_repo
from storage.repositories import audit
from storage.repositories import tokens as token_repo
from storage.repositories import users as user_repo

routes = EndpointTable()
TAGS = ("admin",)
ADMIN = ("admin",)
USER_PATH = "/api/admin/users/{user_id}"


async def _target(session: AsyncSession, call: Call) -> User:
    user_id = call.path_id("user_id", "user")
    try:
        return await user_repo.get_user(session, user_id)
    except NotFound as exc:
        raise NotFoundError("user not found", code="user_not_found") from exc


def _not_yourself(call: Call, user: User, what: str) -> None:
    if user.id == call.user.id:
        raise ConflictError(f"admins cannot {what} themselves", code="cannot_change_self")


@routes.get("/api/admin/users", query=UserQuery, response=AdminUserPage, roles=ADMIN, tags=TAGS)
async def list_users(call: Call) -> AdminUserPage:
    """Search by part of an email or display name; filter by role and suspension."""
    q: UserQuery = call.query
    async with call.app[DATABASE].session() as session:
        total, users = await admin_repo.search_users(
            session,
            q=q.q,
            role=q.role,
            suspended=q.suspended,
            offset=(q.page - 1) * q.per_page,
            limit=q.per_page,
        )
    return AdminUserPage(
        items=[AdminUserOut.of(u) for u in users], total=total, page=q.page, per_page=q.per_page
    )


@routes.get(USER_PATH, response=AdminUserEnvelope, roles=ADMIN, tags=TAGS, errors=(404,))
async def get_user(call: Call) -> AdminUserEnvelope:
    async with call.app[DATABASE].session() as session:
        return AdminUserEnvelope(user=AdminUserOut.of(await _target(session, call)))


@routes.put(
    USER_PATH + "/role",
    body=RoleIn,
    response=AdminUserEnvelope,
    roles=ADMIN,
    tags=TAGS,
    errors=(404, 409),
)
async def change_role(call: Call) -> AdminUserEnvelope:
    """Make a user a `user`, an `author` (may write problems) or an `admin`."""
    body: RoleIn = call.body
    async with call.app[DATABASE].session() as session:
        user = await _target(session, call)
        if user.role != body.role:
            _not_yourself(call, user, "change the role of")
            before, user.role = user.role, body.role
            await audit.record(
                session,
                call.user.id,
                "user.role_changed",
                "user",
                user.id,
                {"from": before, "to": body.role},
            )
        return AdminUserEnvelope(user=AdminUserOut.of(user))


@routes.post(
    USER_PATH + "/suspend",
    body=SuspendIn,
    response=AdminUserEnvelope,
    roles=ADMIN,
    tags=TAGS,
    errors=(404, 409),
)
async def suspend(call: Call) -> AdminUserEnvelope:
    """Suspend an account: its logins end now (tokens and sockets) and new ones are refused."""
    body: SuspendIn = call.body
    async with call.app[DATABASE].session() as session:
        user = await _target(session, call)
        _not_yourself(call, user, "suspend")
        if user.suspended_at is not None:
            raise ConflictError("this account is already suspended", code="already_suspended")
        user.suspended_at, user.suspended_reason = utcnow(), body.reason
        families = await token_repo.end_every_login(session, user)
        await audit.record(
            session, call.user.id, "user.suspended", "user", user.id, {"reason": body.reason}
        )
        out = AdminUserOut.of(user)
    await end_logins(call.app, families)
    return AdminUserEnvelope(user=out)


@routes.post(
    USER_PATH + "/unsuspend",
    response=AdminUserEnvelope,
    roles=ADMIN,
    tags=TAGS,
    errors=(404, 409),
)
async def unsuspend(call: Call) -> AdminUserEnvelope:
    """Lift a suspension; the user signs in again with their password."""
    async with call.app[DATABASE].session() as session:
        user = await _target(session, call)
        if user.suspended_at is None:
            raise ConflictError("this account is not suspended", code="not_suspended")
        user.suspended_at, user.suspended_reason = None, None
        await audit.record(session, call.user.id, "user.unsuspended", "user", user.id)
        return AdminUserEnvelope(user=AdminUserOut.of(user))


@routes.get("/api/admin/stats", response=SiteStatsOut, roles=ADMIN, tags=TAGS)
async def site_stats(call: Call) -> SiteStatsOut:
    """Site figures: users, submissions and verdicts of the last day, problems, rooms."""
    async with call.app[DATABASE].session() as session:
        stats = await admin_repo.site_stats(session, utcnow())
    return SiteStatsOut(**asdict(stats))


@routes.get("/api/admin/audit", query=AuditQuery, response=AuditPage, roles=ADMIN, tags=TAGS)
async def audit_log(call: Call) -> AuditPage:
    """Admin actions, newest first."""
    q: AuditQuery = call.query
    async with call.app[DATABASE].session() as session:
        total, rows = await audit.page(
            session,
            offset=(q.page - 1) * q.per_page,
            limit=q.per_page,
            action=q.action,
            actor_id=q.actor_id,
        )
    return AuditPage(
        items=[AuditOut.of(r) for r in rows], total=total, page=q.page, per_page=q.per_page
    )
