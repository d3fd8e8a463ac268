"""Deterministic test generator for rope-merge-cost (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(1014)
N = 50_000


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(a):
    return f"{len(a)}\n{' '.join(map(str, a))}\n"


emit("visible", [
    case([4, 3, 2, 5]),
    case([10]),
    case([1, 1, 1, 1, 1, 1]),
])
emit("hidden", [
    case([7, 9]),                                            # n = 2
    case([10_000] * N),                                      # LARGE: maximum cost, 64-bit
    case([rng.randint(1, 10_000) for _ in range(10_000)]),
    case([1] * 5000 + [10_000] * 5),                          # skewed
    case([2 ** (i % 14) for i in range(2000)]),
    case(list(range(1, 3001))),
    case([rng.randint(1, 3) for _ in range(10_000)]),
    case([1, 10_000]),
    case([rng.choice([1, 9999]) for _ in range(777)]),
])
