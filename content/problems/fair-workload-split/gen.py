"""Deterministic test generator for fair-workload-split (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(2005)
N = 50_000
W = 10**9


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(k, w):
    return f"{len(w)} {k}\n{' '.join(map(str, w))}\n"


emit("visible", [
    case(2, [7, 2, 5, 10, 8]),
    case(3, [1, 2, 3, 4, 5]),
    case(1, [4, 4, 4]),
])
emit("hidden", [
    case(1, [W]),                                               # n = k = 1
    case(5000, [rng.randint(1, W) for _ in range(5000)]),       # k = n: answer max(w)
    case(1, [W] * 5000),                                        # one worker: sum, 64-bit
    case(37, [rng.randint(1, W) for _ in range(N)]),            # LARGE
    case(3, [1] * 10 + [100] + [1] * 10),
    case(700, [rng.randint(1, 100) for _ in range(7000)]),
    case(2, [W, 1, 1, 1, W]),
    case(4, [rng.choice([1, W]) for _ in range(1000)]),
    case(10, list(range(1, 1001))),
])
