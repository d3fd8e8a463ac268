"""The shared document's pieces without a server: wire forms, awareness, Doc, history, store."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from pycrdt import Awareness, Doc, Text, create_sync_message, create_update_message

from rooms.awareness import RoomAwareness
from rooms.doc_history import StoredRow, timeline
from rooms.doc_registry import DocumentRegistry
from rooms.document_store import DocumentStore
from rooms.documents import DocumentError, DocumentLimits, SharedDocument
from rooms.room_store import RoomStore
from rooms.state import create_room
from rooms.yjs_wire import (
    AwarenessEntry,
    MalformedFrame,
    SyncType,
    awareness_message,
    parse_awareness,
    parse_sync,
    sync_message,
)
from storage.database import Database
from storage.migrate import upgrade
from storage.repositories import documents as doc_repo

LANGS = ("python", "cpp")
NOW = datetime(2030, 1, 1, tzinfo=UTC)


def edits(*chunks: str, language: str = "python") -> list[bytes]:
    """One Yjs update per appended chunk, as a client would send them."""
    doc, updates = Doc(), []
    doc.observe(lambda e: updates.append(e.update))
    text = doc.get(language, type=Text)
    for chunk in chunks:
        text.insert(len(text), chunk)
    return updates


# Wire forms


def test_sync_messages_match_pycrdt_and_refuse_anything_else():
    doc = Doc()
    doc.get("python", type=Text).insert(0, "hi")
    step1 = create_sync_message(doc)[1:]  # pycrdt adds y-websocket's outer byte
    assert parse_sync(step1).type is SyncType.STEP1
    update = create_update_message(doc.get_update())[1:]
    parsed = parse_sync(update)
    assert parsed.type is SyncType.UPDATE and parsed.payload == doc.get_update()
    assert sync_message(SyncType.UPDATE, parsed.payload) == update
    for bad in (b"", b"\x03\x00", b"\x02", b"\x02\x09abc", update + b"\x00", b"\x80" * 9):
        with pytest.raises(MalformedFrame):
            parse_sync(bad)


def test_awareness_messages_match_pycrdt():
    doc = Doc()
    awareness = Awareness(doc)
    awareness.set_local_state({"user": {"name": "ada"}, "cursor": 3})
    data = awareness.encode_awareness_update([awareness.client_id])
    [entry] = parse_awareness(data)
    assert entry == AwarenessEntry(awareness.client_id, 1, {"user": {"name": "ada"}, "cursor": 3})
    assert awareness_message([entry]) == data
    for bad in (b"\x01", b"\x01\x01\x01\x05ab", b"\x01\x01\x01\x02{x", b"\x00\x00"):
        with pytest.raises(MalformedFrame):
            parse_awareness(bad)


# Awareness registry


def test_awareness_ownership_removal_and_returning_clients():
    room = RoomAwareness()
    joined = room.apply([AwarenessEntry(11, 1, {"n": "a"})], "sid-a", user_id=1)
    assert joined.relay and joined.echo is None
    with pytest.raises(Exception, match="another member"):
        room.apply([AwarenessEntry(11, 5, None)], "sid-b", user_id=2)
    # The same user on a new socket takes the id over; the old socket's exit removes nothing.
    room.apply([AwarenessEntry(11, 2, {"n": "a2"})], "sid-a2", user_id=1)
    assert room.disconnect("sid-a") is None
    assert room.states() == {11: {"n": "a2"}}
    stale = room.apply([AwarenessEntry(11, 1, {"n": "old"})], "sid-a2", user_id=1)
    assert stale.relay is None  # older clock: ignored, as y-protocols does

    removal = room.disconnect("sid-a2")
    assert parse_awareness(removal) == [AwarenessEntry(11, 2, None)]
    peer = Awareness(Doc())
    peer.apply_awareness_update(awareness_message([AwarenessEntry(11, 2, {"n": "a2"})]), "x")
    peer.apply_awareness_update(removal, "x")
    assert 11 not in peer.states  # a y-protocols peer drops it on the same clock

    back = room.apply([AwarenessEntry(11, 2, {"n": "back"})], "sid-a3", user_id=1)
    assert parse_awareness(back.relay) == [AwarenessEntry(11, 3, {"n": "back"})]
    assert back.echo == back.relay  # the client adopts the bumped clock
    peer.apply_awareness_update(back.relay, "x")
    assert peer.states[11] == {"n": "back"}
    assert parse_awareness(room.snapshot()) == [AwarenessEntry(11, 3, {"n": "back"})]


# Document


def test_document_sync_apply_and_refusals():
    doc = SharedDocument("r", LANGS, limits=DocumentLimits(max_update_bytes=200))
    first, second = edits("hello", " world")
    relay = doc.sync(sync_message(SyncType.UPDATE, first), author_id=7, now=NOW)
    assert relay.update == sync_message(SyncType.UPDATE, first) and doc.text("python") == "hello"
    assert [(r.author_id, r.at) for r in doc.pending] == [(7, NOW)]
    # A duplicate changes nothing: nothing to relay or store.
    assert doc.sync(sync_message(SyncType.UPDATE, first), 7).update is None
    assert len(doc.pending) == 1 and doc.version == 1

    client = Doc()
    client.apply_update(first)
    replies = doc.sync(create_sync_message(client)[1:], 8).replies
    assert [parse_sync(r).type for r in replies] == [SyncType.STEP2, SyncType.STEP1]
    assert parse_sync(replies[0]).payload == b"\x00\x00"  # the client has everything

    before = doc.snapshot()
    for bad, code in [
        (b"\x02\x03abc", "invalid_update"),
        (sync_message(SyncType.UPDATE, second[:-2]), "invalid_update"),
        (b"\x00\x02\xff\xff", "invalid_update"),
        (sync_message(SyncType.UPDATE, edits("x" * 300)[0]), "update_too_large"),
    ]:
        with pytest.raises(DocumentError) as err:
            doc.sync(bad, 7)
        assert err.value.code == code
    assert doc.snapshot() == before and len(doc.pending) == 1
    doc.sync(sync_message(SyncType.STEP2, second), 8)
    assert doc.texts() == {"python": "hello world"}

    grow = edits("a" * 20, "b" * 30)
    small = SharedDocument("r", LANGS, limits=DocumentLimits(max_document_bytes=len(grow[0]) + 5))
    small.apply(grow[0], 1)
    with pytest.raises(DocumentError) as err:
        small.apply(grow[1], 1)
    assert err.value.code == "document_too_large" and small.text("python") == "a" * 20


def test_timeline_frames_and_squashed_head():
    updates = edits("a", "b", "c") + edits("x", language="cpp")
    rows = [StoredRow(i + 1, "update", u, 5, NOW) for i, u in enumerate(updates)]
    frames, total = timeline(rows, LANGS)
    assert total == 4
    assert [(f.language, f.text) for f in frames] == [
        ("python", "a"),
        ("python", "ab"),
        ("python", "abc"),
        ("cpp", "x"),
    ]
    page, total = timeline(rows, LANGS, offset=1, limit=2)
    assert [f.text for f in page] == ["ab", "abc"] and total == 4

    whole = Doc()
    for u in updates[:2]:
        whole.apply_update(u)
    squashed = [StoredRow(9, "snapshot", whole.get_update(), None, NOW), rows[2]]
    frames, _ = timeline(squashed, LANGS)
    assert [(f.kind, f.text) for f in frames] == [("snapshot", "ab"), ("update", "abc")]
    redundant = [*rows, StoredRow(10, "snapshot", whole.get_update(), None, NOW)]
    assert timeline(redundant, LANGS)[1] == 4  # a snapshot after its updates adds nothing


# Store and registry


@pytest.fixture
async def db(tmp_path):
    url = f"sqlite+aiosqlite:///{tmp_path}/doc.db"
    await upgrade(url)
    database = Database(url)
    yield database
    await database.close()


async def make_pair_room(db: Database, user_id: int = 1) -> str:
    from storage.models import User

    async with db.session() as session:
        session.add(
            User(
                id=user_id,
                email=f"u{user_id}@example.org",
                password_hash="x",
                display_name="U",
                preferred_languages=[],
                target_companies=[],
            )
        )
    room, _ = create_room("room-1", "pair", "Pair", user_id, ["p"], NOW)
    await RoomStore(db).create(room)
    return room.id


async def test_store_flush_compact_reload_and_close(db):
    rid = await make_pair_room(db)
    store = DocumentStore(db)
    registry = DocumentRegistry(store, RoomStore(db).load, LANGS)
    doc = await registry.open(rid, keep_history=False)
    updates = edits(*"abcdefgh")
    for update in updates[:6]:
        doc.apply(update, 1)
    await store.flush(doc)
    async with db.session() as session:
        assert await doc_repo.count(session, rid) == {"update": 6}
    await store.compact(doc)  # pair room: squash
    for update in updates[6:]:
        doc.apply(update, 1)
    await registry.close()  # shutdown stores what is pending (and compacts it)
    async with db.session() as session:
        assert await doc_repo.count(session, rid) == {"snapshot": 1}
    reloaded = SharedDocument(rid, LANGS)
    await store.load(reloaded)
    assert reloaded.text("python") == "abcdefgh" and reloaded.pending == []


async def test_other_processes_updates_and_cursors(db):
    """Scaled mode: what another process applied reaches our copy, even one loaded later."""
    rid = await make_pair_room(db)
    registry = DocumentRegistry(DocumentStore(db), RoomStore(db).load, LANGS)
    first, second = edits("a", "b")
    registry.apply_remote(rid, first, 2)  # not loaded here yet, not stored there yet
    cursor = awareness_message([AwarenessEntry(5, 1, {"n": "x"})])
    registry.announce_remote(rid, cursor, "their-sid", 2)
    doc = await registry.open(rid, keep_history=False)
    assert doc.text("python") == "a" and doc.awareness.states() == {5: {"n": "x"}}
    registry.apply_remote(rid, second, 2)
    assert doc.text("python") == "ab"
    assert doc.pending == []  # its own process stores it
    registry.announce_remote(rid, awareness_message([AwarenessEntry(5, 1, None)]), "their-sid", 2)
    assert doc.awareness.states() == {}


async def test_a_lost_autosave_is_written_on_the_next_pass(db):
    """A member's tab winning both compare-and-set rounds must not mark the text saved."""
    from storage.models import PracticeSession
    from storage.repositories.sessions import RevisionConflict

    class RacedStore(DocumentStore):
        def __init__(self, db: Database, losses: int) -> None:
            super().__init__(db)
            self.losses = losses
            self.saved: list[dict[str, str]] = []

        async def _save_member(self, user_id, slug, texts, snapshot_every) -> None:
            if self.losses:
                self.losses -= 1
                raise RevisionConflict(PracticeSession(revision=7, code={}, language="python"))
            self.saved.append(dict(texts))

    rid = await make_pair_room(db)
    store = RacedStore(db, losses=2)  # both attempts of the first pass lose
    registry = DocumentRegistry(store, RoomStore(db).load, LANGS)
    registry.policy.autosave_every = 0.0
    doc = await registry.open(rid, keep_history=False)
    for update in edits("x = 1\n"):
        doc.apply(update, 1)
    await registry.maintain(rid)
    assert store.saved == [] and store.losses == 0
    await registry.maintain(rid)  # no new edit, yet the lost save is written now
    assert store.saved == [{"python": "x = 1\n"}]
    await registry.maintain(rid)
    assert len(store.saved) == 1  # and only once
    await registry.close()
