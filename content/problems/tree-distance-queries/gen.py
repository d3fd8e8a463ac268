"""Deterministic test generator for tree-distance-queries (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(2009)
N = 30_000


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(parents, queries):
    n = len(parents) + 1
    return f"{n}\n{' '.join(map(str, parents))}\n{len(queries)}\n" + "".join(f"{u} {v}\n" for u, v in queries)


def tree(n, spread):
    """Parents p_2..p_n of a random tree on shuffled labels, root stays 1."""
    label = [1] + rng.sample(range(2, n + 1), n - 1)
    par = [0] * (n + 1)
    for i in range(1, n):
        par[label[i]] = label[rng.randint(max(0, i - spread), i - 1)]
    return par[2:]


def rq(n, q):
    return [(rng.randint(1, n), rng.randint(1, n)) for _ in range(q)]


emit("visible", [
    case([1, 1, 3, 3], [(4, 5), (4, 2), (1, 1), (5, 3)]),
    case([], [(1, 1)]),
    case([3, 1, 2], [(4, 1), (2, 4), (3, 2)]),
])
emit("hidden", [
    case([1], [(1, 2), (2, 1), (2, 2)]),                          # n = 2
    case(tree(N, 1), rq(N, N)),                                   # LARGE: path, deep
    case(tree(8000, 8000), rq(8000, 3000)),                       # shallow random
    case(tree(5000, 4), rq(5000, 5000)),                          # deep bushy
    case([1] * 999, rq(1000, 1000)),                              # star
    case([v // 2 for v in range(2, 4096)], rq(4095, 3000)),       # perfect binary tree
    case(tree(2000, 2000), [(v, v) for v in range(1, 2001)]),     # u = v
    case(tree(3000, 2), [(1, v) for v in range(1, 3001)]),        # distance = depth
    case([3, 4, 1], [(2, 3), (4, 2), (1, 2)]),
])
