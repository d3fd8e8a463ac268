"""The rooms repository's contest queries on both databases: contests in progress, ratings."""

from __future__ import annotations

import pytest

from rooms.room_store import RoomStore
from rooms.state import create_room
from storage.database import Database
from storage.migrate import upgrade
from storage.models import RatingChange
from storage.repositories import rooms as room_repo
from storage.repositories import users as user_repo
from tests.rooms.builders import ALICE, BOB, PROBLEMS, T0, running_room


@pytest.fixture
async def db(db_url):
    """A fresh database whose users 1..5 are the builders' CREATOR, ALICE, ... DAVE."""
    await upgrade(db_url)
    database = Database(db_url)
    async with database.session() as session:
        for i in range(1, 6):
            user = await user_repo.create_user(
                session, email=f"u{i}@example.com", password_hash="x", display_name=f"U{i}"
            )
            assert user.id == i
    yield database
    await database.close()


async def test_running_contests_are_the_contests_in_progress(db) -> None:
    store = RoomStore(db)
    running = running_room()
    waiting, _ = create_room("room-2", "contest", "Later", 1, PROBLEMS, T0)
    pair, _ = create_room("pair-1", "pair", "Pairing", 1, PROBLEMS[:1], T0)
    for room in (running, waiting, pair):
        await store.create(room)
    async with db.session() as session:
        states = await room_repo.running_contests(session)
    assert [s["id"] for s in states] == [running.id]


async def test_ratings_are_read_and_recorded(db) -> None:
    await RoomStore(db).create(running_room())
    ids = [ALICE, BOB]
    async with db.session() as session:
        assert await room_repo.current_ratings(session, [*ids, 999_999]) == {
            uid: (1500.0, 350.0, 0.06) for uid in ids
        }
        assert await room_repo.current_ratings(session, []) == {}
    updates = [
        room_repo.RatingUpdate(ids[0], 1, 1500.0, 1600.0, 300.0, 0.059),
        room_repo.RatingUpdate(ids[1], 2, 1500.0, 1400.0, 300.0, 0.061),
        room_repo.RatingUpdate(999_999, 3, 1500.0, 1450.0, 300.0, 0.06),  # gone: skipped
    ]
    async with db.session() as session:
        await room_repo.record_ratings(session, "room-1", updates)
    async with db.session() as session:
        assert await room_repo.current_ratings(session, ids) == {
            ids[0]: (1600.0, 300.0, 0.059),
            ids[1]: (1400.0, 300.0, 0.061),
        }
        history = await room_repo.rating_history(session, ids[0])
    assert [(h.room_id, h.rank, h.rating_before, h.rating_after) for h in history] == [
        ("room-1", 1, 1500.0, 1600.0)
    ]
    assert isinstance(history[0], RatingChange)
