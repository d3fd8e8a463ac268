"""Math templates: inclusion-exclusion counting, prime sieve with prefix sums."""

from __future__ import annotations

import random

from coach.models import Difficulty
from coach.offline.templates.base import NAMES, Draft, Template, fill, lines, power_text, statement

# --- multiples of A or B -----------------------------------------------------

_MULTIPLES_REFERENCE = """import sys
from math import gcd


def main():
    data = sys.stdin.buffer.read().split()
    t = int(data[0])
    out = []
    for k in range(t):
        n, a, b = int(data[1 + 3 * k]), int(data[2 + 3 * k]), int(data[3 + 3 * k])
        lcm = a // gcd(a, b) * b
        by_a, by_b, by_both = n // a, n // b, n // lcm
        out.append(@FORMULA@)
    sys.stdout.write("\\n".join(map(str, out)) + "\\n")


main()
"""

_MULTIPLES_BRUTE = """t = int(input())
for _ in range(t):
    n, a, b = map(int, input().split())
    count = 0
    for x in range(1, n + 1):
        in_a, in_b = x % a == 0, x % b == 0
        if @TEST@:
            count += 1
    print(count)
"""

_MULTIPLE_VARIANTS = {
    "either": ("by_a + by_b - by_both", "in_a or in_b", "divisible by A or by B (or both)"),
    "exactly-one": (
        "by_a + by_b - 2 * by_both",
        "in_a != in_b",
        "divisible by exactly one of A and B",
    ),
    "neither": (
        "n - (by_a + by_b - by_both)",
        "not in_a and not in_b",
        "divisible by neither A nor B",
    ),
}


def build_multiples(rng: random.Random, difficulty: Difficulty) -> Draft:
    name = rng.choice(NAMES)
    variant = rng.choice(sorted(_MULTIPLE_VARIANTS))
    formula, test, phrase = _MULTIPLE_VARIANTS[variant]
    n_max = {"easy": 10**6, "medium": 10**12, "hard": 10**18}[difficulty]
    story = (
        f"{name} numbers the seats of a stadium 1 to N. Seats whose number is {phrase} get a "
        "special ticket colour. For each of T stadiums, count the seats with the special colour."
    )

    def query(n_top: int, ab_high: int) -> str:
        return f"{rng.randint(1, n_top)} {rng.randint(1, ab_high)} {rng.randint(1, ab_high)}"

    small = [lines("1", "1 1 1"), lines("2", "10 2 3", "10 4 4"), lines("1", "7 10 20")]
    small += [lines(str(t), *(query(150, 12) for _ in range(t))) for t in (3, 5, 8, 2)]
    ab_top = min(10**9, n_max)
    big_a, big_b = min(999_999_937, n_max), min(999_999_929, n_max - 1)
    large = [
        lines("10000", *(query(n_max, ab_top) for _ in range(10_000))),
        lines("3", f"{n_max} 1 1", f"{n_max} {big_a} {big_b}", f"{n_max} 2 {ab_top}"),
    ]
    return Draft(
        title="Stadium Seats",
        statement=statement(
            story,
            "The first line contains T. Each of the next T lines contains N, A and B.",
            "For each stadium print the count on its own line.",
        ),
        constraints=f"1 ≤ T ≤ 10^4\n1 ≤ N ≤ {power_text(n_max)}\n1 ≤ A, B ≤ {power_text(ab_top)}",
        reference=fill(_MULTIPLES_REFERENCE, FORMULA=formula),
        brute_force=fill(_MULTIPLES_BRUTE, TEST=test),
        examples=[lines("2", query(30, 6), query(30, 6))],
        small_inputs=small,
        large_inputs=large,
        hints=[
            f"N can be {power_text(n_max)}, so looping over the seats is too slow. How many "
            "numbers up to N are divisible by A?",
            "Numbers divisible by both A and B are counted twice when you add the two counts. "
            "Which numbers are divisible by both?",
            "Divisible by both means divisible by lcm(A, B) = A / gcd(A, B) · B.",
        ],
        expected_complexity="O(T · log(min(A, B)))",
        topics=["math", "inclusion-exclusion"],
    )


