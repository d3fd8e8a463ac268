"""Applies the progress rules to a stored submit, inside the caller's transaction.

`record_submit` is called by judging right after `record_result`, in the same session,
for practice, contest and pair submits alike, so a result and its progress commit or
fail together. It returns the notifications it stored (achievements earned) for the
caller to push.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from progress import achievements, boards, daily_store, streaks, xp
from storage.domain_events import AchievementEarned, ProblemFirstSolved
from storage.models import Notification, Problem, ProblemProgress, Submission
from storage.repositories import events as event_log
from storage.repositories import progress as progress_repo

# Judge failures say nothing about the learner: they are not attempts.
NOT_COUNTED = frozenset({"IE"})


@dataclass
class SubmitOutcome:
    counted: bool = False
    first_solve: bool = False
    xp: int = 0
    daily_bonus: bool = False
    notifications: list[Notification] = field(default_factory=list)
    scores: list[boards.Score] = field(default_factory=list)
    """Leaderboard scores this submit changed, to apply once the transaction commits."""


def utc_day(at: datetime) -> str:
    return at.astimezone(UTC).date().isoformat()


async def _daily_problem_id(session: AsyncSession, at: datetime) -> int | None:
    challenge = await daily_store.challenge_for(session, at.astimezone(UTC).date())
    return challenge.problem_id if challenge else None


async def record_submit(session: AsyncSession, submission: Submission) -> SubmitOutcome:
    """Update progress, counters, streak, XP and achievements for one judged submit."""
    if (
        submission.mode != "submit"
        or submission.problem_id is None
        or submission.verdict is None
        or submission.verdict in NOT_COUNTED
    ):
        return SubmitOutcome()
    user_id = submission.user_id
    stats = await progress_repo.lock_stats(session, user_id)
    problem = await session.get(Problem, submission.problem_id)
    if problem is None:
        return SubmitOutcome()
    at = submission.created_at
    day = utc_day(at)
    accepted = submission.verdict == "AC"
    outcome = SubmitOutcome(counted=True)

    row = await progress_repo.get_problem_progress(session, user_id, problem.id)
    if row is None:
        row = ProblemProgress(
            user_id=user_id,
            problem_id=problem.id,
            status="attempted",
            attempts=0,
            best_score=0.0,
            xp_awarded=0,
            last_attempted_at=at,
        )
        session.add(row)
        stats.attempted += 1
    row.attempts += 1
    row.best_score = max(row.best_score, float(submission.score or 0.0))
    row.last_attempted_at = max(row.last_attempted_at, at)
    gained = 0
    if accepted and row.status != "solved":
        gained = xp.solve_xp(problem.difficulty, already_solved=False)
        row.status = "solved"
        row.first_solved_at = at
        row.xp_awarded = gained
        stats.solved += 1
        outcome.first_solve = True
    if accepted and await _daily_problem_id(session, at) == problem.id:
        if await progress_repo.claim_daily_solve(session, user_id, day, at):
            gained += xp.DAILY_BONUS_XP
            stats.daily_solved += 1
            outcome.daily_bonus = True
    stats.submissions += 1
    stats.accepted += 1 if accepted else 0
    stats.xp += gained
    outcome.xp = gained
    await progress_repo.add_activity(session, user_id, day, accepted=accepted, xp=gained)
    if accepted:
        last = (
            datetime.fromisoformat(stats.last_active_day).date() if stats.last_active_day else None
        )
        streak = streaks.advance(
            streaks.Streak(stats.current_streak, stats.longest_streak, last),
            at.astimezone(UTC).date(),
        )
        stats.current_streak = streak.current
        stats.longest_streak = streak.longest
        stats.last_active_day = streak.last_day.isoformat() if streak.last_day else None
    completed: list[str] = []
    topic_counts: dict[str, int] = {}
    if outcome.first_solve:
        first = ProblemFirstSolved(
            user_id=user_id, problem_id=problem.id, submission_id=submission.id, xp=row.xp_awarded
        )
        await event_log.append(session, first, user_id=user_id)
        await session.flush()
        topics = await progress_repo.problem_topics(session, problem.id)
        topic_counts = await progress_repo.add_topic_solves(session, user_id, topics)
        completed = await progress_repo.completed_topics(session, user_id, topics)
    if gained or outcome.first_solve:
        await session.flush()
        week = boards.weekly(at.astimezone(UTC).date())
        outcome.scores = boards.changed_scores(
            user_id,
            xp=stats.xp,
            solved=stats.solved if outcome.first_solve else None,
            daily=stats.daily_solved if outcome.daily_bonus else None,
            week=week,
            week_xp=await progress_repo.week_xp(session, user_id, week.scope or ""),
            topics=topic_counts,
        )
    facts = achievements.SubmitFacts(
        solved=stats.solved,
        current_streak=stats.current_streak,
        first_solve_now=outcome.first_solve,
        completed_topics=tuple(completed),
    )
    codes = achievements.earned_after_submit(facts)
    outcome.notifications = await award_many(session, user_id, codes)
    return outcome


async def award_many(session: AsyncSession, user_id: int, codes: list[str]) -> list[Notification]:
    """Store each not-yet-held achievement and its inbox notification."""
    if not codes:
        return []
    held = await progress_repo.held_achievements(session, user_id)
    notes: list[Notification] = []
    for code in codes:
        if code in held:
            continue
        note = await award(session, user_id, code)
        if note is not None:
            notes.append(note)
    return notes


async def award(session: AsyncSession, user_id: int, code: str) -> Notification | None:
    """Earn one achievement (once); its notification, or None if already held."""
    definition = achievements.describe(code)
    if definition is None:
        return None
    now = datetime.now(UTC)
    if not await progress_repo.add_achievement(session, user_id, code, now):
        return None
    await event_log.append(session, AchievementEarned(user_id=user_id, code=code), user_id=user_id)
    return await progress_repo.add_notification(
        session,
        user_id,
        kind="achievement",
        title=f"Achievement unlocked: {definition.title}",
        body=definition.description,
        data={"code": code},
        at=now,
    )
