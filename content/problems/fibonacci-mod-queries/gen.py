"""Deterministic test generator for fibonacci-mod-queries (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(2014)
E = 10**18
M = 10**9


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(qs):
    return f"{len(qs)}\n" + "".join(f"{n} {m}\n" for n, m in qs)


emit("visible", [
    case([(10, 7), (1, 100), (0, 5)]),
    case([(50, 1000000000), (90, 1000)]),
    case([(2, 2), (3, 2), (5, 1)]),
])
emit("hidden", [
    case([(0, 1), (1, 1), (0, 10**9)]),                                # minimal, m = 1
    case([(E, M), (E, 1), (E, 2), (E - 1, 999999937)]),                # extremes
    case([(rng.randint(0, E), rng.randint(1, M)) for _ in range(10_000)]),  # LARGE
    case([(n, 10**9) for n in range(0, 2000)]),                        # small n: exact values
    case([(rng.randint(0, E), rng.choice([2, 3, 5, 10, 1000, 1 << 29])) for _ in range(2000)]),
    case([(1 << k, 1000000007 % M) for k in range(60)]),               # powers of two
    case([(rng.randint(0, 100), rng.randint(1, 50)) for _ in range(1000)]),
    case([(60 * k, 10) for k in range(100)]),                          # Pisano period of 10 is 60
    case([(E - k, M - k) for k in range(100)]),
])
