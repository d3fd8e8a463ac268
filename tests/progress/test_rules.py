"""The progress rules as pure functions: streaks, XP, achievements, daily choice, beats-x%."""

from __future__ import annotations

from datetime import date, timedelta

from progress import achievements, boards, daily, streaks, xp
from progress.percentiles import beats

D = date(2026, 12, 1)


def test_streak_counts_consecutive_utc_days_and_a_repeat_day_changes_nothing() -> None:
    s = streaks.Streak()
    for offset in (0, 0, 1, 2):
        s = streaks.advance(s, D + timedelta(days=offset))
    assert (s.current, s.longest, s.last_day) == (3, 3, D + timedelta(days=2))


def test_a_missed_day_restarts_the_streak_and_keeps_the_longest() -> None:
    s = streaks.Streak()
    for offset in (0, 1, 2, 4):  # day 3 missed
        s = streaks.advance(s, D + timedelta(days=offset))
    assert (s.current, s.longest) == (1, 3)


def test_current_streak_survives_today_but_not_a_whole_missed_day() -> None:
    s = streaks.advance(streaks.advance(streaks.Streak(), D), D + timedelta(days=1))
    assert streaks.current_on(s, D + timedelta(days=1)) == 2  # active today
    assert streaks.current_on(s, D + timedelta(days=2)) == 2  # today not over yet
    assert streaks.current_on(s, D + timedelta(days=3)) == 0  # a whole day missed
    assert streaks.current_on(streaks.Streak(), D) == 0


def test_an_older_day_arriving_late_does_not_break_the_streak() -> None:
    s = streaks.advance(streaks.advance(streaks.Streak(), D), D + timedelta(days=1))
    assert streaks.advance(s, D - timedelta(days=5)) == s


def test_xp_is_paid_for_the_first_solve_only() -> None:
    assert xp.solve_xp("easy", already_solved=False) == xp.XP_BY_DIFFICULTY["easy"]
    assert xp.solve_xp("hard", already_solved=False) == 40
    assert xp.solve_xp("hard", already_solved=True) == 0


def test_achievements_after_a_first_solve() -> None:
    facts = achievements.SubmitFacts(
        solved=10, current_streak=7, first_solve_now=True, completed_topics=("math",)
    )
    assert achievements.earned_after_submit(facts) == [
        "first_solve",
        "solved_10",
        "topic:math",
        "streak_7",
    ]
    again = achievements.SubmitFacts(solved=10, current_streak=1, first_solve_now=False)
    assert achievements.earned_after_submit(again) == []
    assert achievements.describe("topic:graphs").title == "graphs master"
    assert achievements.describe("nope") is None


def test_daily_pick_is_deterministic_rotates_difficulty_and_avoids_recent() -> None:
    bank = [daily.Candidate(i, f"p{i}", ("easy", "medium", "hard")[i % 3]) for i in range(1, 13)]
    first = daily.pick(D, bank, set())
    assert first is not None
    assert daily.pick(D, list(reversed(bank)), set()) == first  # order of the bank is irrelevant
    assert first.difficulty == daily.wanted_difficulty(D)
    week = [daily.wanted_difficulty(D + timedelta(days=i)) for i in range(3)]
    assert sorted(week) == ["easy", "hard", "medium"]
    others = daily.pick(D, bank, {first.problem_id})
    assert others is not None and others.problem_id != first.problem_id
    every = {p.problem_id for p in bank}
    assert daily.pick(D, bank, every) == first  # all used recently: fall back to the bank
    assert daily.pick(D, [], set()) is None


def test_beats_share_of_other_accepted_submissions() -> None:
    assert beats(0, 1) == 100.0  # alone
    assert beats(3, 5) == 75.0
    assert beats(0, 5) == 0.0


def test_page_ranks_share_a_rank_on_ties_and_skip_after_them() -> None:
    assert boards.page_ranks(1, 0, [50, 50, 30, 10, 10, 5]) == [1, 1, 3, 4, 4, 6]
    # a page starting inside a tie carries the tie's rank, then ranks by place
    assert boards.page_ranks(4, 4, [10, 10, 5]) == [4, 4, 7]
    assert boards.page_ranks(1, 0, []) == []


def test_changed_scores_leave_out_unchanged_and_zero_scores() -> None:
    week = boards.weekly(date(2026, 12, 9))
    assert week == boards.BoardRef("weekly", "2026-12-07")
    scores = boards.changed_scores(
        3, xp=40, solved=None, daily=0, week=week, week_xp=40, topics={"dp": 2, "math": 0}
    )
    assert [(s.ref.key, s.score) for s in scores] == [
        ("xp", 40),
        ("weekly:2026-12-07", 40),
        ("topic:dp", 2),
    ]
