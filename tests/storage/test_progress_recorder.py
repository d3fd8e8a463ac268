"""Progress written with a stored submit result: counters, XP, streak, achievements,
percentiles, daily bonus; on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from progress import daily, percentiles, xp
from storage.database import Database
from storage.models import (
    DailyChallenge,
    Notification,
    Problem,
    ProblemProgress,
    Submission,
    UserActivity,
    UserStats,
)
from storage.repositories import analytics as analytics_repo
from tests.progress.rows import add_problem, daily_elsewhere, judged
from tests.storage.rows import add_user

T0 = datetime(2026, 12, 1, 23, 59, 30, tzinfo=UTC)


async def stats_of(db: Database, user_id: int) -> UserStats:
    async with db.session() as session:
        row = await session.get(UserStats, user_id)
        assert row is not None
        return row


async def test_xp_is_not_farmable_by_resubmitting(db: Database) -> None:
    me = await add_user(db)
    hard = await add_problem(db, "hard-one", "hard")
    await daily_elsewhere(db, T0, T0 + timedelta(minutes=5))
    first = await judged(db, me, hard, "WA", T0)
    assert first.counted and first.xp == 0 and not first.first_solve
    solved = await judged(db, me, hard, "AC", T0 + timedelta(minutes=1))
    assert solved.first_solve and solved.xp == xp.XP_BY_DIFFICULTY["hard"]
    for i in range(3):
        again = await judged(db, me, hard, "AC", T0 + timedelta(minutes=2 + i))
        assert again.xp == 0 and not again.first_solve
    stats = await stats_of(db, me)
    assert (stats.xp, stats.solved, stats.attempted) == (40, 1, 1)
    assert (stats.submissions, stats.accepted) == (5, 4)
    async with db.session() as session:
        row = (await session.execute(select(ProblemProgress))).scalar_one()
    assert row.status == "solved" and row.attempts == 5 and row.xp_awarded == 40
    assert row.first_solved_at == T0 + timedelta(minutes=1)


async def test_runs_and_judge_failures_are_not_attempts(db: Database) -> None:
    me = await add_user(db)
    p = await add_problem(db, "p")
    assert not (await judged(db, me, p, "AC", T0, mode="run")).counted
    assert not (await judged(db, me, p, "IE", T0)).counted
    async with db.session() as session:
        assert await session.get(UserStats, me) is None


async def test_streak_across_utc_midnight_and_after_a_missed_day(db: Database) -> None:
    me = await add_user(db)
    problems = [await add_problem(db, f"p{i}") for i in range(4)]
    await judged(db, me, problems[0], "AC", T0)  # 23:59:30 on Dec 1
    await judged(db, me, problems[1], "AC", T0 + timedelta(seconds=45))  # 00:00:15 on Dec 2
    stats = await stats_of(db, me)
    assert (stats.current_streak, stats.longest_streak, stats.last_active_day) == (
        2,
        2,
        "2026-12-02",
    )
    await judged(db, me, problems[2], "WA", T0 + timedelta(days=1, minutes=1))  # Dec 3, WA
    await judged(db, me, problems[3], "AC", T0 + timedelta(days=2, seconds=45))  # Dec 4
    stats = await stats_of(db, me)
    assert (stats.current_streak, stats.longest_streak) == (1, 2)
    async with db.session() as session:
        days = await analytics_repo.activity(session, me, "2026-12-01", "2026-12-04")
    assert days == {
        "2026-12-01": (1, 1, 10),
        "2026-12-02": (1, 1, 10),
        "2026-12-03": (1, 0, 0),
        "2026-12-04": (1, 1, 10),
    }


async def test_achievements_earned_once_with_inbox_notifications(db: Database) -> None:
    me = await add_user(db)
    a = await add_problem(db, "a", topics=("math",))
    b = await add_problem(db, "b", topics=("math", "graphs"))
    await add_problem(db, "c", topics=("graphs",))
    first = await judged(db, me, a, "AC", T0)
    assert [n.data["code"] for n in first.notifications] == ["first_solve"]
    again = await judged(db, me, a, "AC", T0 + timedelta(minutes=1))
    assert again.notifications == []
    second = await judged(db, me, b, "AC", T0 + timedelta(minutes=2))
    assert [n.data["code"] for n in second.notifications] == ["topic:math"]
    async with db.session() as session:
        notes = (await session.scalars(select(Notification).order_by(Notification.id))).all()
    assert [(n.kind, n.data) for n in notes] == [
        ("achievement", {"code": "first_solve"}),
        ("achievement", {"code": "topic:math"}),
    ]
    assert all(n.user_id == me and n.read_at is None for n in notes)


async def test_ten_solves_and_a_week_streak(db: Database) -> None:
    me = await add_user(db)
    earned: list[str] = []
    for i in range(10):
        p = await add_problem(db, f"q{i}")
        outcome = await judged(db, me, p, "AC", T0 + timedelta(days=i))
        earned += [n.data["code"] for n in outcome.notifications]
    assert earned == ["first_solve", "streak_7", "solved_10"]


async def test_percentiles_on_crafted_times(db: Database) -> None:
    users = [await add_user(db, f"u{i}") for i in range(5)]
    p = await add_problem(db, "p")
    times = [50, 10, 30, 30, 70]
    for user, ms in zip(users, times, strict=True):
        await judged(db, user, p, "AC", T0, time_ms=ms, memory_kb=ms * 100)
    await judged(db, users[0], p, "WA", T0, time_ms=1)  # not accepted: not counted
    await judged(db, users[0], p, "AC", T0, time_ms=1, language="c")  # other language
    async with db.session() as session:
        rows = (
            await session.scalars(
                select(Submission)
                .where(Submission.language == "python", Submission.verdict == "AC")
                .order_by(Submission.id)
            )
        ).all()
        beats = [await percentiles.of_submission(session, row) for row in rows]
        wrong = (await session.scalars(select(Submission).where(Submission.verdict == "WA"))).one()
        assert await percentiles.of_submission(session, wrong) is None
    # 5 accepted: 10 beats the 4 others, 30 beats 50 and 70 (not the other 30), 70 beats none
    assert [b.runtime_beats for b in beats if b] == [25.0, 100.0, 50.0, 50.0, 0.0]
    assert [b.memory_beats for b in beats if b] == [25.0, 100.0, 50.0, 50.0, 0.0]


async def test_daily_challenge_bonus_once_on_its_day_only(db: Database) -> None:
    me = await add_user(db)
    p = await add_problem(db, "daily", "medium")
    other = await add_problem(db, "other", "medium")
    async with db.session() as session:
        session.add(DailyChallenge(day="2026-12-01", problem_id=other))
        session.add(DailyChallenge(day="2026-12-02", problem_id=p))
    late_yesterday = await judged(db, me, p, "AC", T0)  # Dec 1: not its day
    assert late_yesterday.xp == 20 and not late_yesterday.daily_bonus
    on_day = await judged(db, me, p, "AC", T0 + timedelta(minutes=1))  # Dec 2
    assert on_day.daily_bonus and on_day.xp == xp.DAILY_BONUS_XP
    twice = await judged(db, me, p, "AC", T0 + timedelta(minutes=2))
    assert not twice.daily_bonus and twice.xp == 0
    stats = await stats_of(db, me)
    assert (stats.xp, stats.daily_solved) == (20 + xp.DAILY_BONUS_XP, 1)
    async with db.session() as session:
        day = await session.get(UserActivity, (me, "2026-12-02"))
    assert day is not None and day.xp == xp.DAILY_BONUS_XP


async def test_daily_bonus_paid_when_nobody_opened_the_daily_page_first(db: Database) -> None:
    """The recorder stores the day's pick itself: the same one the endpoint would show."""
    me = await add_user(db)
    ids = [await add_problem(db, f"bank-{i}", ("easy", "medium", "hard")[i % 3]) for i in range(9)]
    async with db.session() as session:
        assert await session.get(DailyChallenge, "2026-12-02") is None
        slugs = {
            i: slug for i, slug in (await session.execute(select(Problem.id, Problem.slug))).all()
        }
    day = T0 + timedelta(minutes=1)  # Dec 2
    bank = [
        daily.Candidate(i, slugs[i], ("easy", "medium", "hard")[n % 3]) for n, i in enumerate(ids)
    ]
    expected = daily.pick(day.date(), bank, set())
    assert expected is not None
    not_it = next(i for i in ids if i != expected.problem_id)
    assert not (await judged(db, me, not_it, "AC", day)).daily_bonus
    solved = await judged(db, me, expected.problem_id, "AC", day + timedelta(minutes=1))
    assert solved.daily_bonus and solved.xp == xp.XP_BY_DIFFICULTY[expected.difficulty] + (
        xp.DAILY_BONUS_XP
    )
    async with db.session() as session:
        stored = await session.get(DailyChallenge, "2026-12-02")
    assert stored is not None and stored.problem_id == expected.problem_id
    assert (await stats_of(db, me)).daily_solved == 1
