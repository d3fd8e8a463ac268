"""Deterministic test generator for digit-sum-divisible-count (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(3006)
E = 10**18


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(qs):
    return f"{len(qs)}\n" + "".join(f"{lo} {hi} {k}\n" for lo, hi, k in qs)


def rq(maxv, kmax=200):
    a, b = rng.randint(1, maxv), rng.randint(1, maxv)
    return min(a, b), max(a, b), rng.randint(1, kmax)


emit("visible", [
    case([(1, 25, 4), (1, 100, 10), (10, 10, 1)]),
    case([(1, 9, 3), (100, 200, 5)]),
    case([(1, 1000000, 200), (999, 999, 27)]),
])
emit("hidden", [
    case([(1, 1, 1), (1, 1, 2)]),                                      # minimal
    case([(1, E, 1), (1, E, 2), (1, E, 200), (E, E, 1), (E, E, 2)]),   # extremes
    case([rq(E) for _ in range(500)]),                                 # LARGE: q = 500, huge ranges
    case([(1, x, k) for x in (rng.randint(1, 10**6) for _ in range(100)) for k in (3, 7)]),
    case([rq(10**4, 40) for _ in range(300)]),                          # small, brute-checkable
    case([(1, E - 1, 9 * 18), (1, E - 1, 163), (1, E - 1, 171)]),       # largest digit sums
    case([(10**k, 10**k, 1 + k % 5) for k in range(19)]),
    case([(rng.randint(1, E // 2), E, rng.choice([1, 2, 3, 9, 10, 11, 100, 199, 200])) for _ in range(200)]),
    case([(999999999999999990, 999999999999999999, 9)]),
])
