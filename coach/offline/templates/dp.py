"""Dynamic programming templates: counting coin combinations, LIS, knapsack."""

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

# --- ways to pay an amount ---------------------------------------------------

_WAYS_HEAD = """import sys


def main():
    data = sys.stdin.buffer.read().split()
    k, amount = int(data[0]), int(data[1])
    coins = list(map(int, data[2:2 + k]))
    mod = @MOD@
    ways = [0] * (amount + 1)
    ways[0] = 1
"""
_WAYS_SETS = (
    _WAYS_HEAD
    + """    for coin in coins:
        for total in range(coin, amount + 1):
            ways[total] = (ways[total] + ways[total - coin]) % mod
    print(ways[amount] % mod)


main()
"""
)
_WAYS_SEQUENCES = (
    _WAYS_HEAD
    + """    for total in range(1, amount + 1):
        acc = 0
        for coin in coins:
            if coin <= total:
                acc += ways[total - coin]
        ways[total] = acc % mod
    print(ways[amount] % mod)


main()
"""
)
_WAYS_SETS_BRUTE = """k, amount = map(int, input().split())
coins = list(map(int, input().split()))


def count(i, left):
    if left == 0:
        return 1
    if i == k:
        return 0
    total, used = 0, 0
    while used * coins[i] <= left:
        total += count(i + 1, left - used * coins[i])
        used += 1
    return total


print(count(0, amount) % @MOD@)
"""
_WAYS_SEQUENCES_BRUTE = """k, amount = map(int, input().split())
coins = list(map(int, input().split()))


def count(left):
    if left == 0:
        return 1
    return sum(count(left - coin) for coin in coins if coin <= left)


print(count(amount) % @MOD@)
"""


def build_coin_ways(rng: random.Random, difficulty: Difficulty) -> Draft:
    name = rng.choice(NAMES)
    ordered = rng.random() < 0.4
    mod = rng.choice((10**9 + 7, 998_244_353))
    s_max = {"easy": 1000, "medium": 50_000, "hard": 100_000}[difficulty]
    if ordered:
        story = (
            f"{name} climbs a staircase of S steps. The allowed stride lengths are given; a climb "
            "is a sequence "
            "of strides whose lengths add up to S, and different orders count as different "
            "climbs. Count the "
            f"climbs modulo {mod}."
        )
        item, title = "stride lengths", "Staircase Strides"
    else:
        story = (
            f"{name} wants to pay exactly S coins using coins of the given values, any number of "
            "each. Two "
            "payments are the same if they use the same number of coins of every value (order "
            "does not "
            f"matter). Count the different payments modulo {mod}."
        )
        item, title = "coin values", "Exact Change"

    def case(k: int, amount: int, top: int) -> str:
        coins = rng.sample(range(1, top + 1), min(k, top))
        return lines(f"{len(coins)} {amount}", join(coins))

    small = [lines("1 1", "1"), lines("1 5", "2"), lines("2 4", "1 2"), lines("3 7", "2 3 5")]
    small += [case(rng.randint(1, 3), rng.randint(1, 12), 6) for _ in range(4)]
    large = [case(10, s_max, 50), lines(f"2 {s_max}", "1 2"), case(10, s_max, s_max)]
    reference = _WAYS_SEQUENCES if ordered else _WAYS_SETS
    brute = _WAYS_SEQUENCES_BRUTE if ordered else _WAYS_SETS_BRUTE
    return Draft(
        title=title,
        statement=statement(
            story,
            f"The first line contains k, the number of {item}, and S. The second line contains k "
            f"distinct {item}.",
            f"Print the number of ways modulo {mod}.",
        ),
        constraints=f"1 ≤ k ≤ 10\n1 ≤ S ≤ {power_text(s_max)}\n1 ≤ each value ≤ "
        f"{power_text(s_max)}",
        reference=fill(reference, MOD=mod),
        brute_force=fill(brute, MOD=mod),
        examples=[case(3, 10, 5)],
        small_inputs=small,
        large_inputs=large,
        hints=[
            "Trying all combinations grows exponentially. Define ways[s] = the number of ways to "
            "make exactly s.",
            "How does ways[s] follow from smaller amounts? Write it for one value first.",
            (
                "Order matters here, so the last stride can be any allowed length."
                if ordered
                else "To avoid counting the same payment in different orders, process one coin "
                "value at a time."
            ),
        ],
        expected_complexity="O(k·S)",
        topics=["dynamic-programming", "math"],
    )


# --- longest increasing subsequence ------------------------------------------

_LIS_REFERENCE = """import sys
from bisect import @BISECT@


def main():
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    tails = []
    for token in data[1:n + 1]:
        value = int(token)
        i = @BISECT@(tails, value)
        if i == len(tails):
            tails.append(value)
        else:
            tails[i] = value
    print(len(tails))


main()
"""

_LIS_BRUTE = """n = int(input())
a = list(map(int, input().split()))
best = [1] * n
for i in range(n):
    for j in range(i):
        if a[j] @OP@ a[i]:
            best[i] = max(best[i], best[j] + 1)
print(max(best))
"""


