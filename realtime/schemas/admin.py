"""Admin request and response bodies: users, roles, suspension, site stats, audit log."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from storage.models import AuditEntry, User

Role = Literal["user", "author", "admin"]


class UserQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    q: str | None = Field(None, max_length=100, description="part of an email or display name")
    role: Role | None = None
    suspended: bool | None = None
    page: int = Field(1, ge=1, le=100_000)
    per_page: int = Field(20, ge=1, le=100)


class AdminUserOut(BaseModel):
    id: int
    email: str
    display_name: str
    role: str
    email_verified: bool
    created_at: datetime
    last_seen_at: datetime | None
    suspended: bool
    suspended_at: datetime | None
    suspended_reason: str | None

    @classmethod
    def of(cls, user: User) -> AdminUserOut:
        return cls(
            id=user.id,
            email=user.email,
            display_name=user.display_name,
            role=user.role,
            email_verified=user.email_verified_at is not None,
            created_at=user.created_at,
            last_seen_at=user.last_seen_at,
            suspended=user.suspended_at is not None,
            suspended_at=user.suspended_at,
            suspended_reason=user.suspended_reason,
        )


class AdminUserPage(BaseModel):
    items: list[AdminUserOut]
    total: int
    page: int
    per_page: int


class AdminUserEnvelope(BaseModel):
    user: AdminUserOut


class RoleIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    role: Role


class SuspendIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: str = Field(min_length=1, max_length=500)


class SiteStatsOut(BaseModel):
    users: int
    users_new_7d: int
    users_active_24h: int
    users_suspended: int
    users_by_role: dict[str, int]
    submissions: int
    submissions_24h: int
    verdicts_24h: dict[str, int]
    problems_by_visibility: dict[str, int]
    rooms_by_status: dict[str, int]
    coach_sessions_active: int


class AuditQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    action: str | None = Field(None, max_length=64)
    actor_id: int | None = Field(None, ge=1)
    page: int = Field(1, ge=1, le=100_000)
    per_page: int = Field(50, ge=1, le=200)


class AuditOut(BaseModel):
    id: int
    at: datetime
    actor_id: int | None
    action: str
    target_type: str
    target_id: str
    details: dict[str, Any]

    @classmethod
    def of(cls, entry: AuditEntry) -> AuditOut:
        return cls(
            id=entry.id,
            at=entry.at,
            actor_id=entry.actor_id,
            action=entry.action,
            target_type=entry.target_type,
            target_id=entry.target_id,
            details=entry.details,
        )


class AuditPage(BaseModel):
    items: list[AuditOut]
    total: int
    page: int
    per_page: int
