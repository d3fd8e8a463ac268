"""Room rows on SQLite and PostgreSQL: versioned compare-and-set, ticks, listings, chat, results."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import pytest

from storage.database import Database
from storage.errors import NotFound
from storage.models import RatingChange, utcnow
from storage.repositories import rooms
from tests.storage.rows import add_problem, add_room, add_submission, add_user


async def cas(db: Database, room_id: str, expected: int, **changes) -> bool:
    values = {"state": {"v": expected + 1}, "status": "in_progress", "next_tick_at": None}
    values.update(changes)
    async with db.session() as session:
        return await rooms.compare_and_set(
            session, room_id, expected_version=expected, version=expected + 1, **values
        )


async def read(db: Database, room_id: str):
    async with db.session() as session:
        return await rooms.get(session, room_id)


async def test_get_reads_a_room_and_a_missing_one_is_not_found(db):
    user = await add_user(db)
    room_id = await add_room(db, user, name="Friday", state={"players": [user]})
    row = await read(db, room_id)
    assert (row.name, row.creator_id, row.version, row.state) == (
        "Friday",
        user,
        0,
        {"players": [user]},
    )
    with pytest.raises(NotFound):
        await read(db, "no-such-room")


async def test_compare_and_set_writes_only_over_the_version_it_read(db):
    user = await add_user(db)
    room_id = await add_room(db, user)
    assert await cas(db, room_id, 0, state={"round": 1}) is True
    row = await read(db, room_id)
    assert (row.version, row.state, row.status) == (1, {"round": 1}, "in_progress")
    # A writer still holding version 0 lost the race: nothing changes.
    assert await cas(db, room_id, 0, state={"round": "stale"}, status="finished") is False
    row = await read(db, room_id)
    assert (row.version, row.state, row.status) == (1, {"round": 1}, "in_progress")
    assert await cas(db, room_id, 1, state={"round": 2}) is True
    assert (await read(db, room_id)).version == 2
    assert await cas(db, "no-such-room", 0) is False


async def test_of_concurrent_writers_on_one_version_exactly_one_wins(db):
    user = await add_user(db)
    room_id = await add_room(db, user)
    outcomes = await asyncio.gather(*(cas(db, room_id, 0, state={"by": i}) for i in range(5)))
    assert outcomes.count(True) == 1
    row = await read(db, room_id)
    assert row.version == 1 and row.state == {"by": outcomes.index(True)}


async def test_due_for_tick_lists_rooms_whose_tick_has_come_soonest_first(db):
    user = await add_user(db)
    now = utcnow()
    late = await add_room(db, user, next_tick_at=now - timedelta(seconds=5))
    later = await add_room(db, user, next_tick_at=now - timedelta(seconds=1))
    await add_room(db, user, next_tick_at=now + timedelta(minutes=5))
    await add_room(db, user, next_tick_at=None)
    async with db.session() as session:
        assert await rooms.due_for_tick(session, now) == [late, later]
        assert await rooms.due_for_tick(session, now, limit=1) == [late]
    # A compare-and-set that clears the tick takes the room off the list.
    assert await cas(db, late, 0, next_tick_at=None)
    async with db.session() as session:
        assert await rooms.due_for_tick(session, now) == [later]


async def test_list_public_filters_pages_and_counts(db):
    user = await add_user(db)
    now = utcnow()
    made = []
    for i, (kind, status) in enumerate(
        [
            ("contest", "waiting"),
            ("pair", "waiting"),
            ("contest", "finished"),
            ("contest", "waiting"),
        ]
    ):
        made.append(
            await add_room(
                db, user, kind=kind, status=status, created_at=now + timedelta(seconds=i)
            )
        )
    await add_room(db, user, visibility="private", created_at=now + timedelta(seconds=9))

    async def ids(**query):
        query = {"status": None, "kind": None, "limit": 10, "offset": 0, **query}
        async with db.session() as session:
            rows, total = await rooms.list_public(session, **query)
        return [r.id for r in rows], total

    assert await ids() == ([made[3], made[2], made[1], made[0]], 4)  # newest first, public only
    assert await ids(status="waiting") == ([made[3], made[1], made[0]], 3)
    assert await ids(kind="contest", status="waiting") == ([made[3], made[0]], 2)
    assert await ids(limit=2, offset=1) == ([made[2], made[1]], 4)  # total ignores paging
    assert await ids(kind="interview") == ([], 0)


async def test_recent_messages_are_the_newest_in_reading_order(db):
    alice, bob = await add_user(db, "alice"), await add_user(db, "bob")
    room_id = await add_room(db, alice)
    other = await add_room(db, alice)
    async with db.session() as session:
        for i in range(5):
            await rooms.add_message(session, room_id, alice if i % 2 else bob, f"m{i}")
        await rooms.add_message(session, other, alice, "elsewhere")
    async with db.session() as session:
        assert [m.text for m in await rooms.recent_messages(session, room_id)] == [
            f"m{i}" for i in range(5)
        ]
        last = await rooms.recent_messages(session, room_id, limit=2)
        assert [(m.text, m.user_id) for m in last] == [("m3", alice), ("m4", bob)]


async def test_judged_room_submissions_are_done_submits_of_that_room(db):
    user = await add_user(db)
    problem = await add_problem(db, "two-sum")
    room_id = await add_room(db, user)
    first = await add_submission(db, user, problem, room_id=room_id, status="done", verdict="WA")
    await add_submission(db, user, problem, room_id=room_id, status="queued")
    await add_submission(db, user, problem, room_id=room_id, status="done", mode="run")
    await add_submission(db, user, problem, status="done", verdict="AC")  # not in the room
    second = await add_submission(db, user, problem, room_id=room_id, status="done", verdict="AC")
    async with db.session() as session:
        judged = await rooms.judged_room_submissions(session, room_id)
    assert [(sub.id, slug) for sub, slug in judged] == [(first, "two-sum"), (second, "two-sum")]


async def test_display_names(db):
    alice, bob = await add_user(db, "alice"), await add_user(db, "bob")
    async with db.session() as session:
        assert await rooms.display_names(session, [alice, bob, 999_999]) == {
            alice: "Alice",
            bob: "Bob",
        }
        assert await rooms.display_names(session, []) == {}


async def test_results_come_back_by_rank_and_rating_history_in_order(db):
    alice, bob = await add_user(db, "alice"), await add_user(db, "bob")
    first, second = await add_room(db, alice), await add_room(db, alice)
    async with db.session() as session:
        await rooms.save_results(
            session,
            first,
            [
                {"user_id": bob, "rank": 2, "solved": 1, "score": 100.0, "penalty": 30},
                {"user_id": alice, "rank": 1, "solved": 2, "score": 200.0, "penalty": 12},
            ],
        )
        for room_id, before, after in ((first, 1500.0, 1540.0), (second, 1540.0, 1525.0)):
            session.add(
                RatingChange(
                    user_id=alice,
                    room_id=room_id,
                    rating_before=before,
                    rating_after=after,
                    rd_after=200.0,
                    volatility_after=0.06,
                    rank=1,
                )
            )
    async with db.session() as session:
        rows = await rooms.results(session, first)
        assert [(r.user_id, r.rank, r.solved, r.penalty) for r in rows] == [
            (alice, 1, 2, 12),
            (bob, 2, 1, 30),
        ]
        assert rows[1].row["score"] == 100.0  # the whole standings row is kept
        assert await rooms.results(session, second) == []
        history = await rooms.rating_history(session, alice)
        assert [(h.room_id, h.rating_after) for h in history] == [(first, 1540.0), (second, 1525.0)]
        assert await rooms.rating_history(session, bob) == []
