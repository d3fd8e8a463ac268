"""Deterministic test generator for network-merge-queries (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(2016)
N = 50_000


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(n, ops):
    return f"{n} {len(ops)}\n" + "".join(" ".join(map(str, op)) + "\n" for op in ops)


def random_ops(n, q, p_union):
    ops = []
    for _ in range(q):
        r = rng.random()
        if r < p_union:
            ops.append((1, rng.randint(1, n), rng.randint(1, n)))
        elif r < p_union + (1 - p_union) / 2:
            ops.append((2, rng.randint(1, n), rng.randint(1, n)))
        elif r < 0.97:
            ops.append((3, rng.randint(1, n)))
        else:
            ops.append((4,))
    return ops


chain = [(1, i, i + 1) for i in range(1, 10_000)] + [(2, 1, 10_000), (3, 5000), (4,), (2, 1, N)]
emit("visible", [
    case(5, [(1, 1, 2), (1, 2, 3), (2, 1, 3), (2, 1, 4), (3, 2), (4,)]),
    case(3, [(4,), (1, 2, 2), (4,), (3, 3)]),
    case(4, [(1, 1, 2), (1, 3, 4), (1, 2, 1), (2, 2, 4), (1, 4, 2), (2, 1, 3), (3, 4), (4,)]),
])
emit("hidden", [
    case(1, [(4,), (3, 1), (2, 1, 1), (1, 1, 1), (4,)]),           # n = 1
    case(N, chain),                                                # long chain built in order
    case(N, random_ops(N, 30_000, 0.5)),                           # LARGE random
    case(N, [(1, 1, v) for v in range(2, 5000)] + [(3, 7), (4,), (2, 2, 4999), (2, 2, 5000)]),  # star
    case(1000, random_ops(1000, 20_000, 0.05)),                    # few unions, many queries
    case(200, random_ops(200, 5000, 0.5)),
    case(10, [(1, 1, 2)] * 5 + [(3, 1), (4,)]),                     # repeated same union
    case(N, [(4,)] * 1000 + [(3, N)] * 10),                        # no unions at all
    case(8, [(1, 1, 2), (1, 3, 4), (1, 5, 6), (1, 7, 8), (1, 2, 4), (1, 6, 8), (2, 1, 8), (1, 4, 8), (2, 1, 8), (3, 5), (4,)]),
])
