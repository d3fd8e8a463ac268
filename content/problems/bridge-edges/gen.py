"""Deterministic test generator for bridge-edges (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(3007)
N = 20_000


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(n, edges):
    rng.shuffle(edges)
    edges = [(u, v) if rng.random() < 0.5 else (v, u) for u, v in edges]
    return f"{n} {len(edges)}\n" + "".join(f"{u} {v}\n" for u, v in edges)


def relabel(n, edges):
    perm = list(range(1, n + 1))
    rng.shuffle(perm)
    return [(perm[u - 1], perm[v - 1]) for u, v in edges]


def cactus_chain(blocks, size):
    """Cycles of `size` joined by single bridges, plus some pendant trees."""
    edges, nxt = [], 1
    prev_anchor = None
    for _ in range(blocks):
        cyc = list(range(nxt, nxt + size))
        nxt += size
        edges += [(cyc[i], cyc[(i + 1) % size]) for i in range(size)] if size > 2 else [(cyc[0], cyc[1]), (cyc[0], cyc[1])]
        if prev_anchor is not None:
            edges.append((prev_anchor, cyc[0]))
        prev_anchor = cyc[-1]
    return nxt - 1, edges


def random_edges(n, m):
    edges = []
    while len(edges) < m:
        u, v = rng.randint(1, n), rng.randint(1, n)
        if u != v:
            edges.append((u, v))
    return edges


cn, cedges = cactus_chain(2500, 4)
emit("visible", [
    case(5, [(1, 2), (2, 3), (3, 1), (3, 4), (4, 5)]),
    case(3, [(1, 2), (1, 2), (2, 3)]),
    case(4, []),
])
emit("hidden", [
    case(1, []),                                                         # n = 1
    case(2, [(1, 2)]),                                                   # single bridge
    case(N, relabel(N, [(i, i + 1) for i in range(1, N)])),              # LARGE path: all bridges, deep
    case(cn, relabel(cn, cedges)),                                       # cycles joined by bridges
    case(N, random_edges(N, 24_000)),                                    # random sparse, many components
    case(1000, [(i, i % 1000 + 1) for i in range(1, 1001)]),            # one big cycle: no bridges
    case(2000, relabel(2000, [(i, i + 1) for i in range(1, 2000)] * 2)),  # doubled path: no bridges
    case(9, [(1, 2), (2, 3), (3, 1), (4, 5), (5, 6), (6, 4), (3, 4), (7, 8), (8, 9)]),  # components
    case(3000, relabel(3000, [(i, rng.randint(max(1, i - 5), i - 1)) for i in range(2, 3001)]
                       + random_edges(3000, 100))),
])
