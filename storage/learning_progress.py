"""Progress rules over learning content: pure functions of what the learner has done.

The repositories answer "which problems are solved, which quizzes passed, which
items marked"; these functions turn that into per-item, per-module and per-topic
progress, so the rules are tested without a database.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from storage.module_package import LearningModule, ModuleItem

__all__ = [
    "WEAK_RATIO",
    "Done",
    "ModuleProgress",
    "TopicCount",
    "item_done",
    "module_progress",
    "weak_topics",
]

WEAK_RATIO = 0.5
"""A topic with fewer than half of its problems solved is weak."""


@dataclass(frozen=True)
class Done:
    """What a learner has done, as sets: solved problem slugs, passed quiz slugs, marked items."""

    solved: frozenset[str] = frozenset()
    passed: frozenset[str] = frozenset()
    marked: frozenset[tuple[str, str]] = frozenset()  # (module slug, item id)


@dataclass(frozen=True)
class ModuleProgress:
    done_items: tuple[str, ...]
    done: int
    total: int
    completed: bool
    prerequisites_met: bool


class TopicCount(Protocol):
    """Anything with topic, total, solved and failed_submissions (a repository row)."""

    topic: str
    total: int
    solved: int
    failed_submissions: int


T = TypeVar("T", bound=TopicCount)


def item_done(module: LearningModule, item: ModuleItem, done: Done) -> bool:
    if item.kind == "problem":
        return item.problem in done.solved
    if item.kind == "quiz":
        return item.quiz in done.passed
    return (module.slug, item.id) in done.marked


def _own_progress(module: LearningModule, done: Done) -> tuple[tuple[str, ...], bool]:
    ids = tuple(i.id for i in module.items if item_done(module, i, done))
    return ids, len(ids) == len(module.items)


def module_progress(modules: Iterable[LearningModule], done: Done) -> dict[str, ModuleProgress]:
    """Progress of every module; prerequisites are met when each one is completed."""
    modules = list(modules)
    own = {m.slug: _own_progress(m, done) for m in modules}
    return {
        m.slug: ModuleProgress(
            done_items=own[m.slug][0],
            done=len(own[m.slug][0]),
            total=len(m.items),
            completed=own[m.slug][1],
            prerequisites_met=all(own.get(p, ((), False))[1] for p in m.prerequisites),
        )
        for m in modules
    }


def weak_topics(rows: Iterable[T], limit: int = 3) -> list[T]:
    """Topics under :data:`WEAK_RATIO` solved, weakest first (then most failed submissions)."""
    weak = [r for r in rows if r.total and r.solved / r.total < WEAK_RATIO]
    weak.sort(key=lambda r: (r.solved / r.total, -r.failed_submissions, r.topic))
    return weak[:limit]
