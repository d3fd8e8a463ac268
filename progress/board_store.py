"""Where leaderboards are read from: SQL always works; with Redis, sorted sets.

`SqlBoards` ranks from the progress tables on every read (storage.repositories.leaderboards).
`RedisBoards` keeps one sorted set per board, so a page or a caller's rank is a few
O(log n) commands instead of counts over the board:

- **Writes**: judging applies `SubmitOutcome.scores` (a user's absolute scores on the
  boards the submit changed) right after the transaction that stored them commits:
  `ZADD ... LT` on the negated score, so an older score arriving late never lowers a newer
  one (every board only grows, within its week for weekly).
- **Reads**: a board is built from SQL the first time it is read (and rebuilt from SQL
  when its build is older than `rebuild_seconds`, which heals any write lost to a Redis
  failure). Until a board has been built, and whenever Redis fails, reads come from SQL.
- **Order**: members are zero-padded user ids and scores are negated, so Redis's own order
  (score ascending, then member) is the board order (best first, ties by user id).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from typing import Any, Protocol

from redis.asyncio import Redis
from redis.exceptions import RedisError
from sqlalchemy.ext.asyncio import AsyncSession

from progress.boards import BoardRef, Score, page_ranks
from storage.repositories import leaderboards as board_repo
from storage.repositories.leaderboards import Entry

log = logging.getLogger(__name__)

DEFAULT_PREFIX = "codearena:boards"
WEEKLY_TTL_SECONDS = 15 * 24 * 3600  # a week's board outlives its week, then goes
BUILD_LOCK_SECONDS = 30
BUILD_CHUNK = 5_000
Rank = tuple[int, int, int]
"""(rank, score, position: the 0-based place in board order)."""


class Boards(Protocol):
    async def page(
        self, session: AsyncSession, ref: BoardRef, *, offset: int, limit: int
    ) -> tuple[int, list[Entry]]:
        """(users on the board, one page of entries best first)."""
        ...

    async def rank_of(self, session: AsyncSession, ref: BoardRef, user_id: int) -> Rank | None:
        """The user's place, or None when they are not on the board."""
        ...

    async def apply(self, scores: Sequence[Score]) -> None:
        """Scores a committed submit changed."""
        ...


def _sql_scores(ref: BoardRef) -> Any:
    if ref.board == "weekly":
        return board_repo.scores("weekly", since_day=ref.scope)
    if ref.board == "topic":
        return board_repo.scores("topic", topic=ref.scope)
    return board_repo.scores(ref.board)


class SqlBoards:
    """Every read ranks from the progress tables; writes are already there."""

    async def page(
        self, session: AsyncSession, ref: BoardRef, *, offset: int, limit: int
    ) -> tuple[int, list[Entry]]:
        return await board_repo.page(session, _sql_scores(ref), offset=offset, limit=limit)

    async def rank_of(self, session: AsyncSession, ref: BoardRef, user_id: int) -> Rank | None:
        return await board_repo.rank_of(session, _sql_scores(ref), user_id)

    async def apply(self, scores: Sequence[Score]) -> None:
        return None


def _member(user_id: int) -> str:
    return f"{user_id:012d}"


