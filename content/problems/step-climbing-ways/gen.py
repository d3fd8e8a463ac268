"""Deterministic test generator for step-climbing-ways (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(1009)
N = 100_000


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(n, steps, broken):
    return f"{n} {len(steps)} {len(broken)}\n{' '.join(map(str, steps))}\n{' '.join(map(str, broken))}\n"


emit("visible", [
    case(4, [1, 2], []),
    case(6, [1, 3], [2, 4]),
    case(5, [2, 4], []),
])
emit("hidden", [
    case(1, [1], []),                                                      # minimum
    case(1, [2, 3], []),                                                   # impossible
    case(100, [100], []),                                                  # one exact jump
    case(N, [1, 2], []),                                                   # Fibonacci, mod needed
    case(N, rng.sample(range(1, 101), 10), sorted(rng.sample(range(1, N), 30_000))),  # LARGE
    case(N, list(range(91, 101)), []),                                     # LARGE, long jumps
    case(50, [1, 2, 3], list(range(1, 50))),                               # everything broken
    case(10, [1], [5]),
    case(2000, [3, 5, 7, 11], sorted(rng.sample(range(1, 2000), 300))),
])