def build_lis(rng: random.Random, difficulty: Difficulty) -> Draft:
    name = rng.choice(NAMES)
    strict = rng.random() < 0.6
    n_max = pick_size(rng, difficulty)
    v_max = rng.choice((100, 10**9))
    order = "strictly increasing" if strict else "non-decreasing"
    story = (
        f"{name} looks at n photos of a growing tree, taken in order, each labelled with the "
        "height it shows. "
        f"Some labels are wrong, so {name} keeps the largest set of photos whose heights, in the "
        "original "
        f"order, are {order}. How many photos can be kept?"
    )

    def case(n: int, high: int) -> str:
        return lines(str(n), join([rng.randint(1, high) for _ in range(n)]))

    small = [
        lines("1", "4"),
        lines("5", "5 4 3 2 1"),
        lines("5", "3 3 3 3 3"),
        lines("6", "1 2 3 4 5 6"),
    ]
    small += [case(rng.randint(2, 10), rng.choice((5, 20))) for _ in range(4)]
    large = [case(n_max, v_max), lines(str(n_max), join(range(1, n_max + 1))), case(n_max, 10)]
    return Draft(
        title="Growing Tree Photos",
        statement=statement(
            story,
            "The first line contains n. The second line contains the n heights.",
            f"Print the length of the longest {order} subsequence.",
        ),
        constraints=f"1 ≤ n ≤ {power_text(n_max)}\n1 ≤ height ≤ {power_text(v_max)}",
        reference=fill(_LIS_REFERENCE, BISECT="bisect_left" if strict else "bisect_right"),
        brute_force=fill(_LIS_BRUTE, OP="<" if strict else "<="),
        examples=[case(8, 10)],
        small_inputs=small,
        large_inputs=large,
        hints=[
            "Let best[i] be the longest valid subsequence ending at photo i. That gives an O(n^2) "
            "solution.",
            "For large n, keep for every length L the smallest possible last height of a "
            "subsequence of length L. Why is that list sorted?",
            "Each new height replaces one entry of that list, found by binary search; equal "
            "heights decide between bisect_left and bisect_right.",
        ],
        expected_complexity="O(n log n)"
        if difficulty != "easy"
        else "O(n^2) passes; O(n log n) is possible",
        topics=["dynamic-programming", "binary-search"],
    )


# --- knapsack ----------------------------------------------------------------

_KNAPSACK_REFERENCE = """import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, capacity = int(data[0]), int(data[1])
    best = [0] * (capacity + 1)
    for k in range(n):
        weight, value = int(data[2 + 2 * k]), int(data[3 + 2 * k])
        for c in @RANGE@:
            candidate = best[c - weight] + value
            if candidate > best[c]:
                best[c] = candidate
    print(best[capacity])


main()
"""

_KNAPSACK_BRUTE = """n, capacity = map(int, input().split())
items = [tuple(map(int, input().split())) for _ in range(n)]


def search(i, room):
    if i == n:
        return 0
    weight, value = items[i]
    best = search(i + 1, room)
    copies = 1
    while copies * weight <= room and copies <= @MAX_COPIES@:
        best = max(best, copies * value + search(i + 1, room - copies * weight))
        copies += 1
    return best


print(search(0, capacity))
"""


def build_knapsack(rng: random.Random, difficulty: Difficulty) -> Draft:
    name = rng.choice(NAMES)
    unbounded = rng.random() < 0.35
    n_max = {"easy": 20, "medium": 50, "hard": 100}[difficulty]
    c_max = {"easy": 1000, "medium": 5000, "hard": 10_000}[difficulty]
    copies = "any number of copies of each item" if unbounded else "each item at most once"
    story = (
        f"{name} packs a backpack that holds total weight at most W. There are n kinds of items, "
        "each with a "
        f"weight and a value, and {name} may take {copies}. What is the largest total value that "
        "fits?"
    )

    def case(n: int, capacity: int, top_weight: int) -> str:
        items = [f"{rng.randint(1, top_weight)} {rng.randint(1, 10**9)}" for _ in range(n)]
        return lines(f"{n} {capacity}", *items)

    small = [
        lines("1 5", "6 10"),
        lines("1 5", "5 10"),
        lines("3 4", "2 3", "2 3", "4 5"),
        case(4, 10, 6),
    ]
    small += [case(rng.randint(1, 7), rng.randint(1, 15), 8) for _ in range(4)]
    large = [case(n_max, c_max, c_max // 4), case(n_max, c_max, c_max), case(n_max, c_max, 10)]
    return Draft(
        title="Backpack Packing",
        statement=statement(
            story,
            "The first line contains n and W. Each of the next n lines contains the weight and "
            "value of one item.",
            "Print the largest total value. It can exceed 2^31.",
        ),
        constraints=f"1 ≤ n ≤ {n_max}\n1 ≤ W ≤ {power_text(c_max)}\n1 ≤ weight ≤ "
        f"{power_text(c_max)}\n"
        "1 ≤ value ≤ 10^9",
        reference=fill(
            _KNAPSACK_REFERENCE,
            RANGE="range(weight, capacity + 1)" if unbounded else "range(capacity, weight - 1, -1)",
        ),
        brute_force=fill(_KNAPSACK_BRUTE, MAX_COPIES="room" if unbounded else "1"),
        examples=[case(4, 10, 6)],
        small_inputs=small,
        large_inputs=large,
        hints=[
            "Greedy by value per weight fails; try to find a small counterexample.",
            "Let best[c] be the largest value with total weight at most c, using the items "
            "considered so far.",
            (
                "With unlimited copies, best[c - weight] may already include this item, and that "
                "is fine."
                if unbounded
                else "With each item at most once, update capacities from high to low so an item "
                "is not used twice."
            ),
        ],
        expected_complexity="O(n·W)",
        topics=["dynamic-programming"],
    )


TEMPLATES = (
    Template(
        "coin-ways", ("dynamic-programming", "math"), build_coin_ways, "count ways to pay an amount"
    ),
    Template(
        "lis", ("dynamic-programming", "binary-search"), build_lis, "longest increasing subsequence"
    ),
    Template("knapsack", ("dynamic-programming",), build_knapsack, "0/1 or unbounded knapsack"),
)
