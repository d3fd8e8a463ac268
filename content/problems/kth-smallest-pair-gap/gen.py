"""Deterministic test generator for kth-smallest-pair-gap (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(3002)
N = 50_000
A = 10**9


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(k, a):
    return f"{len(a)} {k}\n{' '.join(map(str, a))}\n"


def pairs(n):
    return n * (n - 1) // 2


big = [rng.randint(0, A) for _ in range(N)]
emit("visible", [
    case(2, [1, 3, 1]),
    case(1, [5, 9]),
    case(6, [4, 10, 1, 7]),
])
emit("hidden", [
    case(1, [0, A]),                                           # n = 2, extreme
    case(pairs(N), big),                                       # LARGE: k = max -> max - min
    case(pairs(10_000) // 2 + 12345, big[:10_000]),            # around the median gap
    case(1, big[:5000]),                                       # k = 1: smallest gap
    case(pairs(3000) // 3, [7] * 1500 + [8] * 1500),           # only gaps 0 and 1
    case(pairs(2000), list(range(0, 2000 * 3, 3))),
    case(1000, [rng.randint(0, 100) for _ in range(500)]),     # many duplicates
    case(pairs(200) - 5, [rng.randint(0, A) for _ in range(200)]),
    case(3, [1, 1, 1, 1]),
])