# --- primes in ranges --------------------------------------------------------

_PRIMES_REFERENCE = """import sys
from itertools import accumulate


def main():
    data = sys.stdin.buffer.read().split()
    q = int(data[0])
    queries = [(int(data[1 + 2 * k]), int(data[2 + 2 * k])) for k in range(q)]
    limit = max(max(r for _, r in queries), 2)
    sieve = bytearray([1]) * (limit + 1)
    sieve[0] = sieve[1] = 0
    i = 2
    while i * i <= limit:
        if sieve[i]:
            sieve[i * i::i] = bytearray(len(range(i * i, limit + 1, i)))
        i += 1
    prefix = [0] + list(accumulate(@TERM@ for x in range(limit + 1)))
    out = [prefix[r + 1] - prefix[l] for l, r in queries]
    sys.stdout.write("\\n".join(map(str, out)) + "\\n")


main()
"""

_PRIMES_BRUTE = """def is_prime(x):
    if x < 2:
        return False
    d = 2
    while d * d <= x:
        if x % d == 0:
            return False
        d += 1
    return True


q = int(input())
for _ in range(q):
    l, r = map(int, input().split())
    print(sum(@BRUTE_TERM@ for x in range(l, r + 1) if is_prime(x)))
"""


def build_prime_ranges(rng: random.Random, difficulty: Difficulty) -> Draft:
    name = rng.choice(NAMES)
    summing = rng.random() < 0.4
    r_max = {"easy": 10**4, "medium": 10**6, "hard": 10**6}[difficulty]
    q_max = {"easy": 100, "medium": 10**5, "hard": 2 * 10**5}[difficulty]
    what = "the sum of the prime numbers" if summing else "how many prime numbers there are"
    story = (
        f"{name} studies primes on the number line. Answer q questions: for given l and r, find "
        f"{what} "
        "between l and r inclusive."
    )

    def case(q: int, top: int) -> str:
        rows = []
        for _ in range(q):
            left = rng.randint(1, top)
            rows.append(f"{left} {rng.randint(left, top)}")
        return lines(str(q), *rows)

    small = [lines("1", "1 1"), lines("1", "2 2"), lines("2", "1 2", "4 4"), lines("1", "1 100")]
    small += [case(rng.randint(1, 6), 200) for _ in range(4)]
    large = [case(q_max, r_max), lines("1", f"1 {r_max}"), case(q_max, 50)]
    return Draft(
        title="Prime Stretches",
        statement=statement(
            story,
            "The first line contains q. Each of the next q lines contains l and r.",
            "For each question print the answer on its own line.",
        ),
        constraints=f"1 ≤ q ≤ {power_text(q_max)}\n1 ≤ l ≤ r ≤ {power_text(r_max)}",
        reference=fill(_PRIMES_REFERENCE, TERM="x if sieve[x] else 0" if summing else "sieve[x]"),
        brute_force=fill(_PRIMES_BRUTE, BRUTE_TERM="x" if summing else "1"),
        examples=[case(3, 30)],
        small_inputs=small,
        large_inputs=large,
        hints=[
            "Testing every number of every range by trial division repeats a lot of work across "
            "questions.",
            "Mark all primes up to the largest r once with the sieve of Eratosthenes.",
            "Then a prefix array over the sieve answers each question with one subtraction.",
        ],
        expected_complexity="O(R log log R + q)",
        topics=["math", "prefix-sums", "sieve"],
    )


TEMPLATES = (
    Template(
        "multiples",
        ("math", "inclusion-exclusion"),
        build_multiples,
        "count multiples with inclusion-exclusion",
    ),
    Template(
        "prime-ranges",
        ("math", "prefix-sums", "sieve"),
        build_prime_ranges,
        "primes in many ranges",
    ),
)
