"""learner progress: per-problem progress, user counters, daily activity, daily
challenge, achievements, notifications inbox, and the indexes the analytics read

Existing submit results are backfilled into problem_progress, user_activity and
user_stats with set-based SQL (streaks from the backfilled days).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""

from collections.abc import Sequence
from datetime import date, timedelta

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# XP per difficulty (progress/xp.py holds the rules; a migration keeps its own copy).
XP = {"easy": 10, "medium": 20, "hard": 40}


def _ts() -> sa.types.TypeEngine:
    return sa.DateTime(timezone=True)


def upgrade() -> None:
    op.create_table(
        "problem_progress",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("problem_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("best_score", sa.Float(), nullable=False),
        sa.Column("xp_awarded", sa.Integer(), nullable=False),
        sa.Column("first_solved_at", _ts(), nullable=True),
        sa.Column("last_attempted_at", _ts(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_problem_progress_user_id_users", ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(
            ["problem_id"],
            ["problems.id"],
            name="fk_problem_progress_problem_id_problems",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name="pk_problem_progress"),
        sa.UniqueConstraint("user_id", "problem_id", name="uq_problem_progress_user_id"),
    )
    op.create_index(
        "ix_problem_progress_problem_status", "problem_progress", ["problem_id", "status"]
    )
    op.create_table(
        "user_stats",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("xp", sa.Integer(), nullable=False),
        sa.Column("attempted", sa.Integer(), nullable=False),
        sa.Column("solved", sa.Integer(), nullable=False),
        sa.Column("submissions", sa.Integer(), nullable=False),
        sa.Column("accepted", sa.Integer(), nullable=False),
        sa.Column("daily_solved", sa.Integer(), nullable=False),
        sa.Column("current_streak", sa.Integer(), nullable=False),
        sa.Column("longest_streak", sa.Integer(), nullable=False),
        sa.Column("last_active_day", sa.String(10), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_user_stats_user_id_users", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", name="pk_user_stats"),
    )
    op.create_index("ix_user_stats_xp", "user_stats", ["xp", "user_id"])
    op.create_index("ix_user_stats_solved", "user_stats", ["solved", "user_id"])
    op.create_index("ix_user_stats_daily_solved", "user_stats", ["daily_solved", "user_id"])
    op.create_table(
        "user_activity",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("submissions", sa.Integer(), nullable=False),
        sa.Column("accepted", sa.Integer(), nullable=False),
        sa.Column("xp", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_user_activity_user_id_users", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("user_id", "day", name="pk_user_activity"),
    )
    op.create_index("ix_user_activity_day", "user_activity", ["day", "user_id"])
    op.create_table(
        "user_topic_solved",
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("topic", sa.String(64), nullable=False),
        sa.Column("solved", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name="fk_user_topic_solved_user_id_users",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("user_id", "topic", name="pk_user_topic_solved"),
    )
    op.create_index(
        "ix_user_topic_solved_board", "user_topic_solved", ["topic", "solved", "user_id"]
    )
    op.create_table(
        "daily_challenges",
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("problem_id", sa.Integer(), nullable=False),
        sa.Column("created_at", _ts(), nullable=False),
        sa.ForeignKeyConstraint(
            ["problem_id"],
            ["problems.id"],
            name="fk_daily_challenges_problem_id_problems",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("day", name="pk_daily_challenges"),
    )
    op.create_index("ix_daily_challenges_problem_id", "daily_challenges", ["problem_id"])
    op.create_table(
        "daily_challenge_solves",
        sa.Column("day", sa.String(10), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("solved_at", _ts(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["users.id"],
            name="fk_daily_challenge_solves_user_id_users",
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("day", "user_id", name="pk_daily_challenge_solves"),
    )
    op.create_index("ix_daily_challenge_solves_user_id", "daily_challenge_solves", ["user_id"])
    op.create_table(
        "achievements",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(80), nullable=False),
        sa.Column("earned_at", _ts(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_achievements_user_id_users", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_achievements"),
        sa.UniqueConstraint("user_id", "code", name="uq_achievements_user_id"),
    )
    op.create_table(
        "notifications",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("title", sa.String(200), nullable=False),
        sa.Column("body", sa.String(2000), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("created_at", _ts(), nullable=False),
        sa.Column("read_at", _ts(), nullable=True),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name="fk_notifications_user_id_users", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_notifications"),
    )
    op.create_index("ix_notifications_user_id_id", "notifications", ["user_id", "id"])
    op.create_index(
        "ix_submissions_percentile_time",
        "submissions",
        ["problem_id", "language", "mode", "verdict", "time_ms"],
    )
    op.create_index(
        "ix_submissions_percentile_memory",
        "submissions",
        ["problem_id", "language", "mode", "verdict", "memory_kb"],
    )
    op.create_index("ix_submissions_user_recent", "submissions", ["user_id", "id"])
    _backfill()


def _backfill() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        day = "to_char(s.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD')"
    else:
        day = "substr(s.created_at, 1, 10)"
    xp_case = " ".join(f"WHEN '{k}' THEN {v}" for k, v in XP.items())
    done = "s.mode = 'submit' AND s.status = 'done' AND s.problem_id IS NOT NULL"
    op.execute(
        f"""
        INSERT INTO problem_progress (user_id, problem_id, status, attempts, best_score,
            xp_awarded, first_solved_at, last_attempted_at)
        SELECT s.user_id, s.problem_id,
               CASE WHEN MAX(CASE WHEN s.verdict = 'AC' THEN 1 ELSE 0 END) = 1
                    THEN 'solved' ELSE 'attempted' END,
               COUNT(*), MAX(s.score),
               CASE WHEN MAX(CASE WHEN s.verdict = 'AC' THEN 1 ELSE 0 END) = 1
                    THEN MAX(CASE p.difficulty {xp_case} ELSE 0 END) ELSE 0 END,
               MIN(CASE WHEN s.verdict = 'AC' THEN s.created_at END),
               MAX(s.created_at)
        FROM submissions s JOIN problems p ON p.id = s.problem_id
        WHERE {done}
        GROUP BY s.user_id, s.problem_id
        """
    )
    op.execute(
        f"""
        INSERT INTO user_activity (user_id, day, submissions, accepted, xp)
        SELECT s.user_id, {day}, COUNT(*),
               SUM(CASE WHEN s.verdict = 'AC' THEN 1 ELSE 0 END), 0
        FROM submissions s
        WHERE {done}
        GROUP BY s.user_id, {day}
        """
    )
    op.execute(
        """
        INSERT INTO user_stats (user_id, xp, attempted, solved, submissions, accepted,
            daily_solved, current_streak, longest_streak, last_active_day)
        SELECT pp.user_id, SUM(pp.xp_awarded), COUNT(*),
               SUM(CASE WHEN pp.status = 'solved' THEN 1 ELSE 0 END),
               SUM(pp.attempts), 0, 0, 0, 0, NULL
        FROM problem_progress pp GROUP BY pp.user_id
        """
    )
    op.execute(
        """
        INSERT INTO user_topic_solved (user_id, topic, solved)
        SELECT pp.user_id, l.value, COUNT(*)
        FROM problem_progress pp
        JOIN problem_labels l ON l.problem_id = pp.problem_id AND l.kind = 'topic'
        WHERE pp.status = 'solved'
        GROUP BY pp.user_id, l.value
        """
    )
    op.execute(
        """
        UPDATE user_stats SET accepted = (
            SELECT COALESCE(SUM(a.accepted), 0) FROM user_activity a
            WHERE a.user_id = user_stats.user_id)
        """
    )
    # Streaks: a walk over each user's accepted days (a one-off, ordered read).
    rows = bind.execute(
        sa.text("SELECT user_id, day FROM user_activity WHERE accepted > 0 ORDER BY user_id, day")
    )
    state: dict[int, tuple[int, int, str]] = {}
    for user_id, raw in rows:
        current, longest, last = state.get(user_id, (0, 0, ""))
        today = date.fromisoformat(raw)
        if last and date.fromisoformat(last) + timedelta(days=1) == today:
            current += 1
        else:
            current = 1
        state[user_id] = (current, max(longest, current), raw)
    for user_id, (current, longest, last) in state.items():
        bind.execute(
            sa.text(
                "UPDATE user_stats SET current_streak = :c, longest_streak = :l, "
                "last_active_day = :d WHERE user_id = :u"
            ),
            {"c": current, "l": longest, "d": last, "u": user_id},
        )


def downgrade() -> None:
    op.drop_index("ix_submissions_user_recent", table_name="submissions")
    op.drop_index("ix_submissions_percentile_memory", table_name="submissions")
    op.drop_index("ix_submissions_percentile_time", table_name="submissions")
    for table in (
        "notifications",
        "achievements",
        "daily_challenge_solves",
        "daily_challenges",
        "user_activity",
        "user_topic_solved",
        "user_stats",
        "problem_progress",
    ):
        op.drop_table(table)
