"""Module and topic progress rules, without a database."""

from __future__ import annotations

from dataclasses import dataclass

from storage.learning_progress import Done, item_done, module_progress, weak_topics
from storage.module_package import LearningModule, ModuleItem


def _item(item_id: str, kind: str, problem: str = "", quiz: str = "") -> ModuleItem:
    return ModuleItem(item_id, kind, item_id, "", "", "", problem, quiz)


BASICS = LearningModule(
    "basics",
    "Basics",
    "s",
    1,
    (),
    (_item("read", "text"), _item("p", "problem", problem="sum"), _item("q", "quiz", quiz="qz")),
)
NEXT = LearningModule("next", "Next", "s", 2, ("basics",), (_item("read", "text"),))


def test_each_kind_of_item_is_done_its_own_way() -> None:
    done = Done(
        solved=frozenset({"sum"}), passed=frozenset({"qz"}), marked=frozenset({("next", "read")})
    )
    assert item_done(BASICS, BASICS.items[1], done) and item_done(BASICS, BASICS.items[2], done)
    assert not item_done(BASICS, BASICS.items[0], done)  # marked in another module only
    assert item_done(NEXT, NEXT.items[0], done)


def test_completion_and_prerequisites() -> None:
    partial = module_progress([BASICS, NEXT], Done(solved=frozenset({"sum"})))
    assert partial["basics"].done_items == ("p",) and not partial["basics"].completed
    assert partial["basics"].prerequisites_met and not partial["next"].prerequisites_met

    everything = Done(
        solved=frozenset({"sum"}),
        passed=frozenset({"qz"}),
        marked=frozenset({("basics", "read")}),
    )
    full = module_progress([BASICS, NEXT], everything)
    assert full["basics"].completed and full["basics"].done == full["basics"].total == 3
    assert full["next"].prerequisites_met and not full["next"].completed


@dataclass
class Row:
    topic: str
    total: int
    solved: int
    failed_submissions: int


def test_weak_topics_are_under_half_solved_weakest_first() -> None:
    rows = [
        Row("math", 5, 1, 0),
        Row("graphs", 2, 1, 9),  # exactly half: not weak
        Row("trees", 1, 0, 0),
        Row("greedy", 1, 0, 3),
        Row("strings", 4, 0, 1),
        Row("empty", 0, 0, 0),
    ]
    assert [r.topic for r in weak_topics(rows)] == ["greedy", "strings", "trees"]
    assert [r.topic for r in weak_topics(rows, limit=10)] == ["greedy", "strings", "trees", "math"]
