"""Deterministic test generator for closest-pair-sum (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(1018)
B = 10**9
N = 50_000


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(t, a):
    return f"{len(a)} {t}\n{' '.join(map(str, a))}\n"


emit("visible", [
    case(10, [1, 8, 3, 12, -4]),
    case(5, [1, 2, 6]),
    case(-3, [-5, 4, 2, 2]),
])
emit("hidden", [
    case(0, [B, -B]),                                            # n = 2, exact
    case(3 * 10**9, [B, B, B - 1]),                              # target beyond reach
    case(-3 * 10**9, [-B, -B, 5]),
    case(rng.randint(-B, B), [rng.randint(-B, B) for _ in range(N)]),  # LARGE
    case(0, [2 * rng.randint(-5000, 5000) + 1 for _ in range(5000)]),  # all odd, pair sums are even
    case(1, [2 * rng.randint(-5000, 5000) for _ in range(5000)]),      # all even: ties at distance 1
    case(7, [3] * 1000),                                         # duplicates only
    case(100, list(range(1, 2001, 2))),
    case(rng.randint(-10, 10), [rng.randint(-20, 20) for _ in range(300)]),
])
