"""Deterministic test generator for pair-sum-count (run from this folder: python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(1001)


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(k, a):
    return f"{len(a)} {k}\n{' '.join(map(str, a))}\n"


N = 50_000
B = 10**9
POOL = [rng.randint(-B, B) for _ in range(3000)]
POOL += [POOL[0] + POOL[1] - x for x in POOL[:1500]]
emit("visible", [
    case(6, [1, 2, 4, 5, 3, 2]),
    case(10, [5, 5, 5, 5]),
    case(0, [-3, 7, 3, 3, -7, 1]),
])
emit("hidden", [
    case(4, [2]),                                   # n = 1
    case(3, [1, 1, 1, 1, 1]),                       # no pair at all
    case(2 * B, [B, -B, B, B, -B]),                 # extremes
    case(-2 * B, [-B] * 7 + [B] * 3),
    case(0, [0] * N),                               # maximum answer n(n-1)/2
    case(rng.randint(-20, 20), [rng.randint(-10, 10) for _ in range(20000)]),
    case(POOL[0] + POOL[1], [rng.choice(POOL) for _ in range(N)]),  # LARGE, wide values
    case(7, [rng.choice([3, 4, -5, 12, 7, 0]) for _ in range(20000)]),
    case(1, [rng.randint(-1000, 1000) for _ in range(2000)]),
])
