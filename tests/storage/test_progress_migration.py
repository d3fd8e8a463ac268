"""Migration 0006 backfills progress from submits stored before it, and downgrades."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import text

from storage.database import Database
from storage.migrate import downgrade, upgrade

T0 = datetime(2026, 12, 1, 23, 30, tzinfo=UTC)


async def test_backfill_from_existing_submissions(db_url: str) -> None:
    await upgrade(db_url, "0005")
    db = Database(db_url)
    try:
        async with db.engine.begin() as conn:
            now = datetime.now(UTC)
            await conn.execute(
                text(
                    "INSERT INTO users (id, email, password_hash, role, display_name, bio,"
                    " experience_level, preferred_languages, target_companies, rating,"
                    " rating_deviation, rating_volatility, token_version, created_at, updated_at)"
                    " VALUES (1, 'a@x.io', 'x', 'user', 'A', '', 'beginner', '[]', '[]', 1500,"
                    " 350, 0.06, 0, :now, :now)"
                ),
                {"now": now},
            )
            for pid, difficulty in ((1, "easy"), (2, "hard")):
                await conn.execute(
                    text(
                        "INSERT INTO problems (id, slug, title, statement, difficulty,"
                        " time_limit, memory_limit, checker, checker_options, hints,"
                        " starter_code, editorial, expected_complexity, visibility, source,"
                        " created_at, updated_at) VALUES (:id, :slug, 'T', 's', :d, 2, 256,"
                        " 'tokens', '{}', '[]', '{}', '', '', 'public', 'bank', :now, :now)"
                    ),
                    {"id": pid, "slug": f"p{pid}", "d": difficulty, "now": now},
                )
            subs = [
                (1, "WA", T0),
                (1, "AC", T0 + timedelta(minutes=10)),  # Dec 1
                (2, "AC", T0 + timedelta(hours=1)),  # Dec 2
                (2, "AC", T0 + timedelta(hours=2)),
            ]
            for pid, verdict, at in subs:
                await conn.execute(
                    text(
                        "INSERT INTO submissions (user_id, problem_id, language, code, mode,"
                        " status, verdict, score, tests, created_at) VALUES (1, :p, 'python',"
                        " 'x', 'submit', 'done', :v, 0, '[]', :at)"
                    ),
                    {"p": pid, "v": verdict, "at": at},
                )
        await upgrade(db_url)
        async with db.engine.connect() as conn:
            stats = (
                await conn.execute(
                    text(
                        "SELECT xp, attempted, solved, submissions, accepted, current_streak,"
                        " longest_streak, last_active_day FROM user_stats WHERE user_id = 1"
                    )
                )
            ).one()
            days = (
                await conn.execute(
                    text("SELECT day, submissions, accepted FROM user_activity ORDER BY day")
                )
            ).all()
            progress = (
                await conn.execute(
                    text(
                        "SELECT problem_id, status, attempts, xp_awarded FROM problem_progress"
                        " ORDER BY problem_id"
                    )
                )
            ).all()
        assert tuple(stats) == (50, 2, 2, 4, 3, 2, 2, "2026-12-02")
        assert [tuple(d) for d in days] == [("2026-12-01", 2, 1), ("2026-12-02", 2, 2)]
        assert [tuple(p) for p in progress] == [(1, "solved", 2, 10), (2, "solved", 2, 40)]
        await downgrade(db_url, "0005")
        await upgrade(db_url)
    finally:
        await db.close()
