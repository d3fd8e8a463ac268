"""Learning paths as pure functions: results per topic, thresholds, prerequisite order, picks."""

from __future__ import annotations

from coach.learning.graph import PREREQUISITES, ancestors, depth
from coach.learning.plan import build_plan
from coach.learning.stats import ProblemRef, tally

BANK = [
    ProblemRef(1, "sum-array", "Sum Array", "easy", ("arrays",)),
    ProblemRef(2, "max-array", "Max Array", "easy", ("arrays",)),
    ProblemRef(3, "pair-sum", "Pair Sum", "easy", ("two-pointers", "arrays")),
    ProblemRef(4, "triple-sum", "Triple Sum", "medium", ("two-pointers",)),
    ProblemRef(5, "sort-names", "Sort Names", "easy", ("sorting",)),
    ProblemRef(6, "sort-pairs", "Sort Pairs", "medium", ("sorting",)),
    ProblemRef(7, "count-words", "Count Words", "easy", ("hashing", "strings")),
    ProblemRef(8, "islands", "Islands", "medium", ("graphs",)),
    ProblemRef(9, "stairs", "Stairs", "easy", ("dynamic-programming",)),
    ProblemRef(10, "window", "Window", "hard", ("sliding-window",)),
]
BY_ID = {p.id: p for p in BANK}


def test_graph_is_acyclic_and_depths_follow_prerequisites():
    for topic, needs in PREREQUISITES.items():
        assert topic not in ancestors(topic)
        for need in needs:
            assert need in PREREQUISITES and depth(need) < depth(topic)
    assert ancestors("sliding-window")[:2] == ["two-pointers", "hashing"]


def test_acceptance_counts_submits_and_distinct_problems():
    results = tally([(1, "AC"), (1, "WA"), (3, "WA"), (3, "WA"), (3, "AC"), (99, "AC")], BY_ID)
    stats = {s.topic: s for s in results.topics}
    assert stats["arrays"].submissions == 5 and stats["arrays"].accepted == 2
    assert stats["arrays"].attempted == 2 and stats["arrays"].solved == 2
    assert stats["two-pointers"].acceptance == 1 / 3
    assert results.solved == {1, 3} and 99 not in results.attempted  # unknown problem ignored
    easy = next(d for d in results.difficulties if d.difficulty == "easy")
    assert (easy.attempted, easy.solved) == (2, 2)


def test_weak_topic_comes_after_its_unmastered_prerequisite():
    # arrays mastered (2/2), two-pointers weak (1 of 4), sorting never tried
    submits = [(1, "AC"), (2, "AC"), (4, "WA"), (4, "WA"), (4, "TLE"), (4, "AC")]
    plan = build_plan(tally(submits, BY_ID), BANK, max_steps=10, per_step=2)
    assert plan.weak_topics == ["two-pointers"] and plan.mastered_topics == ["arrays"]
    order = [step.topic for step in plan.steps]
    assert order.index("sorting") < order.index("two-pointers")
    sorting = plan.steps[order.index("sorting")]
    assert sorting.kind == "prerequisite" and "two-pointers" in sorting.reason
    weak = plan.steps[order.index("two-pointers")]
    assert weak.kind == "weak" and "25% acceptance" in weak.reason
    assert [p.slug for p in weak.problems] == ["pair-sum"]  # triple-sum is solved
    assert "arrays" not in order  # mastered, and every arrays problem is solved
    for topic in order:  # the whole path respects the graph
        for need in ancestors(topic):
            if need in order:
                assert order.index(need) < order.index(topic)
    planned = [p.slug for step in plan.steps for p in step.problems]
    assert len(planned) == len(set(planned)) and not {"sum-array", "max-array"} & set(planned)


def test_new_user_starts_at_the_roots_with_estimates():
    plan = build_plan(tally([], BY_ID), BANK, max_steps=3, per_step=2, hours_per_week=1)
    assert [step.topic for step in plan.steps] == ["arrays", "hashing", "sorting"]
    assert all(step.kind == "new" for step in plan.steps)
    first = plan.steps[0]
    assert [p.difficulty for p in first.problems] == ["easy", "easy"]
    assert first.estimated_minutes == 40 and plan.total_minutes == sum(
        s.estimated_minutes for s in plan.steps
    )
    assert plan.estimated_weeks == 2 and plan.next_difficulty == "easy"


def test_failed_problems_are_retried_first_and_take_longer():
    mastered = [(1, "AC"), (2, "AC")] * 3 + [(5, "AC"), (6, "AC")]
    submits = [(3, "WA"), (3, "WA"), *mastered]  # arrays 6/8, two-pointers 0/2
    plan = build_plan(tally(submits, BY_ID), BANK, max_steps=10, per_step=2)
    step = next(s for s in plan.steps if s.topic == "two-pointers")
    assert step.kind == "weak" and step.problems[0].slug == "pair-sum"
    assert step.problems[0].retry is True and step.problems[0].estimated_minutes == 30
