"""Deterministic test generator for knapsack-budget (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(2011)
B = 50_000
V = 10**9


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(budget, items):
    return f"{len(items)} {budget}\n" + "".join(f"{c} {v}\n" for c, v in items)


emit("visible", [
    case(10, [(6, 7), (5, 5), (5, 5)]),
    case(3, [(4, 100), (5, 1)]),
    case(7, [(1, 1), (3, 4), (4, 5), (5, 7)]),
])
emit("hidden", [
    case(1, [(1, V)]),                                                   # n = 1, fits exactly
    case(1, [(2, V)]),                                                   # nothing fits
    case(B, [(rng.randint(1, B), rng.randint(1, V)) for _ in range(100)]),           # LARGE random
    case(B, [(c, c * 1000 + rng.randint(0, 999)) for c in (rng.randint(B // 10, B // 2) for _ in range(100))]),  # correlated
    case(B, [(rng.randint(1, 500), V) for _ in range(100)]),             # everything fits: 10^11
    case(B, [(10**5, V)] * 50 + [(B, 1)] * 50),                          # costs above budget
    case(B - 1, [(2 * rng.randint(1, 3000), rng.randint(1, V)) for _ in range(100)]),  # even costs, odd budget
    case(100, [(rng.randint(1, 30), rng.randint(1, 50)) for _ in range(40)]),
    case(12_345, [(rng.randint(1000, 5000), rng.randint(1, V)) for _ in range(100)]),
])
