"""Scoreboard freeze: what each viewer may see of the standings in the last minutes.

With ``freeze_minutes = N`` the board stops changing N minutes before the end:
everyone sees standings computed only from submissions made before the freeze,
and a participant additionally sees their own later submissions as ``pending``
(never their outcome on the board). Nobody learns anything from other
participants' later submissions until the end. Completing the room reveals the
final board. A room with ``freeze_minutes = 0`` never freezes.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from rooms.scoring import StandingRow, Submission, compute_standings
from rooms.state import Room, RoomStatus


def is_frozen(room: Room, now: datetime) -> bool:
    """True while the room is running and past its freeze time (until it completes)."""
    freeze_at = room.freeze_at
    return room.status is RoomStatus.IN_PROGRESS and freeze_at is not None and now >= freeze_at


def is_hidden(room: Room, submitted_at: datetime, now: datetime) -> bool:
    """True if others may not yet learn anything about a submission made at ``submitted_at``."""
    freeze_at = room.freeze_at
    return is_frozen(room, now) and freeze_at is not None and submitted_at >= freeze_at


def _cutoff(room: Room) -> datetime | None:
    """End of the scoring window: the scheduled end, or an earlier early end."""
    if room.ended_at is not None and room.ends_at is not None:
        return min(room.ended_at, room.ends_at)
    return room.ends_at


def full_standings(room: Room, submissions: Iterable[Submission]) -> tuple[StandingRow, ...]:
    """The true board, ignoring any freeze: for ``end_if_all_solved``, the final reveal, ratings.

    Empty before the contest starts.
    """
    if room.started_at is None:
        return ()
    return compute_standings(
        room.format,
        room.problems,
        room.participant_ids,
        room.started_at,
        submissions,
        until=_cutoff(room),
    )


def visible_standings(
    room: Room,
    submissions: Iterable[Submission],
    now: datetime,
    viewer: int | None = None,
) -> tuple[StandingRow, ...]:
    """The board as ``viewer`` may see it at ``now`` (None: a spectator or anonymous view).

    Outside a freeze this is ``full_standings``. During one, it is the board as
    of the freeze time, with the viewer's own later submissions counted as
    ``pending`` on problems they had not solved by then.
    """
    subs = list(submissions)
    freeze_at = room.freeze_at
    if room.started_at is None or not is_frozen(room, now) or freeze_at is None:
        return full_standings(room, subs)
    rows = compute_standings(
        room.format, room.problems, room.participant_ids, room.started_at, subs, until=freeze_at
    )
    if viewer is None:
        return rows
    cutoff = _cutoff(room)
    pending = Counter(
        s.problem
        for s in subs
        if s.user_id == viewer
        and s.submitted_at >= freeze_at
        and (cutoff is None or s.submitted_at < cutoff)
    )
    return tuple(
        replace(
            row,
            problems=tuple(
                cell if cell.solved else replace(cell, pending=pending[cell.problem])
                for cell in row.problems
            ),
        )
        if row.user_id == viewer
        else row
        for row in rows
    )
