"""Deterministic test generator for course-schedule-order (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(2007)


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(n, edges):
    return f"{n} {len(edges)}\n" + "".join(f"{a} {b}\n" for a, b in edges)


def random_dag(n, m):
    perm = list(range(1, n + 1))
    rng.shuffle(perm)  # hidden topological order
    edges = []
    while len(edges) < m:
        i, j = rng.randrange(n), rng.randrange(n)
        if i != j:
            i, j = min(i, j), max(i, j)
            edges.append((perm[i], perm[j]))
    return edges


big = random_dag(30_000, 50_000)
cyc = random_dag(6000, 9999)
# close a cycle deep inside the DAG: reverse one random edge's direction with a path back
a, b = cyc[0]
cyc.append((b, a))
emit("visible", [
    case(4, [(2, 1), (3, 1), (2, 4)]),
    case(3, [(1, 2), (2, 3), (3, 1)]),
    case(5, []),
])
emit("hidden", [
    case(1, []),                                                     # n = 1
    case(2, [(2, 1), (2, 1), (2, 1)]),                               # repeated requirement
    case(2, [(1, 2), (2, 1)]),                                       # 2-cycle
    case(30_000, big),                                               # LARGE DAG
    case(6000, cyc),                                                 # with one cycle
    case(10_000, [(i + 1, i) for i in range(1, 10_000)]),            # reversed chain
    case(2000, random_dag(2000, 1500)),                              # sparse, many choices
    case(6, [(6, 5), (5, 4), (4, 6), (1, 2)]),                       # cycle not involving 1
    case(10, [(10, 1), (9, 2), (8, 3), (7, 4), (6, 5)]),
])
