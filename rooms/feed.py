"""What a room is told about submissions and the board, with the freeze applied.

The realtime layer calls these as a submission goes through the judge:
``submission:new`` when it is queued, ``participant:progress`` per finished
test, ``submission:result`` with the verdict, then ``leaderboard:update``.
Each event goes to the whole room, except that during a freeze anything about
a submission made after the freeze goes only to its author (the room must not
learn of it before the end). No payload carries code, test data or output.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from rooms.events import (
    LEADERBOARD_UPDATE,
    PARTICIPANT_PROGRESS,
    ROOM_TARGET,
    SUBMISSION_NEW,
    SUBMISSION_RESULT,
    RoomEvent,
    user_room,
)
from rooms.scoring import Submission, standings_to_list
from rooms.standings_freeze import is_frozen, is_hidden, visible_standings
from rooms.state import Room, RoomStatus

SubmissionId = int | str | None


def _audience(room: Room, user_id: int, submitted_at: datetime, now: datetime) -> str:
    return user_room(user_id) if is_hidden(room, submitted_at, now) else ROOM_TARGET


def submission_new_events(
    room: Room,
    user_id: int,
    problem: str,
    submitted_at: datetime,
    now: datetime,
    submission_id: SubmissionId = None,
) -> list[RoomEvent]:
    """Announce a queued submission (call ``state.check_submission`` first)."""
    payload = {
        "room": room.id,
        "submission_id": submission_id,
        "user_id": user_id,
        "problem": problem,
        "submitted_at": submitted_at.isoformat(),
    }
    return [RoomEvent(SUBMISSION_NEW, payload, _audience(room, user_id, submitted_at, now))]


def progress_events(
    room: Room,
    user_id: int,
    problem: str,
    submitted_at: datetime,
    now: datetime,
    tests_done: int,
    tests_total: int,
    submission_id: SubmissionId = None,
) -> list[RoomEvent]:
    """Relay how far the judge is with a submission: counts only, never test content."""
    payload = {
        "room": room.id,
        "submission_id": submission_id,
        "user_id": user_id,
        "problem": problem,
        "tests_done": tests_done,
        "tests_total": tests_total,
    }
    return [RoomEvent(PARTICIPANT_PROGRESS, payload, _audience(room, user_id, submitted_at, now))]


def submission_result_events(room: Room, submission: Submission, now: datetime) -> list[RoomEvent]:
    """Announce a judged submission's verdict and score."""
    payload = {
        "room": room.id,
        "submission_id": submission.id,
        "user_id": submission.user_id,
        "problem": submission.problem,
        "verdict": submission.verdict,
        "score": submission.score,
        "submitted_at": submission.submitted_at.isoformat(),
    }
    target = _audience(room, submission.user_id, submission.submitted_at, now)
    return [RoomEvent(SUBMISSION_RESULT, payload, target)]


def leaderboard_events(
    room: Room,
    submissions: Iterable[Submission],
    now: datetime,
    changed_by: int | None = None,
) -> list[RoomEvent]:
    """The board after a change, to whoever may see it.

    ``changed_by`` is the user whose submission changed it, if any. Outside a
    freeze the whole room gets the board; once completed it is marked
    ``final`` (this is the reveal). During a freeze the room's board does not
    move, so only ``changed_by`` gets their own view (with pending cells);
    without ``changed_by`` the room gets the frozen board.
    """
    if room.started_at is None:
        return []
    frozen = is_frozen(room, now)
    viewer = changed_by if frozen else None
    rows = visible_standings(room, submissions, now, viewer)
    payload: dict[str, Any] = {
        "room": room.id,
        "format": str(room.format),
        "frozen": frozen,
        "final": room.status is RoomStatus.COMPLETED,
        "standings": standings_to_list(rows),
    }
    target = user_room(viewer) if viewer is not None else ROOM_TARGET
    return [RoomEvent(LEADERBOARD_UPDATE, payload, target)]
