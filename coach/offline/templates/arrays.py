"""Array templates: maximum subarray, prefix-sum range queries, two-pointer pair counting."""

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

# --- maximum subarray --------------------------------------------------------

_KADANE = """import sys


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    values = list(map(int, data[1:n + 1]))
    best = @START@
    current = 0
    for value in values:
        current = @STEP@
        best = max(best, current)
    print(best)


main()
"""

_KADANE_BRUTE = """n = int(input())
a = list(map(int, input().split()))
best = @START@
for i in range(n):
    total = 0
    for j in range(i, n):
        total += a[j]
        best = max(best, total)
print(best)
"""

_SUBARRAY_STORIES = (
    (
        "{name}'s shop records the profit or loss of each day. {name} wants to advertise the best "
        "streak: a run of consecutive days with the largest total profit.",
        "day",
        "profit",
    ),
    (
        "On a mountain trail, {name} writes down the height change of every stretch. Find the "
        "consecutive stretches with the largest total climb.",
        "stretch",
        "height change",
    ),
    (
        "In a game, {name} gains or loses points each round. Find the largest total of points "
        "over consecutive rounds.",
        "round",
        "score change",
    ),
)


def build_max_subarray(rng: random.Random, difficulty: Difficulty) -> Draft:
    name = rng.choice(NAMES)
    story, unit, quantity = rng.choice(_SUBARRAY_STORIES)
    allow_empty = rng.random() < 0.4
    n_max = pick_size(rng, difficulty)
    v_max = {"easy": 1000, "medium": 10**6, "hard": 10**9}[difficulty]
    start = "0" if allow_empty else "-10**18"
    step = "max(0, current + value)" if allow_empty else "max(value, current + value)"
    empty_rule = (
        f"{name} may also choose no {unit}s at all, with total 0."
        if allow_empty
        else f"At least one {unit} must be chosen."
    )
    text = statement(
        story.format(name=name) + " " + empty_rule,
        f"The first line contains n, the number of {unit}s. The second line contains n integers: "
        f"the {quantity} of each {unit}.",
        "Print one integer: the largest possible total.",
    )

    def case(n: int, low: int, high: int) -> str:
        return lines(str(n), join([rng.randint(low, high) for _ in range(n)]))

    small = [
        lines("1", str(-rng.randint(1, v_max))),
        case(5, -v_max, -1),
        case(6, 0, v_max),
        lines("4", "0 0 0 0"),
        *[case(rng.randint(2, 9), -v_max, v_max) for _ in range(4)],
    ]
    large = [
        case(n_max, -v_max, v_max),
        case(n_max, -v_max, -1),
        case(n_max // 2, -v_max // 10, v_max),
    ]
    return Draft(
        title=f"Best {unit.capitalize()} Streak",
        statement=text,
        constraints=f"1 ≤ n ≤ {power_text(n_max)}\n-{power_text(v_max)} ≤ value ≤ "
        f"{power_text(v_max)}",
        reference=fill(_KADANE, START=start, STEP=step),
        brute_force=fill(_KADANE_BRUTE, START=start),
        examples=[case(8, -9, 9), case(5, -5, 5)],
        small_inputs=small,
        large_inputs=large,
        hints=[
            f"Think about the best run that ends exactly at {unit} i. How does it relate to the "
            "best run ending "
            f"at {unit} i - 1?",
            "If the best total ending at the previous position is negative, is it ever worth "
            "extending it?",
            "Keep two numbers while scanning once: the best total ending here, and the best seen "
            "so far.",
        ],
        expected_complexity="O(n) time, O(1) extra memory",
        topics=["arrays", "dynamic-programming"],
    )


# --- range queries -----------------------------------------------------------

_RANGE_REFERENCE = """import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    prefix = [0] * (n + 1)
    for i in range(n):
        value = int(data[2 + i])
        prefix[i + 1] = prefix[i] + (@MEASURE@)
    out = []
    position = 2 + n
    for _ in range(q):
        left, right = int(data[position]), int(data[position + 1])
        position += 2
        out.append(prefix[right] - prefix[left - 1])
    sys.stdout.write("\\n".join(map(str, out)) + "\\n")


main()
"""

_RANGE_BRUTE = """n, q = map(int, input().split())
a = list(map(int, input().split()))
for _ in range(q):
    left, right = map(int, input().split())
    total = 0
    for value in a[left - 1:right]:
        total += (@MEASURE@)
    print(total)
"""


def build_range_queries(rng: random.Random, difficulty: Difficulty) -> Draft:
    name = rng.choice(NAMES)
    k = rng.choice((2, 3, 5, 7, 10))
    variant = rng.choice(("sum", "multiples"))
    n_max = pick_size(rng, difficulty)
    v_max = 10**9
    if variant == "sum":
        measure = "value"
        ask = "the total number of visitors on days l to r"
        title = "Visitor Totals"
    else:
        measure = f"1 if value % {k} == 0 else 0"
        ask = f"how many of the days l to r had a visitor count divisible by {k}"
        title = f"Days Divisible by {k}"
    story = (
        f"{name} runs a museum and logged the number of visitors on each of n days. The director "
        "asks q "
        f"questions; each question gives two days l and r and asks {ask} (inclusive)."
    )

    def case(n: int, q: int, high: int) -> str:
        values = [rng.randint(1, high) for _ in range(n)]
        queries = []
        for _ in range(q):
            left = rng.randint(1, n)
            right = rng.randint(left, n)
            queries.append(f"{left} {right}")
        return lines(f"{n} {q}", join(values), *queries)

    small = [
        lines("1 1", "7", "1 1"),
        case(5, 5, 10),
        case(8, 6, 30),
        lines("3 2", f"{k} {k} {k}", "1 3", "2 2"),
    ]
    small += [case(rng.randint(2, 10), rng.randint(1, 8), 100) for _ in range(3)]
    large = [case(n_max, n_max, v_max), case(n_max, n_max // 3, 20)]
    return Draft(
        title=title,
        statement=statement(
            story,
            "The first line contains n and q. The second line contains n integers, the visitors "
            "of each day. Each of the next q lines contains l and r (1 ≤ l ≤ r ≤ n).",
            "For each question print the answer on its own line.",
        ),
        constraints=f"1 ≤ n, q ≤ {power_text(n_max)}\n1 ≤ visitors ≤ {power_text(v_max)}",
        reference=fill(_RANGE_REFERENCE, MEASURE=measure),
        brute_force=fill(_RANGE_BRUTE, MEASURE=measure),
        examples=[case(6, 3, 20)],
        small_inputs=small,
        large_inputs=large,
        hints=[
            "Answering each question with a loop costs O(n) per question; with n and q both large "
            "that is too slow.",
            "Precompute, for every position i, the answer for days 1..i. How do you get days l..r "
            "from two of those?",
        ],
        expected_complexity="O(n + q)",
        topics=["prefix-sums", "arrays"],
    )


# --- pairs with bounded sum (two pointers) -----------------------------------

_PAIRS_REFERENCE = """import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, limit = int(data[0]), int(data[1])
    values = sorted(map(int, data[2:2 + n]))
    left, right = 0, n - 1
    count = 0
    while left < right:
        if values[left] + values[right] @OP@ limit:
            count += right - left
            left += 1
        else:
            right -= 1
    print(count)


main()
"""

_PAIRS_BRUTE = """n, limit = map(int, input().split())
a = list(map(int, input().split()))
count = 0
for i in range(n):
    for j in range(i + 1, n):
        if a[i] + a[j] @OP@ limit:
            count += 1
print(count)
"""


def build_pair_sums(rng: random.Random, difficulty: Difficulty) -> Draft:
    name = rng.choice(NAMES)
    strict = rng.random() < 0.5
    op = "<" if strict else "<="
    bound_words = "strictly less than" if strict else "at most"
    n_max = pick_size(rng, difficulty)
    v_max = rng.choice((10**6, 10**9))
    story = (
        f"{name} organises a kayak trip. Each kayak seats exactly two people and the total weight "
        "of the "
        f"two must be {bound_words} W. Count how many different pairs of people could share a "
        "kayak."
    )

    def case(n: int, high: int) -> str:
        values = [rng.randint(1, high) for _ in range(n)]
        return lines(f"{n} {rng.randint(1, 2 * high)}", join(values))

    small = [lines("1 10", "3"), lines("2 5", "2 3"), lines("4 4", "2 2 2 2"), case(6, 10)]
    small += [case(rng.randint(2, 12), 50) for _ in range(4)]
    large = [case(n_max, v_max), lines(f"{n_max} {2 * v_max}", join([v_max] * n_max))]
    return Draft(
        title="Kayak Pairs",
        statement=statement(
            story,
            "The first line contains n, the number of people, and W. The second line contains n "
            "integers, the weights.",
            "Print the number of pairs (i, j) with i < j whose total weight is "
            + bound_words
            + " W.",
        ),
        constraints=f"1 ≤ n ≤ {power_text(n_max)}\n1 ≤ weight ≤ {power_text(v_max)}\n"
        f"1 ≤ W ≤ {power_text(2 * v_max)}",
        reference=fill(_PAIRS_REFERENCE, OP=op),
        brute_force=fill(_PAIRS_BRUTE, OP=op),
        examples=[case(6, 20)],
        small_inputs=small,
        large_inputs=large,
        hints=[
            "The order of the people does not matter for the answer. Does sorting help?",
            "In sorted order, if the lightest and the heaviest remaining person fit together, "
            "which other partners does the lightest one fit with?",
            "Move two indices towards each other; each step settles the pairs of one person.",
        ],
        expected_complexity="O(n log n)",
        topics=["two-pointers", "sorting", "arrays"],
    )


TEMPLATES = (
    Template(
        "max-subarray",
        ("arrays", "dynamic-programming"),
        build_max_subarray,
        "best contiguous streak",
    ),
    Template(
        "range-queries", ("prefix-sums", "arrays"), build_range_queries, "many range questions"
    ),
    Template(
        "pair-sums",
        ("two-pointers", "sorting", "arrays"),
        build_pair_sums,
        "pairs under a weight limit",
    ),
)
