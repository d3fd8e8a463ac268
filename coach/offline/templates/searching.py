"""Binary search templates: counting queries on sorted data, binary search on the answer."""

from __future__ import annotations

import random

from coach.models import Difficulty
from coach.offline.templates.base import (
    NAMES,
    Draft,
    Template,
    fill,
    join,
    lines,
    pick_size,
    power_text,
    statement,
)

# --- count values below / above a threshold ----------------------------------

_COUNT_REFERENCE = """import sys
from bisect import bisect_left, bisect_right


def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    values = sorted(map(int, data[2:2 + n]))
    out = []
    for token in data[2 + n:2 + n + q]:
        x = int(token)
        out.append(@COUNT@)
    sys.stdout.write("\\n".join(map(str, out)) + "\\n")


main()
"""

_COUNT_BRUTE = """n, q = map(int, input().split())
values = list(map(int, input().split()))
for _ in range(q):
    x = int(input())
    print(sum(1 for v in values if @TEST@))
"""

_COUNT_VARIANTS = {
    "at most": ("bisect_right(values, x)", "v <= x", "scored at most x points"),
    "less than": ("bisect_left(values, x)", "v < x", "scored strictly fewer than x points"),
    "at least": ("n - bisect_left(values, x)", "v >= x", "scored at least x points"),
    "more than": ("n - bisect_right(values, x)", "v > x", "scored strictly more than x points"),
}


def build_count_queries(rng: random.Random, difficulty: Difficulty) -> Draft:
    name = rng.choice(NAMES)
    variant = rng.choice(sorted(_COUNT_VARIANTS))
    count, test, phrase = _COUNT_VARIANTS[variant]
    n_max = pick_size(rng, difficulty)
    v_max = rng.choice((1000, 10**9))
    story = (
        f"{name} runs a programming contest with n participants and knows everyone's score. "
        "Sponsors ask q "
        f"questions: for a number x, how many participants {phrase}?"
    )

    def case(n: int, q: int, high: int) -> str:
        values = [rng.randint(0, high) for _ in range(n)]
        queries = [str(rng.randint(0, high + 1)) for _ in range(q)]
        return lines(f"{n} {q}", join(values), *queries)

    small = [
        lines("1 3", "5", "4", "5", "6"),
        lines("4 2", "2 2 2 2", "2", "0"),
        case(6, 5, 10),
        case(9, 6, 5),
    ]
    small += [case(rng.randint(2, 10), rng.randint(1, 6), 20) for _ in range(3)]
    large = [case(n_max, n_max, v_max), case(n_max, n_max, 10)]
    return Draft(
        title="Sponsor Questions",
        statement=statement(
            story,
            "The first line contains n and q. The second line contains the n scores. Each of the "
            "next q lines contains one query x.",
            "For each query print the answer on its own line.",
        ),
        constraints=f"1 ≤ n, q ≤ {power_text(n_max)}\n0 ≤ score, x ≤ {power_text(v_max + 1)}",
        reference=fill(_COUNT_REFERENCE, COUNT=count),
        brute_force=fill(_COUNT_BRUTE, TEST=test),
        examples=[case(7, 4, 10)],
        small_inputs=small,
        large_inputs=large,
        hints=[
            "Counting with a loop for each question is O(n·q). Would the answer be easier if the "
            "scores were sorted?",
            "In a sorted list, the participants you count form a prefix or a suffix. Find its "
            "boundary with binary search.",
            "Be careful with equal scores: decide whether the boundary goes before or after them.",
        ],
        expected_complexity="O((n + q) log n)",
        topics=["binary-search", "sorting"],
    )


# --- binary search on the answer: minimum daily capacity ---------------------

_CAPACITY_REFERENCE = """import sys


def days_needed(weights, capacity):
    days, load = 1, 0
    for weight in weights:
        if load + weight > capacity:
            days += 1
            load = 0
        load += weight
    return days


def main():
    data = sys.stdin.buffer.read().split()
    n, days = int(data[0]), int(data[1])
    weights = list(map(int, data[2:2 + n]))
    low, high = max(weights), sum(weights)
    while low < high:
        middle = (low + high) // 2
        if days_needed(weights, middle) <= days:
            high = middle
        else:
            low = middle + 1
    print(low)


main()
"""

_CAPACITY_BRUTE = """n, days = map(int, input().split())
weights = list(map(int, input().split()))
capacity = max(weights)
while True:
    used, load = 1, 0
    for weight in weights:
        if load + weight > capacity:
            used += 1
            load = 0
        load += weight
    if used <= days:
        print(capacity)
        break
    capacity += 1
"""


def build_min_capacity(rng: random.Random, difficulty: Difficulty) -> Draft:
    name = rng.choice(NAMES)
    unit, item = rng.choice((("truck", "parcel"), ("ferry", "container"), ("printer", "print job")))
    n_max = pick_size(rng, difficulty)
    w_max = rng.choice((10**4, 10**9))
    story = (
        f"{name} must move n {item}s in the given order using one {unit} that makes one trip per "
        "day. "
        f"Each day it takes the next {item}s in order as long as their total weight fits its "
        "capacity. "
        f"What is the smallest capacity that moves everything within D days?"
    )

    def case(n: int, high: int) -> str:
        weights = [rng.randint(1, high) for _ in range(n)]
        return lines(f"{n} {rng.randint(1, n)}", join(weights))

    small = [
        lines("1 1", "7"),
        lines("3 3", "4 9 2"),
        lines("3 1", "4 9 2"),
        lines("5 2", "1 1 1 1 1"),
    ]
    small += [case(rng.randint(2, 9), 15) for _ in range(4)]
    large = [case(n_max, w_max), lines(f"{n_max} {n_max}", join([w_max] * n_max)), case(n_max, 10)]
    return Draft(
        title=f"Smallest {unit.capitalize()}",
        statement=statement(
            story,
            "The first line contains n and D. The second line contains the n weights in order.",
            "Print the smallest capacity that is enough.",
        ),
        constraints=f"1 ≤ D ≤ n ≤ {power_text(n_max)}\n1 ≤ weight ≤ {power_text(w_max)}",
        reference=_CAPACITY_REFERENCE,
        brute_force=_CAPACITY_BRUTE,
        examples=[case(8, 10)],
        small_inputs=small,
        large_inputs=large,
        hints=[
            "For a fixed capacity, can you quickly count the days needed? (Fill each day "
            "greedily.)",
            "If capacity C is enough, is C + 1 also enough? What does that let you do?",
            "The answer lies between the heaviest single item and the total weight.",
        ],
        expected_complexity="O(n log(sum of weights))",
        topics=["binary-search", "greedy"],
    )


TEMPLATES = (
    Template(
        "count-queries",
        ("binary-search", "sorting"),
        build_count_queries,
        "count values around x, many times",
    ),
    Template(
        "min-capacity",
        ("binary-search", "greedy"),
        build_min_capacity,
        "binary search on the answer",
    ),
)
