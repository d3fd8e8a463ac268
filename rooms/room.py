"""The room record: settings, seats, status and timestamps, and its JSON forms.

Transitions live in ``rooms.state``; this module only says what a room is,
what makes one valid, and how a store persists it (``to_dict``/``from_dict``)
or a client sees it (``view``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any

from rooms.scoring import ContestFormat


class RoomStatus(StrEnum):
    WAITING = "waiting"
    COUNTDOWN = "countdown"
    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class RoomKind(StrEnum):
    CONTEST = "contest"
    PAIR = "pair"
    INTERVIEW = "interview"


# Rooms that hold a shared document (code texts and a drawing); contests do not.
DOCUMENT_KINDS = frozenset({RoomKind.PAIR, RoomKind.INTERVIEW})


class Visibility(StrEnum):
    PUBLIC = "public"
    PRIVATE = "private"


NOT_STARTED = frozenset({RoomStatus.WAITING, RoomStatus.COUNTDOWN})
FINISHED = frozenset({RoomStatus.COMPLETED, RoomStatus.CANCELLED})

# Why a room finished (``end_reason``).
TIME_UP = "time_up"
ENDED_BY_CREATOR = "ended_by_creator"
ALL_SOLVED = "all_solved"
CANCELLED_BY_CREATOR = "cancelled_by_creator"
EVERYONE_LEFT = "everyone_left"

ERROR_CODES = frozenset(
    {
        "invalid_room",  # bad settings at creation or in stored data
        "room_full",
        "room_not_joinable",  # cancelled, or completed (for participants)
        "not_creator",
        "bad_invite_code",
        "already_started",  # joining as a new participant, or cancelling, after the start
        "not_started",  # ending a room that has not started: cancel it instead
        "room_closed",  # starting a completed or cancelled room
        "no_participants",
        "not_participant",
        "not_in_progress",  # submitting outside the contest window
        "problem_not_in_room",
        "problem_required",  # a contest run that names no problem
    }
)


class RoomError(Exception):
    """A refused room request; ``code`` is one of ``ERROR_CODES`` and safe to show the user."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message

    def to_dict(self) -> dict[str, str]:
        return {"code": self.code, "message": self.message}


@dataclass(frozen=True)
class Participant:
    """A contestant; ``connected`` goes false when they leave mid-contest (their row stays)."""

    user_id: int
    joined_at: datetime
    connected: bool = True


