"""Practice sessions on SQLite and PostgreSQL: one open session per user and problem."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import func, select

from storage.database import Database
from storage.migrate import upgrade
from storage.models import PracticeSession, Problem, User
from storage.repositories import sessions as session_repo


@pytest.fixture
async def db(db_url):
    await upgrade(db_url)
    database = Database(db_url)
    yield database
    await database.close()


async def _user_and_problem(db: Database) -> tuple[int, int]:
    async with db.session() as session:
        user = User(email="s@example.com", password_hash="x", display_name="S")
        problem = Problem(slug="p", title="P", statement="s", difficulty="easy")
        session.add_all([user, problem])
        await session.flush()
        return user.id, problem.id


async def _open(db: Database, user_id: int, problem_id: int, language: str) -> tuple[int, bool]:
    async with db.session() as session:
        row, created = await session_repo.open_session(
            session, user_id=user_id, problem_id=problem_id, language=language, starter="# go"
        )
        return row.id, created


async def _open_count(db: Database, user_id: int) -> int:
    async with db.session() as session:
        return await session.scalar(
            select(func.count())
            .select_from(PracticeSession)
            .where(PracticeSession.user_id == user_id, PracticeSession.status == "active")
        )


async def test_concurrent_opens_share_one_session(db):
    user_id, problem_id = await _user_and_problem(db)
    opened = await asyncio.gather(*(_open(db, user_id, problem_id, "python") for _ in range(6)))
    assert len({sid for sid, _ in opened}) == 1
    assert sum(created for _, created in opened) == 1
    assert await _open_count(db, user_id) == 1


async def test_losing_the_insert_race_takes_the_winners_session(db, monkeypatch):
    """The read saw nothing, another open inserted first: the index refuses our row."""
    user_id, problem_id = await _user_and_problem(db)
    winner, _ = await _open(db, user_id, problem_id, "python")
    real = session_repo._open_row
    calls = 0

    async def stale_first_read(session, uid, pid):
        nonlocal calls
        calls += 1
        return None if calls == 1 else await real(session, uid, pid)

    monkeypatch.setattr(session_repo, "_open_row", stale_first_read)
    sid, created = await _open(db, user_id, problem_id, "cpp")
    assert (sid, created, calls) == (winner, False, 2)
    assert await _open_count(db, user_id) == 1
    async with db.session() as session:
        row = await session.get(PracticeSession, winner)
        assert row.code == {"python": "# go", "cpp": "# go"}  # the language was still added
