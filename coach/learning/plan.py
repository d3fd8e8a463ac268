"""Build a learning path from a user's results (pure; narrative text is added elsewhere).

Weak topics (acceptance < 50%) come first, preceded by any prerequisite the
user has not mastered (> 70%); then topics in progress, then new topics whose
place follows the prerequisite graph. Each step names concrete unsolved
problems and a time estimate.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Sequence
from typing import Literal

from pydantic import BaseModel

from coach.learning.graph import ancestors, depth, prerequisites
from coach.learning.stats import DIFFICULTY_ORDER, ProblemRef, Results, TopicStats

WEAK_BELOW = 0.5
MASTERED_ABOVE = 0.7
MINUTES = {"easy": 20, "medium": 40, "hard": 70}
RETRY_FACTOR = 1.5  # a problem you failed before, or a weak topic, takes longer
StepKind = Literal["weak", "prerequisite", "practice", "new"]
_KIND_RANK = {"weak": 0, "prerequisite": 0, "practice": 1, "new": 2}


class TopicResult(BaseModel):
    topic: str
    attempted: int
    solved: int
    submissions: int
    accepted: int
    acceptance: float
    level: Literal["weak", "learning", "mastered"]


class DifficultyResult(BaseModel):
    difficulty: str
    attempted: int
    solved: int


class PlannedProblem(BaseModel):
    slug: str
    title: str
    difficulty: str
    topics: list[str]
    estimated_minutes: int
    retry: bool = False  # attempted before without an accepted submit


class PlanStep(BaseModel):
    order: int
    topic: str
    kind: StepKind
    reason: str
    prerequisites: list[str]
    problems: list[PlannedProblem]
    estimated_minutes: int


class LearningPlan(BaseModel):
    topics: list[TopicResult]
    difficulties: list[DifficultyResult]
    weak_topics: list[str]
    mastered_topics: list[str]
    next_difficulty: str
    steps: list[PlanStep]
    total_minutes: int
    hours_per_week: float
    estimated_weeks: int
    narrative: str = ""


def level(stats: TopicStats) -> Literal["weak", "learning", "mastered"]:
    if stats.submissions and stats.acceptance < WEAK_BELOW:
        return "weak"
    if stats.acceptance > MASTERED_ABOVE and stats.solved:
        return "mastered"
    return "learning"


def next_difficulty(results: Results) -> str:
    solved = {d.difficulty: d.solved for d in results.difficulties}
    if solved.get("medium", 0) >= 5:
        return "hard"
    if solved.get("easy", 0) >= 5:
        return "medium"
    return "easy"


def _targets(results: Results, bank_topics: set[str]) -> dict[str, tuple[StepKind, str]]:
    """topic -> (kind, reason) for every topic the path should cover."""
    stats = {s.topic: s for s in results.topics}
    mastered = {t for t, s in stats.items() if level(s) == "mastered"}
    targets: dict[str, tuple[StepKind, str]] = {}
    for topic, s in sorted(stats.items()):
        if level(s) == "weak":
            targets[topic] = (
                "weak",
                f"{s.acceptance:.0%} acceptance over {s.submissions} submissions "
                f"({s.solved} of {s.attempted} problems solved)",
            )
    for topic in list(targets):
        for needed in ancestors(topic):
            if needed not in mastered and needed not in targets and needed in bank_topics:
                targets[needed] = ("prerequisite", f"needed for {topic}, not mastered yet")
    for topic, s in sorted(stats.items()):
        if topic not in targets and level(s) == "learning":
            targets[topic] = (
                "practice",
                f"{s.acceptance:.0%} acceptance: keep practising until it is above "
                f"{MASTERED_ABOVE:.0%}",
            )
    for topic in sorted(bank_topics - set(stats)):
        missing = [p for p in prerequisites(topic) if p not in mastered]
        reason = "new topic" + (
            f"; first build up {', '.join(missing)}" if missing else "; its prerequisites are done"
        )
        targets.setdefault(topic, ("new", reason))
    return targets


def _order(targets: dict[str, tuple[StepKind, str]]) -> list[str]:
    """Topological order over the targets; among ready topics, weak work first, then shallow."""
    pending = {t: {p for p in ancestors(t) if p in targets} for t in targets}
    ready = [(_KIND_RANK[targets[t][0]], depth(t), t) for t, needs in pending.items() if not needs]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        _, _, topic = heapq.heappop(ready)
        order.append(topic)
        for other, needs in pending.items():
            if topic in needs:
                needs.discard(topic)
                if not needs:
                    heapq.heappush(ready, (_KIND_RANK[targets[other][0]], depth(other), other))
    return order


def _minutes(problem: ProblemRef, slow: bool) -> int:
    base = MINUTES.get(problem.difficulty, 40)
    return math.ceil(base * (RETRY_FACTOR if slow else 1.0))


def _pick(
    topic: str,
    kind: StepKind,
    bank: Sequence[ProblemRef],
    results: Results,
    used: set[int],
    per_step: int,
    start: str,
) -> list[PlannedProblem]:
    """Unsolved problems on the topic: failed ones first for weak work, then by difficulty."""
    ladder = list(DIFFICULTY_ORDER)
    if kind == "practice" and start != "easy":
        ladder = [start, *[d for d in DIFFICULTY_ORDER if d != start]]
    candidates = [
        p for p in bank if topic in p.topics and p.id not in results.solved and p.id not in used
    ]

    def rank(p: ProblemRef) -> tuple[int, int, int]:
        retry_first = 0 if (kind in ("weak", "practice") and p.id in results.attempted) else 1
        difficulty = ladder.index(p.difficulty) if p.difficulty in ladder else len(ladder)
        return (retry_first, difficulty, p.id)

    chosen = sorted(candidates, key=rank)[:per_step]
    used.update(p.id for p in chosen)
    return [
        PlannedProblem(
            slug=p.slug,
            title=p.title,
            difficulty=p.difficulty,
            topics=list(p.topics),
            estimated_minutes=_minutes(p, kind == "weak" or p.id in results.attempted),
            retry=p.id in results.attempted,
        )
        for p in chosen
    ]


def build_plan(
    results: Results,
    bank: Sequence[ProblemRef],
    *,
    max_steps: int = 6,
    per_step: int = 3,
    hours_per_week: float = 5.0,
) -> LearningPlan:
    """The whole plan; steps without an unsolved problem in `bank` are skipped."""
    bank_topics = {t for p in bank for t in p.topics}
    targets = _targets(results, bank_topics)
    start = next_difficulty(results)
    used: set[int] = set()
    steps: list[PlanStep] = []
    for topic in _order(targets):
        if len(steps) >= max_steps:
            break
        kind, reason = targets[topic]
        problems = _pick(topic, kind, bank, results, used, per_step, start)
        if not problems:
            continue
        steps.append(
            PlanStep(
                order=len(steps) + 1,
                topic=topic,
                kind=kind,
                reason=reason,
                prerequisites=list(prerequisites(topic)),
                problems=problems,
                estimated_minutes=sum(p.estimated_minutes for p in problems),
            )
        )
    total = sum(step.estimated_minutes for step in steps)
    topics = [
        TopicResult(
            topic=s.topic,
            attempted=s.attempted,
            solved=s.solved,
            submissions=s.submissions,
            accepted=s.accepted,
            acceptance=round(s.acceptance, 3),
            level=level(s),
        )
        for s in results.topics
    ]
    return LearningPlan(
        topics=topics,
        difficulties=[DifficultyResult(**vars(d)) for d in results.difficulties],
        weak_topics=[t.topic for t in topics if t.level == "weak"],
        mastered_topics=[t.topic for t in topics if t.level == "mastered"],
        next_difficulty=start,
        steps=steps,
        total_minutes=total,
        hours_per_week=hours_per_week,
        estimated_weeks=max(1, math.ceil(total / (hours_per_week * 60))) if total else 0,
    )
