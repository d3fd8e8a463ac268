"""Deterministic test generator for city-shortest-route (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(2006)


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(n, edges):
    rng.shuffle(edges)
    return f"{n} {len(edges)}\n" + "".join(f"{u} {v} {w}\n" for u, v, w in edges)


def random_graph(n, m, wmax):
    edges = [(i, i + 1, rng.randint(1, wmax)) for i in range(1, n)]  # keeps n reachable
    while len(edges) < m:
        u, v = rng.randint(1, n), rng.randint(1, n)
        if u != v:
            edges.append((u, v, rng.randint(1, wmax)))
    return edges


def diamonds(k):
    """k diamonds in a row, every diamond has two equal branches -> 2^k shortest routes."""
    edges, cur, nxt = [], 1, 2
    for _ in range(k):
        a, b, end = nxt, nxt + 1, nxt + 2
        edges += [(cur, a, 1), (cur, b, 1), (a, end, 1), (b, end, 1)]
        cur, nxt = end, nxt + 3
    return cur, edges


dn, dedges = diamonds(1500)
emit("visible", [
    case(4, [(1, 2, 1), (2, 4, 3), (1, 3, 2), (3, 4, 2), (1, 4, 5)]),
    case(3, [(2, 1, 1), (2, 3, 1)]),
    case(3, [(1, 2, 2), (1, 2, 2), (2, 3, 1), (1, 3, 3)]),
])
emit("hidden", [
    case(2, [(1, 2, 10_000)]),                                    # minimal
    case(2, [(2, 1, 1)]),                                         # unreachable
    case(dn, dedges),                                             # 2^1500 routes: modulus matters
    case(20_000, random_graph(20_000, 30_000, 10_000)),           # LARGE random
    case(10_000, [(i, i + 1, 10_000) for i in range(1, 10_000)]), # long path
    case(1000, random_graph(1000, 8000, 3)),                    # dense, tiny weights: many ties
    case(500, [(u, v, 1) for u in range(1, 501) for v in (u + 1, u + 2) if v <= 500]),  # Fibonacci count
    case(5, [(1, 2, 1), (2, 3, 1), (3, 1, 1), (4, 5, 1)]),         # cycle, n unreachable
    case(300, random_graph(300, 2000, 100)),
])
