"""Coach tables on SQLite and PostgreSQL: migration 0003 both ways, usage upserts, ownership."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import insert, inspect

from storage.database import Database
from storage.errors import NotFound
from storage.migrate import downgrade, upgrade
from storage.models import User
from storage.repositories import coach as coach_repo

COACH_TABLES = {"coach_sessions", "coach_messages", "coach_usage"}


async def _tables(db: Database) -> set[str]:
    async with db.engine.connect() as conn:
        return set(await conn.run_sync(lambda c: inspect(c).get_table_names()))


async def test_migration_0003_upgrades_and_downgrades(db_url):
    await upgrade(db_url)
    db = Database(db_url)
    try:
        assert COACH_TABLES <= await _tables(db)
        await downgrade(db_url, "0002")
        tables = await _tables(db)
        assert not COACH_TABLES & tables and "rooms" in tables
        await upgrade(db_url)
        assert COACH_TABLES <= await _tables(db)
    finally:
        await db.close()


@pytest.fixture
async def db(db_url):
    await upgrade(db_url)
    database = Database(db_url)
    yield database
    await database.close()


async def _user(db: Database, email: str) -> int:
    async with db.session() as session:
        user = User(email=email, password_hash="x", display_name="U")
        session.add(user)
        await session.flush()
        return user.id


async def _old_schema_user(db: Database, email: str) -> int:
    """A user row on a downgraded schema: a Core insert names only the columns it sets (and
    those with defaults), so columns added by later migrations are left out."""
    async with db.session() as session:
        result = await session.execute(
            insert(User).values(email=email, password_hash="x", display_name="U")
        )
        return int(result.inserted_primary_key[0])


async def test_usage_upserts_add_up_under_concurrency(db):
    user = await _user(db, "usage@example.com")

    async def charge(tokens: int) -> None:
        async with db.session() as session:
            await coach_repo.add_usage(session, user, "2030-01-01", tokens)

    await asyncio.gather(*(charge(10) for _ in range(8)))
    async with db.session() as session:
        assert await coach_repo.usage_on(session, user, "2030-01-01") == 80
        assert await coach_repo.usage_on(session, user, "2030-01-02") == 0


async def test_sessions_are_private_and_messages_finish_once(db):
    alice, bob = await _user(db, "a@example.com"), await _user(db, "b@example.com")
    async with db.session() as session:
        row = await coach_repo.create_session(
            session, user_id=alice, mode="hint", provider="offline", model="m", state={}
        )
        message = await coach_repo.add_message(session, row.id, "assistant", "", status="streaming")
    async with db.session() as session:
        with pytest.raises(NotFound):
            await coach_repo.get_own_session(session, row.id, bob)
        assert (await coach_repo.get_own_session(session, row.id, alice)).mode == "hint"
        await coach_repo.finish_message(
            session, message.id, content="first", status="complete", meta={}
        )
        await coach_repo.finish_message(
            session, message.id, content="second", status="cancelled", meta={}
        )
    async with db.session() as session:
        (stored,) = await coach_repo.messages(session, row.id)
        assert (stored.content, stored.status) == ("first", "complete")
        assert await coach_repo.history(session, row.id) == [("assistant", "first")]
        assert (
            await coach_repo.list_own_sessions(
                session, bob, mode=None, status=None, limit=10, offset=0
            )
            == []
        )


async def test_one_streaming_reply_per_session_is_enforced_by_the_database(db_url):
    """Migration 0005 keeps the newest of duplicate streaming rows, then its partial
    unique index refuses a second streaming reply (two processes, one session)."""
    from sqlalchemy.exc import IntegrityError

    await upgrade(db_url)
    await downgrade(db_url, "0004")
    db = Database(db_url)
    try:
        user = await _old_schema_user(db, "stream@example.com")
        async with db.session() as session:
            row = await coach_repo.create_session(
                session, user_id=user, mode="hint", provider="offline", model="m", state={}
            )
            older, newer = [
                await coach_repo.add_message(session, row.id, "assistant", "", status="streaming")
                for _ in range(2)
            ]
        await upgrade(db_url)
        async with db.session() as session:
            statuses = {m.id: m.status for m in await coach_repo.messages(session, row.id)}
        assert statuses == {older.id: "error", newer.id: "streaming"}
        with pytest.raises(IntegrityError):
            async with db.session() as session:
                await coach_repo.add_message(session, row.id, "assistant", "", status="streaming")
        async with db.session() as session:  # finished ones don't count
            await coach_repo.finish_message(
                session, newer.id, content="done", status="complete", meta={}
            )
            await coach_repo.add_message(session, row.id, "assistant", "", status="streaming")
    finally:
        await db.close()
