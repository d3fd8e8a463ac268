"""Deterministic test generator for best-segment-sum (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(1010)
M = 10**6
N = 50_000


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(a):
    return f"{len(a)}\n{' '.join(map(str, a))}\n"


emit("visible", [
    case([-2, 1, -3, 4, -1, 2, 1, -5, 4]),
    case([5, -5, 5]),
    case([-7, -3, -9]),
])
emit("hidden", [
    case([-M]),                                             # n = 1, negative
    case([0, 0, 0, 0]),                                     # all zeros: [1, 1]
    case([-1, 0, -1, 0]),                                   # best sum 0 first at l = 2
    case([M] * 5000),                                       # whole array, needs 64-bit
    case([rng.randint(-M, M) for _ in range(N)]),           # LARGE random
    case([rng.choice([-3, -2, -1, 1, 2, 3]) for _ in range(5000)]),
    case([3, -3] * 2000 + [1]),                             # many equal-sum segments
    case([-M] * 1000 + [M - 1] + [-M] * 1000),
    case([rng.randint(-10, 9) for _ in range(20_000)]),
])
