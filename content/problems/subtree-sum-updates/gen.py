"""Deterministic test generator for subtree-sum-updates (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(3004)
N = 20_000
B = 10**9


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(parents, values, ops):
    n = len(values)
    return (f"{n}\n{' '.join(map(str, parents))}\n{' '.join(map(str, values))}\n{len(ops)}\n"
            + "".join(" ".join(map(str, op)) + "\n" for op in ops))


def tree(n, spread):
    label = [1] + rng.sample(range(2, n + 1), n - 1)
    par = [0] * (n + 1)
    for i in range(1, n):
        par[label[i]] = label[rng.randint(max(0, i - spread), i - 1)]
    return par[2:]


def ops(n, q, vmax):
    res = []
    for _ in range(q):
        t = rng.randint(1, 3)
        x = rng.randint(1, n)
        res.append((1, x, rng.randint(-vmax, vmax)) if t == 1 else (t, x))
    return res


def vals(n, vmax):
    return [rng.randint(-vmax, vmax) for _ in range(n)]


emit("visible", [
    case([1, 1, 3, 3], [1, 2, 3, 4, 5], [(2, 3), (3, 5), (1, 3, -10), (2, 1), (3, 4)]),
    case([], [7], [(2, 1), (1, 1, -7), (3, 1)]),
    case([3, 1], [1, 10, 100], [(2, 3), (3, 2), (2, 2)]),
])
emit("hidden", [
    case([1], [B, B], [(2, 1), (3, 2), (1, 1, -B), (2, 1), (3, 2)]),           # n = 2
    case(tree(N, 1), [B] * N, [(3, x) for x in rng.sample(range(1, N + 1), 5000)] + [(2, 1)]),  # LARGE path: 2e13
    case(tree(N, N), vals(N, B), ops(N, N, B)),                                # LARGE random
    case(tree(5000, 3), vals(5000, 100), ops(5000, 5000, 100)),                # deep bushy
    case([1] * 1999, vals(2000, B), ops(2000, 3000, B)),                       # star
    case([v // 2 for v in range(2, 2048)], vals(2047, 5), ops(2047, 3000, 5)), # binary tree
    case(tree(100, 100), [0] * 100, [(1, x, 1) for x in range(1, 101)] + [(2, 1), (3, 50)]),
    case([1, 2, 3], [-B, -B, -B, -B], [(3, 4), (2, 1), (1, 4, B), (2, 2)]),    # negatives
    case(tree(300, 2), vals(300, 1000), ops(300, 1000, 1000)),
])
