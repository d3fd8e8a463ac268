"""Deterministic test generator for longest-rising-subsequence (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(2012)
N = 50_000
B = 10**9


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(a):
    return f"{len(a)}\n{' '.join(map(str, a))}\n"


emit("visible", [
    case([10, 9, 2, 5, 3, 7, 101, 18]),
    case([4, 4, 4, 4]),
    case([-1, 0, -2, 1, 2]),
])
emit("hidden", [
    case([B]),                                                     # n = 1
    case([rng.randint(-B, B) for _ in range(N)]),                  # LARGE random: ~2*sqrt(n)
    case(list(range(-10_000, 10_000))),                            # strictly increasing
    case(list(range(10_000, 0, -1))),                              # decreasing
    case([i // 3 for i in range(6000)]),                           # non-decreasing with repeats
    case([rng.randint(1, 10) for _ in range(5000)]),               # small alphabet
    case([(i % 100) * 100 + i // 100 for i in range(10_000)]),     # interleaved blocks
    case([v for i in range(1000) for v in (i, -i)]),               # zig-zag
    case([5, 1, 6, 2, 7, 3, 8, 4, 9]),
])
