"""User and profile shapes: private (own) and public (anyone's)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from realtime.schemas.progress import PublicStats
from storage.display_names import clean_name
from storage.languages import LanguageId
from storage.models import User

ExperienceLevel = Literal["beginner", "intermediate", "advanced", "expert"]


class PublicProfile(BaseModel):
    id: int
    display_name: str
    bio: str
    experience_level: str
    preferred_languages: list[str]
    target_companies: list[str]
    rating: float
    created_at: datetime

    @classmethod
    def of(cls, user: User) -> PublicProfile:
        return cls(
            id=user.id,
            display_name=user.display_name,
            bio=user.bio,
            experience_level=user.experience_level,
            preferred_languages=list(user.preferred_languages or []),
            target_companies=list(user.target_companies or []),
            rating=round(user.rating, 2),
            created_at=user.created_at,
        )


class UserOut(PublicProfile):
    email: str
    email_verified: bool
    role: str

    @classmethod
    def of(cls, user: User) -> UserOut:
        return cls(
            **PublicProfile.of(user).model_dump(),
            email=user.email,
            email_verified=user.email_verified_at is not None,
            role=user.role,
        )


class UserEnvelope(BaseModel):
    user: UserOut


class PublicProfileWithStats(PublicProfile):
    stats: PublicStats | None = None


class PublicProfileEnvelope(BaseModel):
    user: PublicProfileWithStats
    stats: PublicStats | None = None  # the same as user.stats, for clients reading either


class ProfileUpdate(BaseModel):
    """Omitted fields stay as they are; `null` clears the bio and the lists.

    A display name and an experience level cannot be cleared, so their schema
    does not allow `null` (the default only means "omitted").
    """

    model_config = ConfigDict(extra="forbid")

    display_name: str = Field(None, min_length=1, max_length=80)  # type: ignore[assignment]
    bio: str | None = Field(None, max_length=2000)
    experience_level: ExperienceLevel = Field(None)  # type: ignore[assignment]
    preferred_languages: list[LanguageId] | None = Field(None, max_length=5)
    target_companies: list[str] | None = Field(None, max_length=20)

    @field_validator("display_name")
    @classmethod
    def _clean_name(cls, value: str) -> str:
        return clean_name(value)

    @field_validator("bio")
    @classmethod
    def _clear_bio(cls, value: str | None) -> str:
        return value or ""

    @field_validator("preferred_languages", "target_companies")
    @classmethod
    def _clear_list(cls, value: list[str] | None) -> list[str]:
        return value or []