class RedisBoards:
    def __init__(
        self,
        redis: Redis,
        *,
        prefix: str = DEFAULT_PREFIX,
        rebuild_seconds: float = 3600.0,
    ) -> None:
        self.redis = redis
        self.prefix = prefix
        self.rebuild_seconds = rebuild_seconds
        self.sql = SqlBoards()

    def key(self, ref: BoardRef) -> str:
        return f"{self.prefix}:{ref.key}"

    def _built_key(self, ref: BoardRef) -> str:
        return f"{self.prefix}:built:{ref.key}"

    async def apply(self, scores: Sequence[Score]) -> None:
        """Raise each score (never lower it). A failure is logged: the result is stored in
        SQL, and the board's next rebuild brings Redis back in line."""
        if not scores:
            return
        try:
            pipe = self.redis.pipeline(transaction=False)
            for s in scores:
                key = self.key(s.ref)
                pipe.zadd(key, {_member(s.user_id): -s.score}, lt=True)
                if s.ref.board == "weekly":
                    pipe.expire(key, WEEKLY_TTL_SECONDS)
            await pipe.execute()
        except RedisError:
            log.warning("leaderboard update failed; the next rebuild repairs it", exc_info=True)

    async def rebuild(self, session: AsyncSession, ref: BoardRef) -> None:
        """Replace the board with SQL's: built aside, then swapped in with one RENAME."""
        rows = (await session.execute(_sql_scores(ref))).all()
        key, scratch = self.key(ref), f"{self.key(ref)}:building"
        await self.redis.delete(scratch)
        for start in range(0, len(rows), BUILD_CHUNK):
            chunk = rows[start : start + BUILD_CHUNK]
            await self.redis.zadd(scratch, {_member(uid): -int(score) for uid, score in chunk})
        pipe = self.redis.pipeline(transaction=True)
        if rows:
            pipe.rename(scratch, key)
        else:
            pipe.delete(key)
        pipe.set(self._built_key(ref), repr(time.time()))
        if ref.board == "weekly":
            pipe.expire(key, WEEKLY_TTL_SECONDS)
            pipe.expire(self._built_key(ref), WEEKLY_TTL_SECONDS)
        await pipe.execute()

    async def _ready(self, session: AsyncSession, ref: BoardRef) -> bool:
        """Whether Redis holds the whole board, (re)building it first when due."""
        built = await self.redis.get(self._built_key(ref))
        due = built is None or time.time() - float(built) > self.rebuild_seconds
        if not due:
            return True
        lock = f"{self.prefix}:lock:{ref.key}"
        if not await self.redis.set(lock, "1", nx=True, ex=BUILD_LOCK_SECONDS):
            return built is not None  # someone else is building; an old build still serves
        try:
            await self.rebuild(session, ref)
        finally:
            await self.redis.delete(lock)
        return True

    async def page(
        self, session: AsyncSession, ref: BoardRef, *, offset: int, limit: int
    ) -> tuple[int, list[Entry]]:
        try:
            if await self._ready(session, ref):
                return await self._page(session, ref, offset=offset, limit=limit)
        except RedisError:
            log.warning("leaderboard read from Redis failed; reading SQL", exc_info=True)
        return await self.sql.page(session, ref, offset=offset, limit=limit)

    async def rank_of(self, session: AsyncSession, ref: BoardRef, user_id: int) -> Rank | None:
        try:
            if await self._ready(session, ref):
                return await self._rank_of(ref, user_id)
        except RedisError:
            log.warning("leaderboard read from Redis failed; reading SQL", exc_info=True)
        return await self.sql.rank_of(session, ref, user_id)

    async def _page(
        self, session: AsyncSession, ref: BoardRef, *, offset: int, limit: int
    ) -> tuple[int, list[Entry]]:
        key = self.key(ref)
        pipe = self.redis.pipeline(transaction=True)
        pipe.zcard(key)
        pipe.zrange(key, offset, offset + limit - 1, withscores=True)
        total, rows = await pipe.execute()
        if not rows:
            return int(total), []
        ids = [int(member) for member, _ in rows]
        points = [-int(score) for _, score in rows]
        better = await self.redis.zcount(key, "-inf", f"({-points[0]}")
        ranks = page_ranks(int(better) + 1, offset, points)
        names = await board_repo.display_names(session, ids)
        return int(total), [
            Entry(rank, uid, names.get(uid, ""), score)
            for rank, uid, score in zip(ranks, ids, points, strict=True)
        ]

    async def _rank_of(self, ref: BoardRef, user_id: int) -> Rank | None:
        key, member = self.key(ref), _member(user_id)
        pipe = self.redis.pipeline(transaction=True)
        pipe.zscore(key, member)
        pipe.zrank(key, member)
        raw, position = await pipe.execute()
        if raw is None or position is None:
            return None
        score = -int(raw)
        better = await self.redis.zcount(key, "-inf", f"({-score}")
        return int(better) + 1, score, int(position)
