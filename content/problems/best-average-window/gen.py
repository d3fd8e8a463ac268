"""Deterministic test generator for best-average-window (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(3009)
N = 50_000
A = 10**4


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(k, a):
    return f"{len(a)} {k}\n{' '.join(map(str, a))}\n"


emit("visible", [
    case(4, [1, 12, -5, -6, 50, 3]),
    case(1, [5, -2, 7]),
    case(3, [-1, -1, -1]),
])
emit("hidden", [
    case(1, [-A]),                                                   # n = 1
    case(N, [rng.randint(-A, A) for _ in range(N)]),                 # LARGE: k = n, whole array
    case(1000, [rng.randint(-A, A) for _ in range(N)]),              # LARGE random
    case(7, [A] * 3 + [-A] * 3 + [A - 1] * 5 + [-A] * 10),
    case(3, [rng.choice([-A, A]) for _ in range(5000)]),
    case(2, [0, A, -A, A, 0, 0]),
    case(50, [(i % 7) - 3 for i in range(3000)]),                    # periodic: exact thirds etc.
    case(10, [rng.randint(-5, 5) for _ in range(20_000)]),
    case(2, [1, 2]),
])
