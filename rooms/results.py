"""What a room leaves behind: a finished contest's results (who gets rated, by how much,
what `room:end` carries) and the domain events of its end."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from rooms.events import ROOM_END, RoomEvent
from rooms.rating import Rating, RatingChange, placements_from_standings, rate_contest
from rooms.room import Room, RoomKind
from rooms.scoring import StandingRow
from storage.domain_events import RoomClosed, RoomFinished, RoomPlacing


def rating_changes(
    room: Room, rows: Sequence[StandingRow], ratings: Mapping[int, Rating]
) -> dict[int, RatingChange]:
    """New ratings when `room` is a rated contest with two or more ranked players, else {}.

    `rows`: the final (unfrozen) standings; `ratings`: pre-contest ratings
    (anyone missing starts at the defaults).
    """
    if not (room.rated and room.kind == RoomKind.CONTEST and len(rows) >= 2):
        return {}
    return rate_contest(placements_from_standings(rows), ratings)


def finished_event(
    room: Room, rows: Sequence[StandingRow], changes: Mapping[int, RatingChange]
) -> RoomFinished:
    """The `room.finished` domain event: final places and, when rated, ratings."""

    def placing(row: StandingRow) -> RoomPlacing:
        change = changes.get(row.user_id)
        return RoomPlacing(
            user_id=row.user_id,
            rank=row.rank,
            solved=row.solved,
            score=row.score,
            rating_before=change.before.rating if change else None,
            rating_after=change.after.rating if change else None,
        )

    return RoomFinished(
        room_id=room.id,
        kind=str(room.kind),
        rated=room.rated,
        results=[placing(row) for row in rows],
    )


def closed_event(room: Room) -> RoomClosed:
    """The `room.closed` domain event of a room cancelled before it started."""
    return RoomClosed(
        room_id=room.id,
        kind=str(room.kind),
        reason=room.end_reason,
        creator_id=room.creator_id,
        participants=list(room.participant_ids),
    )


def change_summary(changes: Mapping[int, RatingChange]) -> dict[int, dict[str, float]]:
    """`{user_id: {before, after, delta}}`, rounded for the `room:end` payload."""
    return {
        uid: {
            "before": round(change.before.rating, 2),
            "after": round(change.after.rating, 2),
            "delta": round(change.delta, 2),
        }
        for uid, change in changes.items()
    }


def with_results(
    events: Iterable[RoomEvent], standings: list[dict[str, Any]], summary: dict[int, Any]
) -> list[RoomEvent]:
    """The events with the final standings and rating changes put into `room:end`."""
    return [
        RoomEvent(
            ROOM_END,
            {**event.payload, "standings": standings, "rating_changes": summary},
            event.target,
        )
        if event.name == ROOM_END
        else event
        for event in events
    ]
