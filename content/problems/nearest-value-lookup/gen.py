"""Deterministic test generator for nearest-value-lookup (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(1005)
B = 10**6
N = 30_000


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(a, xs):
    return f"{len(a)} {len(xs)}\n{' '.join(map(str, a))}\n{' '.join(map(str, xs))}\n"


emit("visible", [
    case([5, 1, 9, 3], [4, 0, 10, 6, 9]),
    case([7, 7, 7], [-100, 7, 100]),
    case([-5, 10], [2, 3, -20]),
])
even = sorted(rng.sample(range(-B // 2, B // 2), 2000))
emit("hidden", [
    case([42], [42, -B, B]),                                          # n = 1
    case([-B, B], [0, 1, -1, B, -B]),                                 # extremes, exact tie at 0
    case([2 * v for v in range(-500, 500)], [2 * v + 1 for v in range(-600, 600)]),  # all ties
    case([rng.randint(-B, B) for _ in range(N)], [rng.randint(-B, B) for _ in range(N)]),  # LARGE
    case([rng.randint(-50, 50) for _ in range(5000)], [rng.randint(-60, 60) for _ in range(5000)]),
    case(even * 3, [v + rng.choice([-1, 0, 1]) for v in even]),         # duplicates in a
    case(list(range(10000, 0, -1)), list(range(-5, 10006))),
    case([0] * 100 + [1] * 100, [0, 1, 2, -1]),
    case([rng.randint(-B, B) for _ in range(3)], [rng.randint(-B, B) for _ in range(3000)]),
])
