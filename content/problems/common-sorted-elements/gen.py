"""Deterministic test generator for common-sorted-elements (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(1008)
M = 10**6
N = 30_000


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(x, y):
    x, y = sorted(x), sorted(y)
    return f"{len(x)} {len(y)}\n{' '.join(map(str, x))}\n{' '.join(map(str, y))}\n"


emit("visible", [
    case([1, 2, 2, 5, 9], [2, 2, 2, 3, 5]),
    case([1, 3, 5], [2, 4, 6]),
    case([-4, -4, 0, 7], [-4, 0, 0, 7, 7, 8]),
])
emit("hidden", [
    case([5], [5]),                                                        # n = m = 1, match
    case([5], [-5]),                                                       # no match
    case([-M] * 3 + [M] * 4, [-M] * 5 + [M]),                               # extremes, duplicates
    case([rng.randint(-M, M) for _ in range(N)], [rng.randint(-M, M) for _ in range(N)]),  # LARGE
    case([rng.randint(-30, 30) for _ in range(10_000)], [rng.randint(-20, 40) for _ in range(8000)]),
    case([7] * 1000, [7] * 999 + [8]),
    case(list(range(0, 20_000, 2)), list(range(0, 20_000, 3))),
    case([rng.randint(-100, 100) for _ in range(7)], [rng.randint(-100, 100) for _ in range(3000)]),
    case(list(range(1, 1001)), list(range(1001, 2001))),
])
