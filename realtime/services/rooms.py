"""Rooms for the process: apply transitions, emit their events, finish contests exactly once.

The pure logic (rooms.state, rooms.roles, rooms.scoring, rooms.results,
rooms.feed) decides; this module loads and stores through
`rooms.room_store.RoomStore` and `storage.repositories.rooms`, and delivers the
returned events through an emit callback, so web processes and judge workers
share it. A web process also runs the room clock (`async with service`).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Sequence
from typing import Any

from loops import LoopService, sleep_or_stop
from progress import recorder
from realtime.schemas.progress import notification_payload
from rooms import feed, names, results, roles
from rooms import state as room_state
from rooms.events import ROOM_END, Emit, RoomEvent, user_room
from rooms.rating import Rating
from rooms.room import Room, RoomError, RoomKind, RoomStatus
from rooms.room_store import RoomStore, Transition, now_utc
from rooms.scoring import Submission as ScoredSubmission
from rooms.scoring import standings_to_list
from rooms.standings_freeze import full_standings, visible_standings
from storage.database import Database
from storage.models import Notification, Submission
from storage.repositories import events as event_log
from storage.repositories import problems as problem_repo
from storage.repositories import rooms as room_repo

log = logging.getLogger(__name__)
CLOCK_INTERVAL = 0.5  # seconds between looks for countdowns and contests that are due


def socket_room(room_id: str) -> str:
    return f"room:{room_id}"


def target_of(room_id: str, event: RoomEvent) -> str:
    return socket_room(room_id) if event.target == "room" else event.target


class RoomService(LoopService):
    """Rooms of this process; `async with service` runs the clock (any process may)."""

    loop_name = "room-clock"

    def __init__(self, db: Database, emit: Emit) -> None:
        self.db = db
        self.store = RoomStore(db)
        self.emit = emit

    async def publish(self, room_id: str, events: Sequence[RoomEvent]) -> None:
        """Deliver events, board rows and participants named (one lookup for them all)."""
        found = await self.names_of(names.ids_to_name(events))
        for event in events:
            event = names.named_event(event, found)
            await self.emit(event.name, event.payload, [target_of(room_id, event)])

    async def names_of(self, user_ids: set[int]) -> dict[int, str]:
        if not user_ids:
            return {}
        async with self.db.session() as session:
            return await room_repo.display_names(session, sorted(user_ids))

    async def view_for(self, room: Room, viewer: int | None) -> dict[str, Any]:
        """`roles.view_for` with the participants' and the creator's names."""
        view = roles.view_for(room, viewer)
        return names.named_view(view, await self.names_of(names.view_ids(view)))

    async def apply(self, room_id: str, transition: Transition) -> Room:
        """Store a transition and deliver its events; the contest is finished by the winner."""
        room, events = await self.store.apply(room_id, transition)
        if any(e.name == ROOM_END for e in events):
            if room.status == RoomStatus.COMPLETED:
                events = await self.finish(room, events)
            else:
                await self.log_closed(room)
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
        return names.named_rows(rows, await self.names_of({r["user_id"] for r in rows}))

    # Contest end: results and ratings, once

    async def finish(self, room: Room, events: list[RoomEvent]) -> list[RoomEvent]:
        """Store final results and rating changes; put them into the `room:end` payload."""
        subs = await self.scored_submissions(room)
        rows = full_standings(room, subs)
        final = await self._named(standings_to_list(rows))
        async with self.db.session() as session:
            await room_repo.save_results(session, room.id, final)
            stored = await room_repo.current_ratings(session, [r.user_id for r in rows])
            before = {uid: Rating(*values) for uid, values in stored.items()}
            changes = results.rating_changes(room, rows, before)
            ranks = {row.user_id: row.rank for row in rows}
            await room_repo.record_ratings(
                session,
                room.id,
                [
                    room_repo.RatingUpdate(
                        user_id=uid,
                        rank=ranks[uid],
                        rating_before=change.before.rating,
                        rating_after=change.after.rating,
                        rd_after=change.after.rd,
                        volatility_after=change.after.volatility,
                    )
                    for uid, change in changes.items()
                ],
            )
            await event_log.append(
                session, results.finished_event(room, rows, changes), user_id=None
            )
            # Winners (rank 1 with something solved) earn first_contest_win, once.
            notes: list[Notification] = []
            for row in rows:
                if row.rank == 1 and row.solved > 0:
                    notes += await recorder.award_many(session, row.user_id, ["first_contest_win"])
        out = results.with_results(events, final, results.change_summary(changes))
        for note in notes:
            await self.emit(
                "notification:new", notification_payload(note), [user_room(note.user_id)]
            )
        out.extend(feed.leaderboard_events(room, subs, now_utc()))
        return out

    async def log_closed(self, room: Room) -> None:
        """A room that ended before it started leaves one `room.closed` fact."""
        async with self.db.session() as session:
            await event_log.append(session, results.closed_event(room), user_id=None)

    async def award(self, user_id: int, code: str) -> None:
        """Earn an achievement (once) and tell the user's tabs (`notification:new`)."""
        async with self.db.session() as session:
            notes = await recorder.award_many(session, user_id, [code])
        for note in notes:
            await self.emit("notification:new", notification_payload(note), [user_room(user_id)])

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

    async def run(self, stop: asyncio.Event) -> None:
        """The clock: advance countdowns and end contests on time."""
        while not stop.is_set():
            try:
                await self.tick_due()
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("room clock iteration failed")
            await sleep_or_stop(CLOCK_INTERVAL, stop)

    # Questions other services ask

    async def competing_on(self, user_id: int, problem_slug: str) -> bool:
        """True while `user_id` is in a running contest that contains `problem_slug`."""
        async with self.db.session() as session:
            states = await room_repo.running_contests(session)
        return any(
            roles.competes_on(Room.from_dict(state), user_id, problem_slug) for state in states
        )

    async def coach_allowed(self, user_id: int, problem_slug: str) -> bool:
        """The coach's contest guard: False while the user competes on this problem."""
        return not await self.competing_on(user_id, problem_slug)

    async def run_audience(
        self, room_id: str, user_id: int, mode: str, problem: str | None
    ) -> list[str]:
        """Socket.IO rooms besides the author's that see a run in a room; RoomError if the
        user may not run code there."""
        room = await self.store.load(room_id)
        shared = roles.check_run(room, user_id, mode, problem, now_utc())
        return [socket_room(room.id)] if shared else []
