"""All tables; importing this module registers them on `Base.metadata`."""

from storage.models.base import Base, utcnow
from storage.models.coach import CoachMessage, CoachSession, CoachUsage
from storage.models.content import ModuleItemDone, QuizAttempt
from storage.models.design import DesignSession, DesignSnapshot
from storage.models.events import DomainEvent
from storage.models.practice import PracticeSession, SessionSnapshot
from storage.models.problems import Problem, ProblemLabel, ReferenceSolution, TestCase
from storage.models.progress import (
    Achievement,
    DailyChallenge,
    DailyChallengeSolve,
    Notification,
    ProblemProgress,
    UserActivity,
    UserStats,
    UserTopicSolved,
)
from storage.models.rooms import RatingChange, RoomDocUpdate, RoomMessage, RoomRecord, RoomResult
from storage.models.submissions import Submission
from storage.models.users import AccountToken, AuditEntry, RefreshToken, User

__all__ = [
    "AccountToken",
    "Achievement",
    "AuditEntry",
    "Base",
    "CoachMessage",
    "CoachSession",
    "CoachUsage",
    "DailyChallenge",
    "DailyChallengeSolve",
    "DesignSession",
    "DesignSnapshot",
    "DomainEvent",
    "ModuleItemDone",
    "Notification",
    "PracticeSession",
    "Problem",
    "ProblemLabel",
    "ProblemProgress",
    "QuizAttempt",
    "RatingChange",
    "ReferenceSolution",
    "RefreshToken",
    "RoomDocUpdate",
    "RoomMessage",
    "RoomRecord",
    "RoomResult",
    "SessionSnapshot",
    "Submission",
    "TestCase",
    "User",
    "UserActivity",
    "UserStats",
    "UserTopicSolved",
    "utcnow",
]
