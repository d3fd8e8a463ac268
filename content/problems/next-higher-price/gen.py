"""Deterministic test generator for next-higher-price (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(2003)
N = 50_000
P = 10**9


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(p):
    return f"{len(p)}\n{' '.join(map(str, p))}\n"


emit("visible", [
    case([73, 74, 75, 71, 69, 72, 76, 73]),
    case([5, 5, 5]),
    case([1, 2, 3, 4]),
])
emit("hidden", [
    case([P]),                                                  # n = 1
    case(list(range(N, 0, -1))[:N // 2] + list(range(1, N // 2 + 1))),  # LARGE: V shape
    case([rng.randint(1, P) for _ in range(10_000)]),
    case([rng.randint(1, 5) for _ in range(5000)]),             # many equal prices
    case([P] * 1000 + [1]),                                     # flat
    case([1] * 999 + [P]),                                      # everyone waits for the last day
    case([(i % 100) + 1 for i in range(3000)]),                 # saw-tooth
    case([2, 1, 2, 1, 3]),
    case([rng.randint(P - 3, P) for _ in range(2000)]),
])
