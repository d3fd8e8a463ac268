"""Coach rows (both backends): own-only sessions, paged messages, usage, one-shot writes."""

from __future__ import annotations

import asyncio

import pytest

from storage.database import Database
from storage.errors import NotFound
from storage.models import PracticeSession
from storage.repositories import coach
from tests.storage.rows import add_problem, add_submission, add_user


async def new_session(db: Database, user_id: int, **fields) -> int:
    values = {"mode": "practice", "provider": "offline", **fields}
    async with db.session() as session:
        return (await coach.create_session(session, user_id=user_id, **values)).id


async def say(db: Database, coach_id: int, *contents: str, role: str = "user", **kw) -> list[int]:
    async with db.session() as session:
        return [(await coach.add_message(session, coach_id, role, c, **kw)).id for c in contents]


async def test_someone_elses_session_looks_missing(db):
    alice, bob = await add_user(db, "alice"), await add_user(db, "bob")
    sid = await new_session(db, alice)
    async with db.session() as session:
        row = await coach.get_own_session(session, sid, alice)
        assert (row.status, row.tokens_used, row.feedback) == ("active", 0, None)
        for coach_id, user in ((sid, bob), (sid + 100, alice)):
            with pytest.raises(NotFound):
                await coach.get_own_session(session, coach_id, user)


async def test_list_own_sessions_filters_counts_messages_and_pages(db):
    alice, bob = await add_user(db, "alice"), await add_user(db, "bob")
    problem = await add_problem(db, "two-sum")
    practice = await new_session(db, alice, problem_id=problem)
    interview = await new_session(db, alice, mode="interview", status="ended")
    await new_session(db, bob)
    await say(db, practice, "hi", "there")

    async def listed(**query):
        query = {"mode": None, "status": None, "limit": 10, "offset": 0, **query}
        async with db.session() as session:
            rows = await coach.list_own_sessions(session, alice, **query)
        return [(row.id, slug, n) for row, slug, n in rows]

    assert await listed() == [(interview, None, 0), (practice, "two-sum", 2)]  # newest first
    assert await listed(mode="practice") == [(practice, "two-sum", 2)]
    assert await listed(status="ended") == [(interview, None, 0)]
    assert await listed(limit=1, offset=1) == [(practice, "two-sum", 2)]


async def test_messages_page_by_id_and_count(db):
    user = await add_user(db)
    sid, other = await new_session(db, user), await new_session(db, user)
    ids = await say(db, sid, *(f"m{i}" for i in range(5)))
    await say(db, other, "elsewhere")
    async with db.session() as session:
        assert [m.id for m in await coach.messages(session, sid)] == ids
        page = await coach.messages(session, sid, after=ids[1], limit=2)
        assert [m.content for m in page] == ["m2", "m3"]
        assert await coach.messages(session, sid, after=ids[-1]) == []
        assert await coach.message_count(session, sid) == 5
        assert await coach.message_count(session, other) == 1


async def test_history_is_the_newest_finished_messages_oldest_first(db):
    user = await add_user(db)
    sid = await new_session(db, user)
    await say(db, sid, "q1")
    await say(db, sid, "a1", role="assistant")
    await say(db, sid, "half", role="assistant", status="cancelled")
    await say(db, sid, "q2")
    await say(db, sid, "", role="assistant", status="streaming")
    async with db.session() as session:
        assert await coach.history(session, sid) == [
            ("user", "q1"),
            ("assistant", "a1"),
            ("assistant", "half"),
            ("user", "q2"),
        ]
        assert await coach.history(session, sid, limit=2) == [("assistant", "half"), ("user", "q2")]


async def test_a_streamed_message_is_finished_once(db):
    user = await add_user(db)
    sid = await new_session(db, user)
    [mid] = await say(db, sid, "", role="assistant", status="streaming")
    async with db.session() as session:
        assert (await coach.streaming_message(session, sid)).id == mid
        await coach.finish_message(
            session, mid, content="final", status="complete", meta={"tokens": 3}
        )
    async with db.session() as session:
        # A late second finisher (another process, a cancel) changes nothing.
        await coach.finish_message(session, mid, content="late", status="cancelled", meta={})
    async with db.session() as session:
        row = await coach.get_message(session, mid)
        assert (row.content, row.status, row.meta) == ("final", "complete", {"tokens": 3})
        assert await coach.streaming_message(session, sid) is None
        with pytest.raises(NotFound):
            await coach.get_message(session, mid + 100)


