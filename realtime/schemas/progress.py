"""Progress shapes on the wire: analytics, daily challenge, achievements, leaderboards,
notifications (docs/progress.md; the contract the web client is built against)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from storage.models import Notification

# ---- analytics


class Totals(BaseModel):
    attempted: int
    solved: int
    submissions: int
    accepted: int
    acceptance_rate: float  # 0..100


class DifficultyCount(BaseModel):
    difficulty: str
    solved: int
    total: int


class TopicCount(BaseModel):
    topic: str
    solved: int
    total: int


class LanguageCount(BaseModel):
    language: str
    submissions: int
    solved: int


class RecentItem(BaseModel):
    submission_id: int
    problem_slug: str | None
    problem_title: str | None
    language: str
    verdict: str | None
    created_at: datetime


class StreakOut(BaseModel):
    current: int
    longest: int


class Dashboard(BaseModel):
    totals: Totals
    by_difficulty: list[DifficultyCount]
    by_topic: list[TopicCount]
    languages: list[LanguageCount]
    recent: list[RecentItem]
    streak: StreakOut
    xp: int


class ActivityQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    days: int = Field(365, ge=1, le=366)


class ActivityDay(BaseModel):
    date: str
    submissions: int
    accepted: int
    xp: int = 0


class Activity(BaseModel):
    days: list[ActivityDay]


class LanguageBest(BaseModel):
    language: str
    runtime_ms: int | None
    memory_kb: int | None


class MyProblemProgress(BaseModel):
    slug: str
    status: Literal["new", "attempted", "solved"]
    attempts: int
    best_score: float
    first_solved_at: datetime | None
    last_attempted_at: datetime | None
    best_by_language: list[LanguageBest]


class ProblemAnalytics(BaseModel):
    slug: str
    attempts: int
    users_attempted: int
    users_solved: int
    acceptance_rate: float
    verdicts: dict[str, int]


# ---- daily challenge


class DailyProblem(BaseModel):
    slug: str
    title: str
    difficulty: str
    topics: list[str]


DailyStatus = Literal["solved", "attempted", "none"]


class DailyChallengeOut(BaseModel):
    date: str
    problem: DailyProblem
    status: DailyStatus | None
    bonus_xp: int
    solved_count: int


class HistoryQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    days: int = Field(30, ge=1, le=366)


class DailyHistoryItem(BaseModel):
    date: str
    problem: DailyProblem
    status: DailyStatus | None


class DailyHistory(BaseModel):
    items: list[DailyHistoryItem]


# ---- achievements


class EarnedAchievement(BaseModel):
    code: str
    title: str
    description: str
    earned_at: datetime


class AvailableAchievement(BaseModel):
    code: str
    title: str
    description: str


class Achievements(BaseModel):
    earned: list[EarnedAchievement]
    available: list[AvailableAchievement]


# ---- leaderboards

Board = Literal["xp", "solved", "weekly", "daily", "topic"]


class LeaderboardQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    board: Board = "xp"
    topic: str | None = Field(None, min_length=1, max_length=64)
    page: int = Field(1, ge=1, le=100_000)
    per_page: int = Field(20, ge=1, le=100)

    @model_validator(mode="after")
    def _topic_for_topic_board(self) -> LeaderboardQuery:
        if self.board == "topic" and not self.topic:
            raise ValueError("board=topic needs a topic")
        if self.board != "topic" and self.topic:
            raise ValueError("topic is only for board=topic")
        return self


class BoardEntry(BaseModel):
    rank: int
    user_id: int
    display_name: str
    score: int


class MyRank(BaseModel):
    rank: int
    score: int
    neighbours: list[BoardEntry]


class Leaderboard(BaseModel):
    board: str
    topic: str | None
    page: int
    per_page: int
    total: int
    items: list[BoardEntry]
    me: MyRank | None


# ---- notifications


class NotificationQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    unread_only: bool = False
    limit: int = Field(50, ge=1, le=200)
    before: int | None = Field(None, ge=1)


class NotificationOut(BaseModel):
    id: int
    kind: str
    title: str
    body: str
    data: dict[str, Any]
    created_at: datetime
    read_at: datetime | None

    @classmethod
    def of(cls, row: Notification) -> NotificationOut:
        return cls(
            id=row.id,
            kind=row.kind,
            title=row.title,
            body=row.body,
            data=dict(row.data or {}),
            created_at=row.created_at,
            read_at=row.read_at,
        )


class NotificationList(BaseModel):
    items: list[NotificationOut]
    unread: int


class MarkReadIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    ids: list[int] | None = Field(None, max_length=500)
    all: bool = False

    @model_validator(mode="after")
    def _one_of(self) -> MarkReadIn:
        if self.all == bool(self.ids):
            raise ValueError('give either "ids" (non-empty) or "all": true')
        return self


class UnreadOut(BaseModel):
    unread: int


def notification_payload(row: Notification) -> dict[str, Any]:
    """`notification:new`: the stored notification, as the inbox lists it (minus read_at)."""
    data = NotificationOut.of(row).model_dump(mode="json")
    data.pop("read_at")
    return data


# ---- public profile stats


class SolvedCounts(BaseModel):
    easy: int
    medium: int
    hard: int
    total: int


class PublicStats(BaseModel):
    solved: SolvedCounts
    streak: StreakOut
    xp: int
    rank: int | None
    rating: float
    badges: list[str]
