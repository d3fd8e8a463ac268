"""Hashing templates: pairs with a given sum or difference, anagram pairs."""

from __future__ import annotations

import random
import string

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

# --- pairs with a target sum / difference ------------------------------------

_TARGET_REFERENCE = """import sys
from collections import Counter


def main():
    data = sys.stdin.buffer.read().split()
    n, target = int(data[0]), int(data[1])
    seen = Counter()
    pairs = 0
    for token in data[2:2 + n]:
        value = int(token)
        pairs += @MATCHES@
        seen[value] += 1
    print(pairs)


main()
"""

_TARGET_BRUTE = """n, target = map(int, input().split())
a = list(map(int, input().split()))
pairs = 0
for i in range(n):
    for j in range(i + 1, n):
        if @TEST@:
            pairs += 1
print(pairs)
"""


def build_target_pairs(rng: random.Random, difficulty: Difficulty) -> Draft:
    name = rng.choice(NAMES)
    variant = rng.choice(("sum", "difference"))
    n_max = pick_size(rng, difficulty)
    v_max = rng.choice((10**5, 10**9))
    if variant == "sum":
        matches, test = "seen[target - value]", "a[i] + a[j] == target"
        story = (
            f"{name} has n gift cards with the given values and wants to buy an item costing "
            "exactly T by "
            f"combining two different cards. In how many ways can {name} choose the two cards?"
        )
        target_range = f"1 ≤ T ≤ {power_text(2 * v_max)}"
    else:
        matches = "(seen[value - target] + seen[value + target] if target else seen[value])"
        test = "abs(a[i] - a[j]) == target"
        story = (
            f"{name} measures the heights of n seedlings. Count the pairs of different seedlings "
            "whose "
            f"heights differ by exactly T."
        )
        target_range = f"0 ≤ T ≤ {power_text(v_max)}"

    def case(n: int, high: int) -> str:
        values = [rng.randint(1, high) for _ in range(n)]
        target = rng.randint(1, 2 * high) if variant == "sum" else rng.randint(0, high // 2)
        return lines(f"{n} {target}", join(values))

    small = [
        lines("1 2", "1"),
        lines("4 2", "1 1 1 1") if variant == "sum" else lines("4 0", "5 5 5 5"),
        case(6, 5),
        case(8, 10),
    ]
    small += [case(rng.randint(2, 12), 20) for _ in range(4)]
    large = [case(n_max, 1000), case(n_max, v_max), lines(f"{n_max} 2", join([1] * n_max))]
    return Draft(
        title="Gift Card Pairs" if variant == "sum" else "Seedling Differences",
        statement=statement(
            story,
            "The first line contains n and T. The second line contains the n values.",
            "Print the number of pairs (i, j) with i < j that satisfy the condition. The answer "
            "can exceed 2^31.",
        ),
        constraints=f"1 ≤ n ≤ {power_text(n_max)}\n1 ≤ value ≤ {power_text(v_max)}\n{target_range}",
        reference=fill(_TARGET_REFERENCE, MATCHES=matches),
        brute_force=fill(_TARGET_BRUTE, TEST=test),
        examples=[case(7, 6)],
        small_inputs=small,
        large_inputs=large,
        hints=[
            "For a fixed value x, which partner value would complete a pair?",
            "Scan left to right and remember how many times each value has appeared so far.",
            "Equal values are different cards: count them with multiplicity, and make sure a card "
            "is not paired with itself.",
        ],
        expected_complexity="O(n) expected with a hash map",
        topics=["hashing", "arrays"],
    )


# --- anagram pairs -----------------------------------------------------------

_ANAGRAM_REFERENCE = """import sys
from collections import Counter


def main():
    data = sys.stdin.read().split()
    n = int(data[0])
    groups = Counter("".join(sorted(word)) for word in data[1:1 + n])
    print(sum(size * (size - 1) // 2 for size in groups.values()))


main()
"""

_ANAGRAM_BRUTE = """n = int(input())
words = [input().strip() for _ in range(n)]
count = 0
for i in range(n):
    for j in range(i + 1, n):
        if len(words[i]) == len(words[j]) and all(
            words[i].count(ch) == words[j].count(ch) for ch in set(words[i] + words[j])
        ):
            count += 1
print(count)
"""


def build_anagram_pairs(rng: random.Random, difficulty: Difficulty) -> Draft:
    name = rng.choice(NAMES)
    n_max = pick_size(rng, difficulty)
    length = rng.choice((3, 4, 5, 8))
    letters = string.ascii_lowercase[: rng.choice((3, 4, 6, 26))]
    story = (
        f"{name} collects secret code words. Two words are twins if one is an anagram of the "
        "other (the same "
        "letters, each used the same number of times, in any order). Count the pairs of twin words."
    )

    def case(n: int, max_length: int, alphabet: str) -> str:
        words = [
            "".join(rng.choice(alphabet) for _ in range(rng.randint(1, max_length)))
            for _ in range(n)
        ]
        return lines(str(n), *words)

    small = [
        lines("1", "abc"),
        lines("3", "ab", "ba", "ab"),
        lines("2", "a", "aa"),
        case(6, 3, letters[:3]),
    ]
    small += [case(rng.randint(2, 10), length, letters) for _ in range(4)]
    large = [case(n_max, length, letters), case(n_max, 2, "ab"), case(n_max // 10, 10, letters)]
    return Draft(
        title="Twin Code Words",
        statement=statement(
            story,
            "The first line contains n. Each of the next n lines contains one word of lowercase "
            "letters.",
            "Print the number of pairs (i, j), i < j, such that word i is an anagram of word j. "
            "The answer can exceed 2^31.",
        ),
        constraints=f"1 ≤ n ≤ {power_text(n_max)}\n1 ≤ length of each word ≤ 10",
        reference=_ANAGRAM_REFERENCE,
        brute_force=_ANAGRAM_BRUTE,
        examples=[case(6, 3, "abc")],
        small_inputs=small,
        large_inputs=large,
        hints=[
            "Comparing every pair of words is O(n^2). What could you compute for one word that is "
            "the same for all of its anagrams?",
            "Group the words by that key; a group of size g contributes g·(g-1)/2 pairs.",
        ],
        expected_complexity="O(n · L log L) for words of length L",
        topics=["hashing", "strings", "sorting"],
    )


TEMPLATES = (
    Template(
        "target-pairs",
        ("hashing", "arrays"),
        build_target_pairs,
        "pairs with a given sum or difference",
    ),
    Template(
        "anagram-pairs",
        ("hashing", "strings", "sorting"),
        build_anagram_pairs,
        "count anagram pairs",
    ),
)
