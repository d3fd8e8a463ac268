"""Greedy templates on intervals: most compatible meetings, fewest rooms."""

from __future__ import annotations

import random

from coach.models import Difficulty
from coach.offline.templates.base import (
    NAMES,
    Draft,
    Template,
    fill,
    lines,
    pick_size,
    power_text,
    statement,
)

# --- most non-overlapping intervals ----------------------------------------------------------

_SELECT_REFERENCE = """import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    meetings = sorted((int(data[2 + 2 * i]), int(data[1 + 2 * i])) for i in range(n))
    count = 0
    last_end = -1
    for end, start in meetings:
        if start @OP@ last_end:
            count += 1
            last_end = end
    print(count)


main()
"""

_SELECT_BRUTE = """n = int(input())
meetings = [tuple(map(int, input().split())) for _ in range(n)]
best = 0
for mask in range(1 << n):
    chosen = sorted(meetings[i] for i in range(n) if mask >> i & 1)
    if all(chosen[k + 1][0] @OP@ chosen[k][1] for k in range(len(chosen) - 1)):
        best = max(best, len(chosen))
print(best)
"""


def _meetings(rng: random.Random, n: int, horizon: int, longest: int) -> list[str]:
    rows = []
    for _ in range(n):
        start = rng.randint(0, horizon - 1)
        rows.append(f"{start} {min(horizon, start + rng.randint(1, longest))}")
    return rows


def build_interval_selection(rng: random.Random, difficulty: Difficulty) -> Draft:
    name = rng.choice(NAMES)
    touching = rng.random() < 0.5
    op = ">=" if touching else ">"
    n_max = pick_size(rng, difficulty)
    horizon = rng.choice((10**6, 10**9))
    rule = (
        "A talk may start at the very moment the previous one ends."
        if touching
        else "Between two attended talks there must be a break: a talk cannot start at the same "
        "moment the previous one ends."
    )
    story = (
        f"{name} is at a conference with n talks; talk i runs from time s_i to time e_i. {name} "
        "wants to "
        f"attend as many complete talks as possible, never two at once. {rule}"
    )

    def case(n: int, horizon_: int, longest: int) -> str:
        return lines(str(n), *_meetings(rng, n, horizon_, longest))

    small = [
        lines("1", "0 5"),
        lines("2", "0 5", "5 9"),
        lines("3", "1 4", "2 3", "3 6"),
        case(5, 10, 4),
    ]
    small += [case(rng.randint(2, 10), 20, 6) for _ in range(4)]
    large = [
        case(n_max, horizon, horizon // 100),
        case(n_max, 100, 5),
        case(n_max, horizon, horizon),
    ]
    return Draft(
        title="Conference Marathon",
        statement=statement(
            story,
            "The first line contains n. Each of the next n lines contains s_i and e_i (s_i < e_i).",
            "Print the largest number of talks that can be attended.",
        ),
        constraints=f"1 ≤ n ≤ {power_text(n_max)}\n0 ≤ s_i < e_i ≤ {power_text(horizon)}",
        reference=fill(_SELECT_REFERENCE, OP=op),
        brute_force=fill(_SELECT_BRUTE, OP=op),
        examples=[case(6, 12, 5)],
        small_inputs=small,
        large_inputs=large,
        hints=[
            "Try greedy rules on small examples: shortest talk first? earliest start first? Find "
            "counterexamples.",
            "Which talk should be the first one you attend? Think about the one that frees you "
            "earliest.",
            "Sort by end time and take every talk that fits after the last one taken; an exchange "
            "argument shows why this is optimal.",
        ],
        expected_complexity="O(n log n)",
        topics=["greedy", "sorting"],
    )


# --- fewest rooms ------------------------------------------------------------

_ROOMS_REFERENCE = """import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    starts = sorted(int(data[1 + 2 * i]) for i in range(n))
    ends = sorted(int(data[2 + 2 * i]) for i in range(n))
    rooms = best = 0
    j = 0
    for start in starts:
        while j < n and ends[j] @OP@ start:
            j += 1
            rooms -= 1
        rooms += 1
        best = max(best, rooms)
    print(best)


main()
"""

_ROOMS_BRUTE = """n = int(input())
meetings = [tuple(map(int, input().split())) for _ in range(n)]
best = 0
for t, _ in meetings:
    active = sum(1 for s, e in meetings if s <= t @ACTIVE@ e)
    best = max(best, active)
print(best)
"""


def build_rooms(rng: random.Random, difficulty: Difficulty) -> Draft:
    name = rng.choice(NAMES)
    touching = rng.random() < 0.5
    n_max = pick_size(rng, difficulty)
    horizon = rng.choice((10**6, 10**9))
    rule = (
        "A room freed at time t can host a meeting starting at time t."
        if touching
        else "A room needs a moment to be cleaned: a meeting ending at time t and one starting at "
        "time t cannot use the same room."
    )
    story = (
        f"{name} schedules n meetings; meeting i runs from s_i to e_i. Every meeting needs its "
        "own room while "
        f"it runs. {rule} What is the smallest number of rooms needed?"
    )

    def case(n: int, horizon_: int, longest: int) -> str:
        return lines(str(n), *_meetings(rng, n, horizon_, longest))

    small = [
        lines("1", "0 5"),
        lines("2", "0 5", "5 9"),
        lines("3", "1 4", "1 4", "1 4"),
        case(5, 10, 4),
    ]
    small += [case(rng.randint(2, 10), 20, 8) for _ in range(4)]
    large = [
        case(n_max, horizon, horizon // 100),
        case(n_max, 50, 10),
        case(n_max, horizon, horizon),
    ]
    return Draft(
        title="Meeting Rooms",
        statement=statement(
            story,
            "The first line contains n. Each of the next n lines contains s_i and e_i (s_i < e_i).",
            "Print the minimum number of rooms.",
        ),
        constraints=f"1 ≤ n ≤ {power_text(n_max)}\n0 ≤ s_i < e_i ≤ {power_text(horizon)}",
        reference=fill(_ROOMS_REFERENCE, OP="<=" if touching else "<"),
        brute_force=fill(_ROOMS_BRUTE, ACTIVE="<" if touching else "<="),
        examples=[case(5, 12, 6)],
        small_inputs=small,
        large_inputs=large,
        hints=[
            "The answer is the largest number of meetings running at the same moment. Why is that "
            "enough rooms?",
            "Turn every meeting into a start event and an end event and sweep through time in "
            "order.",
            "Equal times decide between < and <=: does an end at time t free the room for a start "
            "at t?",
        ],
        expected_complexity="O(n log n)",
        topics=["greedy", "sorting"],
    )


TEMPLATES = (
    Template(
        "interval-selection",
        ("greedy", "sorting"),
        build_interval_selection,
        "most non-overlapping talks",
    ),
    Template("rooms", ("greedy", "sorting"), build_rooms, "fewest rooms for all meetings"),
)
