"""Deterministic test generator for tree-height-leaves (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(1011)
N = 50_000


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(parents):
    """parents[v] for v = 2..n given as a dict/list aligned so parents[0] is p_2."""
    return f"{len(parents) + 1}\n{' '.join(map(str, parents))}\n"


def relabel(n, edges_parent):
    """edges_parent[i] = parent (in 0..i-1) of node i in 'build order'; shuffle labels, keep 0 as root."""
    perm = list(range(2, n + 1))
    rng.shuffle(perm)
    label = [1] + perm
    par = [0] * (n + 1)
    for i in range(1, n):
        par[label[i]] = label[edges_parent[i]]
    return par[2:]


def random_tree(n, spread):
    return relabel(n, [0] + [rng.randint(max(0, i - spread), i - 1) for i in range(1, n)])


emit("visible", [
    case([1, 1, 3, 3]),
    case([]),
    case([3, 1, 2]),
])
emit("hidden", [
    case([1]),                                                    # n = 2
    case([1] * 999),                                              # star: height 1
    case(relabel(N, [0] + list(range(0, N - 1)))),                # LARGE path, shuffled labels
    case(random_tree(20_000, 20_000)),                            # random shallow
    case(random_tree(20_000, 3)),                                 # deep, bushy
    case(relabel(2047, [0] + [(i - 1) // 2 for i in range(1, 2047)])),  # perfect binary tree
    case(random_tree(5000, 50)),
    case([v - 1 for v in range(2, 1001)] + [1] * 1000),           # path plus star
    case(relabel(3000, [0] + [i - 1 if i % 2 else max(0, i - 2) for i in range(1, 3000)])),
])
