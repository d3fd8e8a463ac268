"""Deterministic test generator for prime-count-queries (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(1016)
M = 5 * 10**6


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(qs):
    return f"{len(qs)}\n" + "".join(f"{lo} {hi}\n" for lo, hi in qs)


def rq(maxv):
    a, b = rng.randint(1, maxv), rng.randint(1, maxv)
    return min(a, b), max(a, b)


emit("visible", [
    case([(1, 20), (10, 10), (11, 13)]),
    case([(1, 1), (2, 2), (1, 100)]),
    case([(14, 16), (90, 110)]),
])
emit("hidden", [
    case([(1, 1)]),                                              # minimum, no primes
    case([(1, M), (M, M), (M - 100, M), (4999963, 4999963)]),    # upper limit (4999963 is prime)
    case([rq(M) for _ in range(20_000)]),                        # LARGE
    case([rq(100) for _ in range(2000)]),
    case([(x, x) for x in range(1, 3001)]),                      # single points
    case([(1, x) for x in range(1, 2001)]),
    case([(x, x + rng.randint(0, 200)) for x in (rng.randint(1, M - 200) for _ in range(3000))]),
    case([(24, 28), (114, 126), (1327, 1360)]),                  # prime gaps
    case([(2, 3), (1, 2), (3, 3), (4, 4)]),
])
