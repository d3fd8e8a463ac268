"""Deterministic test generator for equal-rope-pieces (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(2015)
N = 10_000
C = 10**7


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(k, c):
    return f"{len(c)} {k}\n{' '.join(map(str, c))}\n"


emit("visible", [
    case(4, [5, 3, 3]),
    case(1, [7, 2]),
    case(3, [10]),
])
emit("hidden", [
    case(1, [1]),                                                   # minimum
    case(10**9, [1]),                                               # tiny pieces: 1e-9 relative
    case(10**9, [C] * N),                                           # LARGE: k = 1e9, L = 100
    case(rng.randint(1, 10**6), [rng.randint(1, C) for _ in range(N)]),  # LARGE random
    case(N, [rng.randint(1, C) for _ in range(N)]),
    case(7, [rng.randint(1, 100) for _ in range(50)]),
    case(2, [C, 1]),
    case(5, [3, 3, 3, 3, 3, 3]),                                     # more cables than pieces
    case(999_999_999, [rng.randint(C // 2, C) for _ in range(5000)]),
])