async def test_daily_usage_adds_up_atomically_per_day(db):
    user = await add_user(db)

    async def add(day: str, tokens: int) -> None:
        async with db.session() as session:
            await coach.add_usage(session, user, day, tokens)

    await asyncio.gather(*(add("2026-01-01", 10) for _ in range(5)))
    await add("2026-01-02", 7)
    async with db.session() as session:
        assert await coach.usage_on(session, user, "2026-01-01") == 50
        assert await coach.usage_on(session, user, "2026-01-02") == 7
        assert await coach.usage_on(session, user, "2026-01-03") == 0


async def test_move_session_lets_exactly_one_of_two_enders_win(db):
    alice, bob = await add_user(db, "alice"), await add_user(db, "bob")
    sid = await new_session(db, alice)

    async def move(user: int, src: str, dst: str) -> bool:
        async with db.session() as session:
            return await coach.move_session(session, sid, user, src=src, dst=dst)

    assert await move(bob, "active", "ended") is False  # not bob's session
    assert await move(alice, "active", "paused") is True
    assert await move(alice, "paused", "active") is True
    outcomes = await asyncio.gather(move(alice, "active", "ended"), move(alice, "active", "ended"))
    assert sorted(outcomes) == [False, True]
    async with db.session() as session:
        row = await coach.get_own_session(session, sid, alice)
    assert row.status == "ended" and row.ended_at is not None


async def test_the_first_feedback_wins_and_tokens_accumulate(db):
    user = await add_user(db)
    sid = await new_session(db, user, mode="interview")
    async with db.session() as session:
        assert await coach.store_feedback(session, sid, {"score": 7}) is True
        assert await coach.store_feedback(session, sid, {"score": 1}) is False
        await coach.add_session_tokens(session, sid, 40)
        await coach.add_session_tokens(session, sid, 2)
    async with db.session() as session:
        row = await coach.get_own_session(session, sid, user)
    assert row.feedback == {"score": 7} and row.tokens_used == 42


async def test_what_the_coach_may_read_about_an_attempt(db):
    alice, bob = await add_user(db, "alice"), await add_user(db, "bob")
    problem, other = await add_problem(db, "p1"), await add_problem(db, "p2")
    async with db.session() as session:
        old = PracticeSession(user_id=alice, problem_id=problem, language="python", status="ended")
        current = PracticeSession(user_id=alice, problem_id=problem, language="python")
        session.add_all([old, current])
        await session.flush()
        old_id, current_id = old.id, current.id
    async with db.session() as session:
        assert (await coach.current_practice(session, alice, problem, None)).id == current_id
        assert (await coach.current_practice(session, alice, problem, old_id)).id == old_id
        # Someone else's session, or one on another problem, falls back to the open one.
        assert (await coach.current_practice(session, bob, problem, current_id)) is None
        assert (await coach.current_practice(session, alice, other, current_id)) is None

    assert await _solved(db, alice, problem) is False
    await add_submission(db, alice, problem, status="done", verdict="WA")
    ran = await add_submission(db, alice, problem, status="done", verdict="AC", mode="run")
    await add_submission(db, alice, problem, status="queued")
    await add_submission(db, bob, problem, status="done", verdict="AC")
    async with db.session() as session:
        assert (await coach.latest_judged(session, alice, problem)).id == ran
        assert await coach.latest_judged(session, alice, other) is None
    assert await _solved(db, alice, problem) is False  # a run is not a solve
    await add_submission(db, alice, problem, status="done", verdict="AC")
    assert await _solved(db, alice, problem) is True
    async with db.session() as session:
        assert sorted(await coach.judged_submits(session, alice), key=str) == sorted(
            [(problem, "WA"), (problem, "AC")], key=str
        )


async def _solved(db: Database, user: int, problem: int) -> bool:
    async with db.session() as session:
        return await coach.has_solved(session, user, problem)


async def test_problems_by_id_or_all_public(db):
    public = await add_problem(db, "open")
    private = await add_problem(db, "secret", visibility="private")
    async with db.session() as session:
        assert [p.id for p in await coach.problems_by_id(session, [private, public])] == [
            public,
            private,
        ]
        assert [p.slug for p in await coach.problems_by_id(session, public_only=True)] == ["open"]
        assert await coach.problems_by_id(session, []) == []
