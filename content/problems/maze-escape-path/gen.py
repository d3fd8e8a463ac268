"""Deterministic test generator for maze-escape-path (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(606)


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(rows):
    return f"{len(rows)} {len(rows[0])}\n" + "\n".join(rows) + "\n"


def random_grid(n, m, wall):
    g = [["#" if rng.random() < wall else "." for _ in range(m)] for _ in range(n)]
    cells = rng.sample(range(n * m), 2)
    for ch, c in zip("ST", cells):
        g[c // m][c % m] = ch
    return ["".join(r) for r in g]


def serpentine(n, m):
    """Walls with one gap per row, alternating sides: one long route."""
    g = [["."] * m for _ in range(n)]
    for r in range(1, n, 2):
        for c in range(m):
            g[r][c] = "#"
        g[r][m - 1 if (r // 2) % 2 == 0 else 0] = "."
    g[0][0] = "S"
    g[n - 1][0 if ((n - 1) // 2) % 2 == 1 else m - 1] = "T"
    return ["".join(r) for r in g]


open_big = [["."] * 600 for _ in range(600)]
open_big[0][0], open_big[599][599] = "S", "T"  # astronomically many shortest routes
walled = random_grid(600, 600, 0.3)
emit("visible", [
    case(["S..", ".#.", "..T"]),
    case(["S#T"]),
    case(["S....", "####.", "T...."]),
])
emit("hidden", [
    case(["ST"]),                                        # one move
    case(["S", ".", "T"]),                               # one column
    case(["S.#", "###", "#.T"]),                         # walled off
    case(["".join(r) for r in open_big]),                # LARGE open field
    case(walled),                                        # LARGE random walls
    case(serpentine(599, 600)),                          # LARGE long detour
    case(random_grid(300, 500, 0.45)),                   # near the percolation edge
    case(random_grid(50, 50, 0.2)),
    case(["T" + "." * 598 + "S"]),                       # one row, right to left
])
