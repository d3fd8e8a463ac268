"""Rooms for the process: apply transitions, emit their events, finish contests exactly once.

The pure logic (rooms.state, rooms.scoring, rooms.rating, rooms.feed) decides;
this module loads and stores through `rooms.store.RoomStore` and delivers the
returned events through an emit callback, so web processes and judge workers
share it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable, Sequence
from datetime import datetime
from typing import Any

from rooms import feed
from rooms import state as room_state
from rooms.events import ROOM_END, RoomEvent
from rooms.rating import Rating, placements_from_standings, rate_contest
from rooms.room import Room, RoomError, RoomKind, RoomStatus
from rooms.scoring import Submission as ScoredSubmission
from rooms.scoring import standings_to_list
from rooms.standings_freeze import full_standings, visible_standings
from rooms.store import RoomStore, now_utc
from storage.database import Database
from storage.models import RatingChange, Submission, User
from storage.repositories import rooms as room_repo

log = logging.getLogger(__name__)

Emit = Callable[[str, dict[str, Any], Sequence[str]], Awaitable[None]]


def socket_room(room_id: str) -> str:
    return f"room:{room_id}"


def target_of(room_id: str, event: RoomEvent) -> str:
    return socket_room(room_id) if event.target == "room" else event.target


class RoomService:
    def __init__(self, db: Database, emit: Emit) -> None:
        self.db = db
        self.store = RoomStore(db)
        self.emit = emit

    async def publish(self, room_id: str, events: Sequence[RoomEvent]) -> None:
        for event in events:
            await self.emit(event.name, event.payload, [target_of(room_id, event)])

    async def apply(
        self, room_id: str, transition: Callable[[Room, datetime], tuple[Room, list[RoomEvent]]]
    ) -> Room:
        """Store a transition and deliver its events; the contest is finished by the winner."""
        room, events = await self.store.apply(room_id, transition)
        if any(e.name == ROOM_END for e in events) and room.status == RoomStatus.COMPLETED:
            events = await self.finish(room, events)
        await self.publish(room_id, events)
        return room

    # Standings

    async def scored_submissions(self, room: Room) -> list[ScoredSubmission]:
        async with self.db.session() as session:
            rows = await room_repo.judged_room_submissions(session, room.id)
        return [
            ScoredSubmission(
                user_id=sub.user_id,
                problem=slug,
                verdict=sub.verdict or "IE",
                score=max(0.0, min(100.0, sub.score)),
                submitted_at=sub.created_at,
                id=sub.id,
            )
            for sub, slug in rows
            if slug in room.problems
        ]

    async def standings_for(self, room: Room, viewer: int | None) -> dict[str, Any]:
        subs = await self.scored_submissions(room)
        now = now_utc()
        rows = visible_standings(room, subs, now, viewer)
        frozen = (
            room.freeze_at is not None
            and room.status == RoomStatus.IN_PROGRESS
            and now >= room.freeze_at
        )
        return {
            "room": room.id,
            "frozen": frozen,
            "final": room.status == RoomStatus.COMPLETED,
            "standings": await self._named(standings_to_list(rows)),
        }

    async def _named(self, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        async with self.db.session() as session:
            names = await room_repo.display_names(session, [r["user_id"] for r in rows])
        return [{**r, "display_name": names.get(r["user_id"], "")} for r in rows]

    # Contest end: results and ratings, once

    async def finish(self, room: Room, events: list[RoomEvent]) -> list[RoomEvent]:
        """Store final results and rating changes; put them into the `room:end` payload."""
        subs = await self.scored_submissions(room)
        rows = full_standings(room, subs)
        final = await self._named(standings_to_list(rows))
        changes: dict[int, dict[str, float]] = {}
        async with self.db.session() as session:
            await room_repo.save_results(session, room.id, final)
            if room.rated and room.kind == RoomKind.CONTEST and len(rows) >= 2:
                users = {u.id: u for u in [await session.get(User, r.user_id) for r in rows] if u}
                before = {
                    uid: Rating(u.rating, u.rating_deviation, u.rating_volatility)
                    for uid, u in users.items()
                }
                placements = placements_from_standings(rows)
                for uid, change in rate_contest(placements, before).items():
                    user = users[uid]
                    user.rating = change.after.rating
                    user.rating_deviation = change.after.rd
                    user.rating_volatility = change.after.volatility
                    session.add(
                        RatingChange(
                            user_id=uid,
                            room_id=room.id,
                            rating_before=change.before.rating,
                            rating_after=change.after.rating,
                            rd_after=change.after.rd,
                            volatility_after=change.after.volatility,
                            rank=placements[uid],
                        )
                    )
                    changes[uid] = {
                        "before": round(change.before.rating, 2),
                        "after": round(change.after.rating, 2),
                        "delta": round(change.after.rating - change.before.rating, 2),
                    }
        out = []
        for event in events:
            if event.name == ROOM_END:
                event = RoomEvent(
                    ROOM_END,
                    {**event.payload, "standings": final, "rating_changes": changes},
                    event.target,
                )
            out.append(event)
        out.extend(feed.leaderboard_events(room, subs, now_utc()))
        return out

    # Contest submissions (called by the judge handler, in any process)

    async def on_submitted(self, submission: Submission, problem_slug: str | None) -> None:
        if not submission.room_id or problem_slug is None:
            return
        room = await self.store.load(submission.room_id)
        if room.kind != RoomKind.CONTEST:
            return
        events = feed.submission_new_events(
            room, submission.user_id, problem_slug, submission.created_at, now_utc(), submission.id
        )
        await self.publish(room.id, events)

    async def on_progress(self, submission: Submission, done: int, total: int) -> None:
        if not submission.room_id or submission.mode != "submit":
            return
        room = await self.store.load(submission.room_id)
        if room.kind != RoomKind.CONTEST:
            return
        slug = await self._slug(submission)
        events = feed.progress_events(
            room,
            submission.user_id,
            slug,
            submission.created_at,
            now_utc(),
            done,
            total,
            submission.id,
        )
        await self.publish(room.id, events)

    async def on_judged(self, submission: Submission) -> None:
        if not submission.room_id or submission.mode != "submit":
            return
        room = await self.store.load(submission.room_id)
        if room.kind != RoomKind.CONTEST:
            return
        subs = await self.scored_submissions(room)
        mine = next((s for s in subs if s.id == submission.id), None)
        now = now_utc()
        events: list[RoomEvent] = []
        if mine is not None:
            events += feed.submission_result_events(room, mine, now)
        events += feed.leaderboard_events(room, subs, now, changed_by=submission.user_id)
        await self.publish(room.id, events)
        rows = full_standings(room, subs)
        await self.apply(room.id, lambda r, t: room_state.end_if_all_solved(r, rows, t))

    async def _slug(self, submission: Submission) -> str:
        from storage.repositories import problems as problem_repo

        async with self.db.session() as session:
            return (await problem_repo.get_problem_by_id(session, submission.problem_id)).slug

    # Clock

    async def tick_due(self) -> int:
        async with self.db.session() as session:
            due = await room_repo.due_for_tick(session, now_utc())
        for room_id in due:
            try:
                await self.apply(room_id, room_state.tick)
            except RoomError:
                log.exception("tick failed for room %s", room_id)
        return len(due)

    async def run_clock(self, stop: asyncio.Event, interval: float = 0.5) -> None:
        """Advance countdowns and end contests on time; every process may run one."""
        while not stop.is_set():
            try:
                await self.tick_due()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("room clock iteration failed")
            with contextlib.suppress(TimeoutError):
                async with asyncio.timeout(interval):
                    await stop.wait()

    async def competing_on(self, user_id: int, problem_slug: str) -> bool:
        """True while `user_id` is in a running contest that contains `problem_slug`."""
        async with self.db.session() as session:
            from sqlalchemy import select

            from storage.models import RoomRecord

            rows = await session.scalars(
                select(RoomRecord.state).where(
                    RoomRecord.status == "in_progress", RoomRecord.kind == "contest"
                )
            )
            for data in rows:
                room = Room.from_dict(data)
                if user_id in room.participant_ids and problem_slug in room.problems:
                    return True
        return False
