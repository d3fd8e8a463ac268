"""Deterministic test generator for toll-vouchers (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(3003)
W = 10**6


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(n, k, edges):
    rng.shuffle(edges)
    return f"{n} {len(edges)} {k}\n" + "".join(f"{u} {v} {w}\n" for u, v, w in edges)


def random_graph(n, m, wmax, connected=True):
    edges = []
    if connected:
        order = list(range(2, n + 1))
        rng.shuffle(order)
        order = [1] + order
        for i in range(1, n):
            edges.append((order[i], order[rng.randrange(i)], rng.randint(1, wmax)))
    while len(edges) < m:
        u, v = rng.randint(1, n), rng.randint(1, n)
        if u != v:
            edges.append((u, v, rng.randint(1, wmax)))
    return edges


def trap(n):
    """Cheap long route vs. short route with huge tolls: vouchers flip the choice."""
    edges = [(i, i + 1, 1) for i in range(1, n)]           # n-1 cheap hops
    edges += [(1, n // 2, W), (n // 2, n, W)]             # two expensive shortcuts
    return edges


emit("visible", [
    case(4, 1, [(1, 2, 4), (2, 4, 4), (1, 3, 1), (3, 4, 10)]),
    case(3, 0, [(1, 2, 5), (2, 3, 7)]),
    case(4, 3, [(1, 2, 1), (3, 4, 1)]),
])
emit("hidden", [
    case(2, 0, [(1, 2, W)]),                                   # minimal, no voucher
    case(2, 3, [(2, 1, W), (1, 2, 5)]),                        # parallel roads, voucher makes it 0
    case(10_000, 3, random_graph(10_000, 20_000, W)),          # LARGE random
    case(10_000, 0, [(i, i + 1, W) for i in range(1, 10_000)]),  # long path: 64-bit total
    case(5000, 1, trap(5000)),                                 # one voucher: shortcut + cheap hops
    case(5000, 2, trap(5000)),
    case(3000, 2, random_graph(3000, 8000, 20)),             # dense, small tolls
    case(6, 3, [(1, 2, 1), (2, 3, 1), (4, 5, 1), (5, 6, 1)]),  # unreachable
    case(500, 1, random_graph(500, 1500, W)),
])
