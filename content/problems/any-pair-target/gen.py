"""Deterministic test generator for any-pair-target (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(4242)


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(target, a):
    return f"{len(a)} {target}\n" + " ".join(map(str, a)) + "\n"


def no_pair(n):
    # even values only, and an odd target: no two of them can sum to it
    return [2 * rng.randint(-10**8, 10**8) for _ in range(n)]


many = [rng.randint(1, 50) for _ in range(200_000)]  # thousands of valid pairs
emit("visible", [
    case(9, [2, 7, 11, 15]),
    case(6, [3, 3, 1, 5]),
    case(10, [1, 2, 3]),
])
emit("hidden", [
    case(4, [2]),                                                   # n = 1: no pair
    case(4, [2, 2]),                                                # equal values
    case(0, [-5, 3, 5, 0]),                                         # negatives
    case(2 * 10**9, [10**9, 1, 10**9]),                             # extremes
    case(-2 * 10**9, [-(10**9), -(10**9)]),
    case(51, many),                                                 # LARGE, many answers
    case(7, no_pair(120_000)),                                      # LARGE, no pair
    case(
        rng.randint(-10**9, 10**9),
        [rng.randint(-10**9, 10**9) for _ in range(119_998)] + [0, 0],
    ),                                                              # LARGE, random
    case(100, [50] * 100_000),                                      # all equal
])
