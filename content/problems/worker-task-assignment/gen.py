"""Deterministic test generator for worker-task-assignment (python3 gen.py)."""
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
rng = random.Random(3005)
C = 10**6


def emit(kind, cases):
    folder = HERE / "tests" / kind
    folder.mkdir(parents=True, exist_ok=True)
    for i, text in enumerate(cases, 1):
        (folder / f"{i:02d}.in").write_text(text)


def case(m):
    return f"{len(m)}\n" + "".join(" ".join(map(str, row)) + "\n" for row in m)


def rand_matrix(n, cmax, p_forbid=0.0):
    return [[-1 if rng.random() < p_forbid else rng.randint(0, cmax) for _ in range(n)] for _ in range(n)]


hall = rand_matrix(16, C)
for i in range(3):            # workers 0..2 may only take shifts 0..1: Hall's condition fails
    for j in range(2, 16):
        hall[i][j] = -1
emit("visible", [
    case([[4, 1, 3], [2, 0, 5], [3, 2, 2]]),
    case([[7]]),
    case([[-1, 5], [-1, 3]]),
])
emit("hidden", [
    case([[-1]]),                                 # n = 1, forbidden
    case([[0] * 16 for _ in range(16)]),          # all zero
    case(rand_matrix(16, C)),                     # LARGE: n = 16 random
    case(rand_matrix(16, C, 0.5)),                # LARGE: many forbidden pairs
    case([[C] * 16 for _ in range(16)]),          # max costs: 1.6e7
    case(hall),                                   # impossible, but every row has options
    case(rand_matrix(16, 10)),                    # many ties
    case([[(i * j) % 17 for j in range(16)] for i in range(16)]),
    case(rand_matrix(10, 100, 0.3)),
])
