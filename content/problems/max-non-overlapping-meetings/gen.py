"""Deterministic test generator for max-non-overlapping-meetings (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(1013)
T = 10**9
N = 30_000


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(ms):
    return f"{len(ms)}\n" + "".join(f"{s} {e}\n" for s, e in ms)


def rand_meeting(maxlen, horizon=T):
    s = rng.randint(0, horizon - 1)
    return s, min(horizon, s + rng.randint(1, maxlen))


emit("visible", [
    case([(1, 3), (2, 7), (3, 5), (6, 8)]),
    case([(0, 10), (0, 10), (0, 10)]),
    case([(5, 6), (1, 2), (3, 4), (2, 3)]),
])
emit("hidden", [
    case([(0, T)]),                                              # n = 1, extreme interval
    case([(i, i + 1) for i in range(1000)][::-1]),               # back-to-back touching
    case([(0, T)] + [(i * 10, i * 10 + 5) for i in range(500)]), # long one vs many short
    case([rand_meeting(T // 1000) for _ in range(N)]),           # LARGE random
    case([rand_meeting(30, 100) for _ in range(3000)]),          # many duplicates/overlaps
    case([(7, 9)] * 2000),                                       # all identical
    case([(i, T - i) for i in range(2000)]),                     # nested
    case([(T - 2, T - 1), (T - 1, T), (0, 1)]),
    case([rand_meeting(10**6, 10**7) for _ in range(5000)]),
])
