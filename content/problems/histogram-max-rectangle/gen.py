"""Deterministic test generator for histogram-max-rectangle (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(2004)
N = 50_000
H = 10**9


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(h):
    return f"{len(h)}\n{' '.join(map(str, h))}\n"


emit("visible", [
    case([2, 1, 5, 6, 2, 3]),
    case([4, 4, 4]),
    case([0, 3, 0, 2]),
])
emit("hidden", [
    case([0]),                                                  # n = 1, zero
    case([H]),                                                  # n = 1, max
    case([rng.randint(H - 10**6, H) for _ in range(N)]),        # LARGE: area ~5e13
    case(list(range(1, 5001))),                                 # increasing
    case(list(range(5000, 0, -1))),                             # decreasing
    case([rng.randint(0, 10) for _ in range(5000)]),            # many equal heights
    case([H, 0] * 1000),
    case([rng.randint(0, H) for _ in range(3000)]),
    case([3, 1, 3, 2, 2, 2, 3, 1]),
])
