"""Shared-document history on SQLite and PostgreSQL: append, snapshots, replay, compaction."""

from __future__ import annotations

from datetime import timedelta

from storage.database import Database
from storage.models import utcnow
from storage.repositories import documents
from tests.storage.rows import add_room, add_user


async def room(db: Database) -> tuple[str, int]:
    user = await add_user(db)
    return await add_room(db, user, kind="pair"), user


async def append(db: Database, room_id: str, *blobs: bytes, kind: str = "update", author=None):
    now = utcnow()
    rows = [(blob, author, now + timedelta(milliseconds=i)) for i, blob in enumerate(blobs)]
    async with db.session() as session:
        return await documents.append(session, room_id, rows, kind=kind)


async def test_append_returns_increasing_ids_in_order(db):
    room_id, user = await room(db)
    ids = await append(db, room_id, b"a", b"b", b"c", author=user)
    more = await append(db, room_id, b"d")
    assert ids == sorted(ids) and len(set(ids)) == 3 and more[0] > ids[-1]
    async with db.session() as session:
        rows = await documents.history(session, room_id)
    assert [(kind, data, author) for _, kind, data, author, _ in rows] == [
        ("update", b"a", user),
        ("update", b"b", user),
        ("update", b"c", user),
        ("update", b"d", None),
    ]
    assert [row[0] for row in rows] == [*ids, *more]


async def test_load_needs_the_newest_snapshot_and_the_updates_after_it(db):
    room_id, _ = await room(db)
    early = await append(db, room_id, b"u1", b"u2")
    [old_snapshot] = await append(db, room_id, b"S1", kind="snapshot")
    middle = await append(db, room_id, b"u3")
    [snapshot] = await append(db, room_id, b"S2", kind="snapshot")
    late = await append(db, room_id, b"u4", b"u5")
    async with db.session() as session:
        newest = await documents.latest_snapshot(session, room_id)
        assert newest is not None and (newest.id, newest.data) == (snapshot, b"S2")
        assert old_snapshot < newest.id
        after = await documents.updates_after(session, room_id, newest.id)
        everything = await documents.updates_after(session, room_id, 0)
    assert after == list(zip(late, [b"u4", b"u5"], strict=True))
    assert [i for i, _ in everything] == [*early, *middle, *late]  # snapshots never replayed


async def test_rooms_do_not_see_each_others_rows(db):
    first, _ = await room(db)
    second, _ = await room(db)
    await append(db, first, b"one")
    await append(db, second, b"S", kind="snapshot")
    async with db.session() as session:
        assert await documents.latest_snapshot(session, first) is None
        assert await documents.updates_after(session, second, 0) == []
        assert await documents.count(session, first) == {"update": 1}
        assert await documents.count(session, second) == {"snapshot": 1}
        assert await documents.count(session, "no-such-room") == {}


async def test_compaction_deletes_only_the_squashed_rows_of_its_room(db):
    room_id, _ = await room(db)
    other, _ = await room(db)
    squashed = await append(db, room_id, *(b"u%d" % i for i in range(7)))
    [snapshot] = await append(db, room_id, b"S", kind="snapshot")
    kept = await append(db, room_id, b"after")
    [foreign] = await append(db, other, b"theirs")
    async with db.session() as session:
        # Another room's id in the list is left alone.
        assert await documents.delete_rows(session, room_id, [*squashed, foreign]) == 7
    async with db.session() as session:
        assert await documents.count(session, room_id) == {"update": 1, "snapshot": 1}
        assert [row[0] for row in await documents.history(session, room_id)] == [snapshot, *kept]
        assert await documents.updates_after(session, other, 0) == [(foreign, b"theirs")]
        assert await documents.delete_rows(session, room_id, []) == 0


async def test_deleting_more_rows_than_one_statement_takes(db, monkeypatch):
    monkeypatch.setattr(documents, "DELETE_CHUNK", 3)
    room_id, _ = await room(db)
    ids = await append(db, room_id, *(bytes([i]) for i in range(10)))
    async with db.session() as session:
        assert await documents.delete_rows(session, room_id, ids[:8]) == 8
    async with db.session() as session:
        assert [i for i, _ in await documents.updates_after(session, room_id, 0)] == ids[8:]


async def test_binary_data_round_trips_unchanged(db):
    room_id, _ = await room(db)
    blob = bytes(range(256)) * 64
    [row_id] = await append(db, room_id, blob)
    async with db.session() as session:
        assert await documents.updates_after(session, room_id, 0) == [(row_id, blob)]
