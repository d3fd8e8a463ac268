"""Deterministic test generator for divisible-by-either (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(1006)
E = 10**18


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(qs):
    return f"{len(qs)}\n" + "".join(f"{lo} {hi} {a} {b}\n" for lo, hi, a, b in qs) + ""


def rand_query(maxv):
    lo = rng.randint(1, maxv)
    hi = rng.randint(lo, maxv)
    return lo, hi, rng.randint(1, maxv), rng.randint(1, maxv)


emit("visible", [
    case([(1, 10, 2, 3), (5, 5, 5, 7), (1, 100, 4, 6)]),
    case([(10, 20, 10, 10), (1, 1, 2, 3)]),
    case([(1, 1000000, 1, 999), (7, 13, 20, 30)]),
])
emit("hidden", [
    case([(1, 1, 1, 1)]),                                                      # minimal
    case([(1, E, 1, 1), (1, E, E, E), (E, E, E, 1), (1, E, 2, 3)]),           # extremes
    case([(1, E, 999999999989, 999999999959), (1, E, 10**9 + 7, 10**9 + 9)]),  # lcm > 10^18
    case([(1, E, 2 * 10**17, 5 * 10**17), (E - 5, E, 3, E - 1)]),
    case([rand_query(E) for _ in range(3000)]),                                # LARGE, huge values
    case([rand_query(100) for _ in range(2000)]),
    case([(lambda g: (1, E, g * rng.randint(1, 9999), g * rng.randint(1, 9999)))(rng.randint(1, 10**12))
          for _ in range(1000)]),                                              # large shared factors
    case([(rng.randint(1, 10**6), rng.randint(10**6, 10**12), rng.randint(1, 50), rng.randint(1, 50))
          for _ in range(3000)]),
    case([(1, 12, 4, 6), (2, 3, 5, 7), (6, 6, 4, 6), (13, 23, 12, 8)]),
])
