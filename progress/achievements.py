"""Achievements: what each one means and which are earned after an event.

Evaluated when their events happen (a submit is stored, a contest ends, a pair room is
joined), never by a periodic scan. Each is earned once per user.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AchievementDef:
    code: str
    title: str
    description: str


SOLVED_MILESTONES = (1, 10, 50, 100)
STREAK_MILESTONES = (7, 30)
TOPIC_PREFIX = "topic:"

FIXED: tuple[AchievementDef, ...] = (
    AchievementDef("first_solve", "First solve", "Solve your first problem."),
    AchievementDef("solved_10", "Ten down", "Solve 10 problems."),
    AchievementDef("solved_50", "Fifty down", "Solve 50 problems."),
    AchievementDef("solved_100", "Centurion", "Solve 100 problems."),
    AchievementDef("streak_7", "Week streak", "Solve something 7 UTC days in a row."),
    AchievementDef("streak_30", "Month streak", "Solve something 30 UTC days in a row."),
    AchievementDef("first_contest_win", "Champion", "Win a contest (rank 1)."),
    AchievementDef("first_pair_session", "Pair up", "Join your first pair-programming room."),
)
BY_CODE = {a.code: a for a in FIXED}


def solved_code(count: int) -> str:
    return "first_solve" if count == 1 else f"solved_{count}"


def topic_achievement(topic: str) -> AchievementDef:
    """One achievement per topic of the bank: every public problem of it solved."""
    return AchievementDef(
        f"{TOPIC_PREFIX}{topic}", f"{topic} master", f"Solve every problem tagged {topic}."
    )


def describe(code: str) -> AchievementDef | None:
    if code.startswith(TOPIC_PREFIX):
        return topic_achievement(code[len(TOPIC_PREFIX) :])
    return BY_CODE.get(code)


@dataclass(frozen=True)
class SubmitFacts:
    """What the stored submit changed: enough to decide achievements without I/O."""

    solved: int  # problems solved after this submit
    current_streak: int
    first_solve_now: bool  # this submit was the user's first AC on its problem
    completed_topics: tuple[str, ...] = ()  # topics whose every problem is now solved


def earned_after_submit(facts: SubmitFacts) -> list[str]:
    """Codes a submit can earn (the caller drops those already held)."""
    codes: list[str] = []
    if facts.first_solve_now:
        codes += [solved_code(n) for n in SOLVED_MILESTONES if facts.solved >= n]
        codes += [f"{TOPIC_PREFIX}{t}" for t in facts.completed_topics]
    codes += [f"streak_{n}" for n in STREAK_MILESTONES if facts.current_streak >= n]
    return codes
