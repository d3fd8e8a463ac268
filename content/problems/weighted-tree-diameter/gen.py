"""Deterministic test generator for weighted-tree-diameter (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(2008)
N = 20_000
W = 10**6


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(n, edges):
    return f"{n}\n" + "".join(f"{u} {v} {w}\n" for u, v, w in edges)


def tree(n, spread, wmax=W, wmin=1):
    """Random tree on shuffled labels; each node attaches to one of the `spread` previous ones."""
    label = list(range(1, n + 1))
    rng.shuffle(label)
    edges = []
    for i in range(1, n):
        j = rng.randint(max(0, i - spread), i - 1)
        u, v = label[i], label[j]
        if rng.random() < 0.5:
            u, v = v, u
        edges.append((u, v, rng.randint(wmin, wmax)))
    rng.shuffle(edges)
    return case(n, edges)


emit("visible", [
    case(5, [(1, 2, 3), (2, 3, 2), (2, 4, 1), (3, 5, 4)]),
    case(1, []),
    case(4, [(1, 2, 5), (1, 3, 5), (1, 4, 5)]),
])
emit("hidden", [
    case(2, [(2, 1, W)]),                                     # n = 2
    tree(N, 1, W, W),                                         # LARGE path: 3e10, 64-bit
    tree(8000, 8000),                                         # random, shallow
    tree(5000, 3),                                            # deep random
    case(1000, [(1, v, rng.randint(1, W)) for v in range(2, 1001)]),  # star
    tree(2000, 2000, 1, 1),                                   # unit weights
    case(7, [(1, 2, 1), (1, 3, 1), (2, 4, 100), (2, 5, 100), (3, 6, 1), (6, 7, 1)]),  # diameter avoids root
    tree(3000, 10, 3),
    tree(300, 300),
])
