"""Redis sorted-set leaderboards against the SQL ones, on real Redis and both databases.

The Redis boards are built (empty) before any submit, then kept up by the scores each
recorded submit returns, as judging applies them: they must equal the SQL boards page by
page and rank by rank, without a rebuild in between.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest
import redis.asyncio as aioredis

from progress.board_store import RedisBoards, SqlBoards
from progress.boards import BoardRef, weekly
from storage.models import DailyChallenge
from tests.progress.rows import add_problem, daily_elsewhere, judged
from tests.storage.rows import add_user

NOW = datetime.now(UTC).replace(hour=12, minute=0, second=0, microsecond=0)
TOPICS = ("arrays", "graphs", "dp")
PREFIX = "test:boards"


@pytest.fixture
async def redis(redis_url: str):
    client = aioredis.from_url(redis_url)
    yield client
    await client.aclose()


async def _everything(boards, session, ref: BoardRef, users: list[int]):
    """Every page (7 a page) and every user's rank, one absent user included."""
    total, _ = await boards.page(session, ref, offset=0, limit=1)
    pages = [
        await boards.page(session, ref, offset=offset, limit=7) for offset in range(0, total + 7, 7)
    ]
    ranks = [await boards.rank_of(session, ref, uid) for uid in [*users, 10**9]]
    return pages, ranks


async def test_redis_boards_equal_sql_after_a_run_of_submissions(db, redis) -> None:
    rng = random.Random(7)
    problems = [
        await add_problem(
            db, f"p{i}", ("easy", "medium", "hard")[i % 3], topics=(TOPICS[i % 3], "all")
        )
        for i in range(9)
    ]
    users = [await add_user(db, f"u{i}") for i in range(25)]
    async with db.session() as session:
        session.add(DailyChallenge(day=NOW.date().isoformat(), problem_id=problems[0]))
    this_week, last_week = weekly(NOW.date()), weekly(NOW.date() - timedelta(days=7))
    refs = [
        BoardRef("xp"),
        BoardRef("solved"),
        BoardRef("daily"),
        this_week,
        last_week,
        *(BoardRef("topic", t) for t in (*TOPICS, "all")),
    ]
    boards = RedisBoards(redis, prefix=PREFIX)
    async with db.session() as session:
        for ref in refs:  # built from SQL now, while every board is empty
            assert await boards.page(session, ref, offset=0, limit=5) == (0, [])
    built = {ref: await redis.get(f"{PREFIX}:built:{ref.key}") for ref in refs}

    outcomes = []
    for _ in range(220):
        at = NOW - timedelta(days=rng.choice((0, 0, 0, 7, 8)), minutes=rng.randrange(600))
        verdict = rng.choice(("AC", "AC", "WA", "TLE"))
        outcome = await judged(db, rng.choice(users), rng.choice(problems), verdict, at)
        await boards.apply(outcome.scores)
        outcomes.append(outcome)
    for outcome in rng.sample(outcomes, 60):  # late, repeated deliveries change nothing
        await boards.apply(outcome.scores)

    sql = SqlBoards()
    async with db.session() as session:
        for ref in refs:
            from_sql = await _everything(sql, session, ref, users)
            assert await _everything(boards, session, ref, users) == from_sql, ref
        xp_board = await sql.page(session, BoardRef("xp"), offset=0, limit=100)
    assert {ref: await redis.get(f"{PREFIX}:built:{ref.key}") for ref in refs} == built
    ranks = [e.rank for e in xp_board[1]]
    assert len(set(ranks)) < len(ranks), "the crafted run should produce ties"
    assert xp_board[0] > 10


async def test_a_lost_or_old_board_is_rebuilt_from_sql(db, redis) -> None:
    problem = await add_problem(db, "p", "hard", topics=("graphs",))
    await daily_elsewhere(db, NOW)
    users = [await add_user(db, f"u{i}") for i in range(4)]
    for uid in users[:3]:
        await judged(db, uid, problem, "AC", NOW)  # nobody applies these to Redis
    boards = RedisBoards(redis, prefix=PREFIX)
    ref = BoardRef("xp")
    async with db.session() as session:
        expected = await SqlBoards().page(session, ref, offset=0, limit=10)
        assert expected[0] == 3
        assert await boards.page(session, ref, offset=0, limit=10) == expected
    assert await redis.zcard(f"{PREFIX}:xp") == 3  # first read built it

    await judged(db, users[3], problem, "AC", NOW)  # a lost write: Redis never hears of it
    async with db.session() as session:
        assert (await boards.page(session, ref, offset=0, limit=10))[0] == 3
        due = RedisBoards(redis, prefix=PREFIX, rebuild_seconds=0)
        assert (await due.page(session, ref, offset=0, limit=10))[0] == 4
        assert await boards.rank_of(session, ref, users[3]) == (1, 40, 3)


async def test_reads_fall_back_to_sql_and_writes_do_not_fail_when_redis_is_down(db) -> None:
    problem = await add_problem(db, "p", "easy")
    await daily_elsewhere(db, NOW)
    uid = await add_user(db, "solo")
    outcome = await judged(db, uid, problem, "AC", NOW)
    down = aioredis.from_url("redis://127.0.0.1:1/0", socket_connect_timeout=0.5)
    boards = RedisBoards(down, prefix=PREFIX)
    try:
        await boards.apply(outcome.scores)  # logged, not raised: the result is in SQL
        async with db.session() as session:
            total, entries = await boards.page(session, BoardRef("xp"), offset=0, limit=5)
            assert (total, [(e.user_id, e.score) for e in entries]) == (1, [(uid, 10)])
            assert await boards.rank_of(session, BoardRef("xp"), uid) == (1, 10, 0)
    finally:
        await down.aclose()
