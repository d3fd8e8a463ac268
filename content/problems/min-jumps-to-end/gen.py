"""Deterministic test generator for min-jumps-to-end (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(2013)
N = 100_000


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(a):
    return f"{len(a)}\n{' '.join(map(str, a))}\n"


trap = [rng.randint(1, 5) for _ in range(25_000)]
trap[19_990:20_000] = [1] * 10   # stones before 19_990 jump at most 5, so nobody passes 20_000
trap[20_000:20_005] = [0] * 5    # ... and stone 20_000 is a dead end
emit("visible", [
    case([1, 3, 1, 1, 4]),
    case([3, 2, 1, 0, 4]),
    case([0]),
])
emit("hidden", [
    case([0, 5]),                                       # stuck at the start
    case([100_000, 0]),                                 # one giant jump
    case([1] * N),                                      # LARGE: n - 1 jumps
    case([0 if rng.random() < 0.1 else rng.randint(3, 20) for _ in range(N)]),  # LARGE random
    case(trap),                                # unreachable in the middle
    case([rng.randint(0, 100_000) for _ in range(1000)]),
    case([2, 0, 2, 0, 2, 0, 1]),                        # zeros that can be jumped over
    case([5] + [0] * 5 + [1]),                          # 0s right before the end
    case([rng.choice([0, 1, 2]) for _ in range(3000)]),
])