@dataclass(frozen=True)
class Room:
    """Everything a store must keep about one room; see ``create_room`` for the settings."""

    id: str
    kind: RoomKind
    name: str
    creator_id: int
    problems: tuple[str, ...]
    created_at: datetime
    max_participants: int = 3
    duration_minutes: int = 30
    visibility: Visibility = Visibility.PUBLIC
    invite_code: str | None = None
    format: ContestFormat = ContestFormat.ICPC
    rated: bool = False
    freeze_minutes: int = 0
    countdown_seconds: int = 10
    participants: tuple[Participant, ...] = ()
    spectators: tuple[int, ...] = ()
    status: RoomStatus = RoomStatus.WAITING
    countdown_started_at: datetime | None = None
    started_at: datetime | None = None
    ends_at: datetime | None = None
    ended_at: datetime | None = None
    end_reason: str | None = None
    version: int = 0

    def __post_init__(self) -> None:
        # Accept plain strings and lists (as JSON gives them) and store the typed forms.
        try:
            object.__setattr__(self, "kind", RoomKind(self.kind))
            object.__setattr__(self, "visibility", Visibility(self.visibility))
            object.__setattr__(self, "format", ContestFormat(self.format))
            object.__setattr__(self, "status", RoomStatus(self.status))
        except ValueError as exc:
            raise RoomError("invalid_room", str(exc)) from None
        object.__setattr__(self, "problems", tuple(self.problems))
        object.__setattr__(self, "participants", tuple(self.participants))
        object.__setattr__(self, "spectators", tuple(self.spectators))
        problem = _settings_problem(self)
        if problem:
            raise RoomError("invalid_room", problem)

    @property
    def participant_ids(self) -> tuple[int, ...]:
        return tuple(p.user_id for p in self.participants)

    @property
    def is_full(self) -> bool:
        return len(self.participants) >= self.max_participants

    @property
    def countdown_ends_at(self) -> datetime | None:
        if self.countdown_started_at is None:
            return None
        return self.countdown_started_at + timedelta(seconds=self.countdown_seconds)

    @property
    def freeze_at(self) -> datetime | None:
        """When the board freezes, or None if this room never freezes (or has not started)."""
        if self.freeze_minutes <= 0 or self.ends_at is None:
            return None
        return self.ends_at - timedelta(minutes=self.freeze_minutes)

    def participant(self, user_id: int) -> Participant | None:
        return next((p for p in self.participants if p.user_id == user_id), None)

    def view(self) -> dict[str, Any]:
        """The public, JSON-ready state sent in ``room:update``.

        Leaves out the invite code, and the problem slugs until the contest
        starts, so nobody can read the problems during the lobby.
        """
        data = self.to_dict()
        del data["invite_code"]
        if self.started_at is None:
            del data["problems"]
        data["problem_count"] = len(self.problems)
        data["countdown_ends_at"] = iso(self.countdown_ends_at)
        data["freeze_at"] = iso(self.freeze_at)
        return data

    def to_dict(self) -> dict[str, Any]:
        """Full JSON-ready state, invite code included, for a store to persist."""
        return {
            "id": self.id,
            "kind": str(self.kind),
            "name": self.name,
            "creator_id": self.creator_id,
            "problems": list(self.problems),
            "created_at": iso(self.created_at),
            "max_participants": self.max_participants,
            "duration_minutes": self.duration_minutes,
            "visibility": str(self.visibility),
            "invite_code": self.invite_code,
            "format": str(self.format),
            "rated": self.rated,
            "freeze_minutes": self.freeze_minutes,
            "countdown_seconds": self.countdown_seconds,
            "participants": [
                {"user_id": p.user_id, "joined_at": iso(p.joined_at), "connected": p.connected}
                for p in self.participants
            ],
            "spectators": list(self.spectators),
            "status": str(self.status),
            "countdown_started_at": iso(self.countdown_started_at),
            "started_at": iso(self.started_at),
            "ends_at": iso(self.ends_at),
            "ended_at": iso(self.ended_at),
            "end_reason": self.end_reason,
            "version": self.version,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Room:
        """Rebuild a room from ``to_dict`` output; raises RoomError("invalid_room") if malformed."""
        try:
            fields = dict(data)
            fields["participants"] = tuple(
                Participant(int(p["user_id"]), _parse(p["joined_at"]), bool(p["connected"]))
                for p in data["participants"]
            )
            for name in (
                "created_at",
                "countdown_started_at",
                "started_at",
                "ends_at",
                "ended_at",
            ):
                fields[name] = _parse(data.get(name))
            return cls(**fields)
        except (KeyError, TypeError, ValueError) as exc:
            raise RoomError("invalid_room", f"malformed room data: {exc}") from None


def iso(moment: datetime | None) -> str | None:
    """ISO-8601 text for JSON payloads; None stays None."""
    return None if moment is None else moment.isoformat()


def _parse(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)


def _settings_problem(room: Room) -> str | None:
    """Why these settings are unusable, or None."""
    if not room.id:
        return "room id is empty"
    if room.kind is RoomKind.CONTEST and not room.problems:
        return "a contest room needs at least one problem"
    if len(set(room.problems)) != len(room.problems):
        return "problems must be distinct"
    if not 1 <= room.max_participants <= 100:
        return "max_participants must be within 1..100"
    if not 1 <= room.duration_minutes <= 24 * 60:
        return "duration_minutes must be within 1..1440"
    if not 0 <= room.freeze_minutes < room.duration_minutes:
        return "freeze_minutes must be at least 0 and shorter than the contest"
    if not 0 <= room.countdown_seconds <= 600:
        return "countdown_seconds must be within 0..600"
    if room.visibility is Visibility.PRIVATE and not room.invite_code:
        return "a private room needs an invite code"
    if len(room.participants) > room.max_participants:
        return "more participants than max_participants"
    if len(set(room.participant_ids)) != len(room.participants):
        return "participants must be distinct"
    if room.created_at.tzinfo is None:
        return "times must be timezone-aware"
    return None
