"""Deterministic test generator for minimum-opening-balance (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(1002)


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(t):
    return f"{len(t)}\n{' '.join(map(str, t))}\n"


M = 10**6
N = 50_000
emit("visible", [
    case([-3, 2, -3, 5]),
    case([10, -4, -6, 7]),
    case([-5]),
])
emit("hidden", [
    case([7]),                                      # n = 1, deposit
    case([0, 0, 0]),                                # all zero
    case([-M] * 5000),                              # needs > 2^31, 64-bit
    case([M] * 5000 + [-M] * 5000),                 # dips exactly to 0
    case([rng.randint(-M, M) for _ in range(N)]),   # LARGE random
    case([rng.randint(-M, M // 2) for _ in range(5000)]),
    case([M, -M] * 500 + [-1]),
    case([rng.randint(-3, 3) for _ in range(1000)]),
    case([-1, 1] * 2000),
])
