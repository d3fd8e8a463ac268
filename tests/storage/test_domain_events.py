"""The domain-event log on both databases, and its publisher on real Redis: events commit
with their facts (or not at all), match their documented schemas, and reach the stream
exactly once per publisher run even with two publishers at once."""

from __future__ import annotations

import asyncio
import json
from datetime import UTC, datetime

import pytest
import redis.asyncio as aioredis
from sqlalchemy import func, select

from realtime.services.event_stream import EventPublisher
from storage.domain_events import EVENT_TYPES, AchievementEarned
from storage.models import DomainEvent
from storage.repositories import coach as coach_repo
from storage.repositories import events as event_log
from tests.progress.rows import add_problem, judged
from tests.storage.rows import add_user

NOW = datetime.now(UTC)
STREAM = "test:events"


def _validated(rows: list[DomainEvent]) -> list[tuple[str, dict]]:
    """(type, payload) of each row, after checking it against its documented model."""
    for row in rows:
        model = EVENT_TYPES[row.type]
        assert row.version == model.VERSION
        model.model_validate(row.payload)
    return [(row.type, row.payload) for row in rows]


async def test_a_first_solve_logs_its_facts_once_and_a_rollback_logs_nothing(db) -> None:
    problem = await add_problem(db, "p", "medium")
    uid = await add_user(db, "ada")
    await judged(db, uid, problem, "WA", NOW)
    first = await judged(db, uid, problem, "AC", NOW)
    await judged(db, uid, problem, "AC", NOW)  # solved already: no new facts
    async with db.session() as session:
        events = _validated(await event_log.for_user(session, uid))
    assert events == [
        (
            "problem.first_solved",
            {
                "user_id": uid,
                "problem_id": problem,
                "submission_id": events[0][1]["submission_id"],
                "xp": 20,
            },
        ),
        ("achievement.earned", {"user_id": uid, "code": "first_solve"}),
    ]
    assert first.first_solve

    with pytest.raises(RuntimeError):
        async with db.session() as session:
            await event_log.append(session, AchievementEarned(user_id=uid, code="x"), user_id=uid)
            raise RuntimeError("the fact's transaction fails")
    async with db.session() as session:
        assert len(await event_log.for_user(session, uid)) == 2


async def test_a_coach_session_end_is_logged_once(db) -> None:
    uid = await add_user(db, "coached")
    async with db.session() as session:
        row = await coach_repo.create_session(
            session, user_id=uid, mode="interview", provider="offline", model="m", state={}
        )
    for _ in range(2):  # two tabs end it: one wins
        async with db.session() as session:
            await coach_repo.move_session(session, row.id, uid, src="active", dst="ended")
    async with db.session() as session:
        await coach_repo.move_session(session, row.id, uid, src="ended", dst="unscored")
        events = _validated(await event_log.for_user(session, uid))
    assert events == [
        (
            "coach.session_ended",
            {
                "session_id": row.id,
                "user_id": uid,
                "mode": "interview",
                "status": "ended",
                "tokens_used": 0,
            },
        )
    ]


async def test_publishers_copy_every_event_to_the_stream_once(db, redis_url, backend) -> None:
    uid = await add_user(db, "many")
    async with db.session() as session:
        for i in range(300):
            await event_log.append(
                session, AchievementEarned(user_id=uid, code=f"c{i}"), user_id=uid
            )
    redis = aioredis.from_url(redis_url, decode_responses=True)
    try:
        publishers = [EventPublisher(db, redis, STREAM, batch=40) for _ in range(2)]

        async def drain(p: EventPublisher) -> None:
            while await p.publish_once():
                pass

        if backend == "postgres":  # SKIP LOCKED: the two split the rows between them
            await asyncio.gather(*(drain(p) for p in publishers))
        else:  # SQLite has one writer: one after the other
            for p in publishers:
                await drain(p)
        assert sum(p.published for p in publishers) == 300
        entries = await redis.xrange(STREAM)
        assert len(entries) == 300
        ids = [int(fields["id"]) for _, fields in entries]
        assert len(set(ids)) == 300
        first = entries[0][1]
        assert set(first) == {"id", "type", "version", "occurred_at", "user_id", "payload"}
        assert first["type"] == "achievement.earned" and first["version"] == "1"
        assert first["user_id"] == str(uid)
        AchievementEarned.model_validate(json.loads(first["payload"]))
        datetime.fromisoformat(first["occurred_at"])
        async with db.session() as session:
            left = await session.scalar(
                select(func.count()).where(DomainEvent.published_at.is_(None))
            )
        assert left == 0
        assert await publishers[0].publish_once() == 0  # nothing published twice
        assert await redis.xlen(STREAM) == 300
    finally:
        await redis.delete(STREAM)
        await redis.aclose()
