"""Room REST shapes."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from realtime.schemas.problems import SLUG_PATTERN
from storage.display_names import clean_name


class RoomCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Literal["contest", "pair", "interview"] = "contest"
    name: str = Field("Practice room", min_length=1, max_length=120)
    problems: list[str] | None = Field(None, max_length=12)
    difficulty: Literal["easy", "medium", "hard"] | None = None
    topic: str | None = Field(None, max_length=64)
    problem_count: int = Field(3, ge=1, le=12)
    max_participants: int = Field(3, ge=1, le=100)
    duration_minutes: int = Field(30, ge=1, le=24 * 60)
    visibility: Literal["public", "private"] = "public"
    format: Literal["icpc", "score", "first_solve"] = "icpc"
    rated: bool = False
    freeze_minutes: int = Field(0, ge=0, le=24 * 60)
    countdown_seconds: int = Field(10, ge=0, le=300)

    @field_validator("name")
    @classmethod
    def _clean_name(cls, value: str) -> str:
        return clean_name(value, max_length=120)

    @model_validator(mode="after")
    def _check(self) -> RoomCreate:
        import re

        for slug in self.problems or []:
            if not re.match(SLUG_PATTERN, slug):
                raise ValueError(f"invalid problem slug {slug!r}")
        if self.freeze_minutes >= self.duration_minutes and self.freeze_minutes:
            raise ValueError("freeze_minutes must be shorter than the contest")
        if self.kind != "contest" and self.rated:
            raise ValueError("only contests can be rated")
        return self


class RoomQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    status: Literal["waiting", "countdown", "in_progress", "completed", "cancelled"] | None = None
    kind: Literal["contest", "pair", "interview"] | None = None
    page: int = Field(1, ge=1, le=10_000)
    per_page: int = Field(20, ge=1, le=100)


class RoomEnvelope(BaseModel):
    room: dict[str, Any]


class RoomPage(BaseModel):
    items: list[dict[str, Any]]
    total: int
    page: int
    per_page: int


class Leaderboard(BaseModel):
    room: str
    frozen: bool
    final: bool
    standings: list[dict[str, Any]]


class RatingPoint(BaseModel):
    room_id: str
    rating_before: float
    rating_after: float
    rank: int
    at: str


class RatingHistory(BaseModel):
    user_id: int
    rating: float
    history: list[RatingPoint]
