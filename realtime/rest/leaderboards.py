"""Leaderboards: XP, solved, this week's XP, daily challenges solved, solved per topic.

Read through `app[BOARDS]` (progress.board_store): Redis sorted sets when `REDIS_URL`
is set, SQL otherwise; both rank alike (ties share a rank). `me` is the caller's own rank
with a window of neighbours (two above, the caller, two below), even when the caller is
far off the requested page.
"""

from __future__ import annotations

from progress.boards import BoardRef, weekly
from realtime.keys import BOARDS, DATABASE
from realtime.rest.analytics import today
from realtime.rest.endpoints import Call, EndpointTable
from realtime.schemas.progress import BoardEntry, Leaderboard, LeaderboardQuery, MyRank
from storage.repositories import leaderboards as board_repo

routes = EndpointTable()
TAGS = ("leaderboards",)
NEIGHBOURS = 2


def _entry(e: board_repo.Entry) -> BoardEntry:
    return BoardEntry(rank=e.rank, user_id=e.user_id, display_name=e.display_name, score=e.score)


def board_ref(q: LeaderboardQuery) -> BoardRef:
    if q.board == "weekly":
        return weekly(today())
    return BoardRef(q.board, q.topic)  # the query allows a topic with board=topic only


@routes.get(
    "/api/leaderboards", query=LeaderboardQuery, response=Leaderboard, auth="optional", tags=TAGS
)
async def leaderboard(call: Call) -> Leaderboard:
    """One page of a board and, when signed in and ranked, your rank and neighbours."""
    q: LeaderboardQuery = call.query
    ref = board_ref(q)
    boards = call.app[BOARDS]
    async with call.app[DATABASE].session() as session:
        total, items = await boards.page(
            session, ref, offset=(q.page - 1) * q.per_page, limit=q.per_page
        )
        me = None
        if call.user is not None:
            found = await boards.rank_of(session, ref, call.user.id)
            if found is not None:
                rank, score, position = found
                start = max(0, position - NEIGHBOURS)
                _, around = await boards.page(
                    session, ref, offset=start, limit=position - start + NEIGHBOURS + 1
                )
                me = MyRank(rank=rank, score=score, neighbours=[_entry(e) for e in around])
    return Leaderboard(
        board=q.board,
        topic=q.topic,
        page=q.page,
        per_page=q.per_page,
        total=total,
        items=[_entry(e) for e in items],
        me=me,
    )
