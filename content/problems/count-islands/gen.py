"""Deterministic test generator for count-islands (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(1012)


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(rows):
    return f"{len(rows)} {len(rows[0])}\n" + "\n".join(rows) + "\n"


def random_grid(r, c, p):
    return ["".join("#" if rng.random() < p else "." for _ in range(c)) for _ in range(r)]


def snake(r, c):
    rows = []
    for i in range(r):
        if i % 2 == 0:
            rows.append("#" * c)
        elif i % 4 == 1:
            rows.append("." * (c - 1) + "#")
        else:
            rows.append("#" + "." * (c - 1))
    return rows


emit("visible", [
    case(["##..#", "#...#", "..#..", "...##"]),
    case(["...", "..."]),
    case(["#.#", ".#.", "#.#"]),
])
emit("hidden", [
    case(["#"]),                                   # 1x1 land
    case(["."]),                                   # 1x1 water
    case(["#" * 600] * 600),                       # LARGE: one island, all land
    case(snake(400, 400)),                         # one long snake island
    case(random_grid(400, 400, 0.45)),             # random, near percolation
    case(["#." * 150 if i % 2 == 0 else ".#" * 150 for i in range(300)]),  # checkerboard
    case(random_grid(1, 600, 0.5)),                # single row
    case(["#"] * 300 + ["."] * 300),               # single column
    case(random_grid(200, 150, 0.6)),
])
