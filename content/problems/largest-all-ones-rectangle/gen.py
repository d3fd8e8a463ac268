"""Deterministic test generator for largest-all-ones-rectangle (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(3001)


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(rows):
    return f"{len(rows)} {len(rows[0])}\n" + "\n".join(rows) + "\n"


def grid(r, c, p_blocked):
    return ["".join("#" if rng.random() < p_blocked else "." for _ in range(c)) for _ in range(r)]


def with_holes(r, c, holes):
    g = [["."] * c for _ in range(r)]
    for _ in range(holes):
        g[rng.randrange(r)][rng.randrange(c)] = "#"
    return ["".join(row) for row in g]


emit("visible", [
    case(["#.#.#", "#....", "##..."]),
    case(["###", "###"]),
    case([".#.", "...", ".#."]),
])
emit("hidden", [
    case(["."]),                                           # 1x1 free
    case(["#"]),                                           # 1x1 blocked
    case(["." * 500] * 500),                               # LARGE: all free, 250000
    case(with_holes(500, 500, 40)),                        # big free areas with a few holes
    case(grid(300, 300, 0.2)),
    case(grid(1, 500, 0.1)),                               # single row
    case(grid(500, 1, 0.1)),                               # single column
    case(["." * (i % 50 + 1) + "#" * (199 - i % 50) for i in range(200)]),  # staircase
    case(grid(60, 80, 0.5)),
])
