"""The domain events and their versioned payloads: the contract of docs/events.md.

Each payload model names its `TYPE` and `VERSION`. A change a consumer could trip on
(a field removed, renamed or retyped) is a new VERSION; adding an optional field is not.
Models forbid unknown fields, so what is stored is exactly what is documented.
"""

from __future__ import annotations

from typing import ClassVar

from pydantic import BaseModel, ConfigDict


class EventPayload(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    TYPE: ClassVar[str]
    VERSION: ClassVar[int] = 1


class SubmissionJudged(EventPayload):
    """A run or submit got its final verdict (stored once, even if judged twice)."""

    TYPE = "submission.judged"

    submission_id: int
    user_id: int
    problem_id: int | None
    room_id: str | None
    language: str
    mode: str
    verdict: str
    score: float
    time_ms: int
    memory_kb: int


class ProblemFirstSolved(EventPayload):
    """A user's first accepted submit of a problem."""

    TYPE = "problem.first_solved"

    user_id: int
    problem_id: int
    submission_id: int
    xp: int


class AchievementEarned(EventPayload):
    TYPE = "achievement.earned"

    user_id: int
    code: str


class RoomPlacing(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    user_id: int
    rank: int
    solved: int
    score: float
    rating_before: float | None = None
    rating_after: float | None = None


class RoomFinished(EventPayload):
    """A contest's final results were stored (once per room)."""

    TYPE = "room.finished"

    room_id: str
    kind: str
    rated: bool
    results: list[RoomPlacing]


class RoomClosed(EventPayload):
    """A room ended without results: called off by its creator, or left by everyone
    (how a pair or interview room that never started ends)."""

    TYPE = "room.closed"

    room_id: str
    kind: str
    reason: str | None
    creator_id: int
    participants: list[int]


class CoachSessionEnded(EventPayload):
    """A coach session left `active` (ended by its user, or abandoned)."""

    TYPE = "coach.session_ended"

    session_id: int
    user_id: int
    mode: str
    status: str
    tokens_used: int


EVENT_TYPES: dict[str, type[EventPayload]] = {
    model.TYPE: model
    for model in (
        SubmissionJudged,
        ProblemFirstSolved,
        AchievementEarned,
        RoomFinished,
        RoomClosed,
        CoachSessionEnded,
    )
}
