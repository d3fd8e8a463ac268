"""Per-topic and per-difficulty results from a user's judged submissions (pure).

Acceptance follows the usual definition: accepted submits / submits (runs do
not count). attempted and solved count distinct problems.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

DIFFICULTY_ORDER = ("easy", "medium", "hard")


@dataclass(frozen=True)
class ProblemRef:
    """A problem as the planner sees it."""

    id: int
    slug: str
    title: str
    difficulty: str
    topics: tuple[str, ...]


@dataclass
class Tally:
    submissions: int = 0
    accepted: int = 0
    attempted: set[int] = field(default_factory=set)
    solved: set[int] = field(default_factory=set)

    def add(self, problem_id: int, verdict: str | None) -> None:
        self.submissions += 1
        self.attempted.add(problem_id)
        if verdict == "AC":
            self.accepted += 1
            self.solved.add(problem_id)


@dataclass(frozen=True)
class TopicStats:
    topic: str
    attempted: int
    solved: int
    submissions: int
    accepted: int

    @property
    def acceptance(self) -> float:
        return self.accepted / self.submissions if self.submissions else 0.0


@dataclass(frozen=True)
class DifficultyStats:
    difficulty: str
    attempted: int
    solved: int


@dataclass(frozen=True)
class Results:
    topics: list[TopicStats]
    difficulties: list[DifficultyStats]
    solved: frozenset[int]
    attempted: frozenset[int]


def tally(submits: Iterable[tuple[int, str | None]], problems: Mapping[int, ProblemRef]) -> Results:
    """Aggregate (problem_id, verdict) pairs; submits on unknown problems are ignored."""
    by_topic: dict[str, Tally] = {}
    by_difficulty: dict[str, Tally] = {d: Tally() for d in DIFFICULTY_ORDER}
    overall = Tally()
    for problem_id, verdict in submits:
        problem = problems.get(problem_id)
        if problem is None:
            continue
        overall.add(problem_id, verdict)
        by_difficulty.setdefault(problem.difficulty, Tally()).add(problem_id, verdict)
        for topic in problem.topics:
            by_topic.setdefault(topic, Tally()).add(problem_id, verdict)
    topics = [
        TopicStats(topic, len(t.attempted), len(t.solved), t.submissions, t.accepted)
        for topic, t in sorted(by_topic.items())
    ]
    difficulties = [
        DifficultyStats(d, len(t.attempted), len(t.solved)) for d, t in by_difficulty.items()
    ]
    return Results(topics, difficulties, frozenset(overall.solved), frozenset(overall.attempted))
