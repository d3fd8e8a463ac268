"""Deterministic test generator for target-sum-subarrays (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(2002)
N = 100_000


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(k, a):
    return f"{len(a)} {k}\n{' '.join(map(str, a))}\n"


emit("visible", [
    case(3, [1, 2, 3, -2, 2]),
    case(0, [0, 0, 0]),
    case(-1, [2, -3, 1, -1]),
])
emit("hidden", [
    case(5, [5]),                                               # n = 1, match
    case(-1000, [1000]),                                        # n = 1, no match
    case(0, [0] * N),                                           # LARGE: n(n+1)/2 > 2^32
    case(0, [rng.choice([-1, 1]) for _ in range(20_000)]),      # many zero-sum blocks
    case(10**7, [1000] * 20_000),                               # every window of length 10^4
    case(10**8, [1000] * 1000),                                 # K out of reach
    case(7, [rng.randint(-1000, 1000) for _ in range(30_000)]),
    case(-10**8, [rng.randint(-1000, 1000) for _ in range(1000)]),
    case(3, [rng.randint(-3, 3) for _ in range(3000)]),
    case(1000, [-1000, 1000] * 500),
])
