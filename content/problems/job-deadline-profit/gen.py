"""Deterministic test generator for job-deadline-profit (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(2018)
N = 30_000
R = 10**9
D = 10**5


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(jobs):
    return f"{len(jobs)}\n" + "".join(f"{d} {r}\n" for d, r in jobs)


emit("visible", [
    case([(2, 30), (1, 40), (2, 20), (1, 10)]),
    case([(1, 5), (1, 7), (1, 6)]),
    case([(3, 1), (3, 2), (3, 3)]),
])
emit("hidden", [
    case([(1, R)]),                                                    # n = 1
    case([(D, R)] * 2000),                                             # all fit, 64-bit sum
    case([(rng.randint(1, N // 3), rng.randint(1, R)) for _ in range(N)]),  # LARGE, tight
    case([(1, rng.randint(1, R)) for _ in range(3000)]),               # all deadline 1
    case([(rng.randint(1, 50), rng.randint(1, 100)) for _ in range(2000)]),  # many ties
    case([(i, R - i) for i in range(1, 3001)]),                        # staircase
    case([(rng.randint(1, D), rng.randint(1, R)) for _ in range(5000)]),    # loose deadlines
    case([(2, 10), (2, 10), (2, 10), (3, 1)]),
    case([(3, 5), (1, 100), (1, 100), (2, 1), (3, 5), (3, 5)]),
])
