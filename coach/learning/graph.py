"""The prerequisite graph of topics: what to be comfortable with before starting a topic.

Names are the normalised topic labels of the bank and the offline templates.
A topic not listed here has no prerequisites and sits at depth 1 (after the
roots), so new labels still get a sensible place in a path.
"""

from __future__ import annotations

from functools import cache

PREREQUISITES: dict[str, tuple[str, ...]] = {
    "arrays": (),
    "math": (),
    "strings": ("arrays",),
    "hashing": ("arrays",),
    "sorting": ("arrays",),
    "prefix-sums": ("arrays",),
    "stacks": ("arrays",),
    "two-pointers": ("arrays", "sorting"),
    "sliding-window": ("two-pointers", "hashing"),
    "binary-search": ("sorting",),
    "greedy": ("sorting",),
    "sieve": ("math",),
    "inclusion-exclusion": ("math",),
    "graphs": ("arrays", "hashing"),
    "bfs": ("graphs",),
    "union-find": ("graphs",),
    "trees": ("graphs",),
    # after greedy, as most curricula teach it: where a greedy choice fails, DP takes over
    "dynamic-programming": ("math", "greedy"),
}


def prerequisites(topic: str) -> tuple[str, ...]:
    """Direct prerequisites (none for topics the graph does not know)."""
    return PREREQUISITES.get(topic, ())


@cache
def depth(topic: str) -> int:
    """Longest prerequisite chain below `topic`: roots are 0, unknown topics 1."""
    if topic not in PREREQUISITES:
        return 1
    return max((depth(p) + 1 for p in PREREQUISITES[topic]), default=0)


def ancestors(topic: str) -> list[str]:
    """Every prerequisite of `topic`, transitively, nearest first, without repeats."""
    seen: list[str] = []
    frontier = list(prerequisites(topic))
    while frontier:
        current = frontier.pop(0)
        if current not in seen:
            seen.append(current)
            frontier.extend(prerequisites(current))
    return seen
