"""Deterministic test generator for budget-cap (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(1017)
A = 10**9
N = 50_000


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(budget, a):
    return f"{len(a)} {budget}\n{' '.join(map(str, a))}\n"


big = [rng.randint(1, A) for _ in range(N)]
emit("visible", [
    case(15, [2, 7, 5, 9]),
    case(100, [10, 20, 30]),
    case(2, [5, 5, 5]),
])
emit("hidden", [
    case(0, [1]),                                   # n = 1, zero budget -> cap 0
    case(1, [1]),                                   # exactly enough -> -1
    case(10**14, [A] * 1000),                       # huge budget -> -1
    case(sum(big) - 1, big),                        # LARGE: one coin short
    case(sum(big[:5000]) // 3, big[:5000]),
    case(10**13, [A] * 20_000 + [1] * 20_000),      # 64-bit totals
    case(999, [rng.randint(1, 100) for _ in range(3000)]),
    case(7, [3, 3, 3]),                             # 7 // 3 = 2
    case(12, [1, 2, 3, 100, 100]),
])
