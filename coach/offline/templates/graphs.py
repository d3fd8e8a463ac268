"""Graph templates: shortest path in a grid (BFS), connected components (union-find / BFS)."""

from __future__ import annotations

import random

from coach.models import Difficulty
from coach.offline.templates.base import NAMES, Draft, Template, fill, lines, power_text, statement

# --- grid shortest path ------------------------------------------------------

_GRID_REFERENCE = """import sys
from collections import deque


def main():
    data = sys.stdin.read().split()
    rows, cols = int(data[0]), int(data[1])
    grid = data[2:2 + rows]
    start = goal = None
    for r in range(rows):
        for c in range(cols):
            if grid[r][c] == "S":
                start = (r, c)
            elif grid[r][c] == "T":
                goal = (r, c)
    moves = @MOVES@
    dist = [[-1] * cols for _ in range(rows)]
    dist[start[0]][start[1]] = 0
    queue = deque([start])
    while queue:
        r, c = queue.popleft()
        if (r, c) == goal:
            break
        for dr, dc in moves:
            nr, nc = r + dr, c + dc
            if 0 <= nr < rows and 0 <= nc < cols and grid[nr][nc] != "#" and dist[nr][nc] < 0:
                dist[nr][nc] = dist[r][c] + 1
                queue.append((nr, nc))
    print(dist[goal[0]][goal[1]])


main()
"""

_GRID_BRUTE = """rows, cols = map(int, input().split())
grid = [input().strip() for _ in range(rows)]
INF = float("inf")
dist = {}
for r in range(rows):
    for c in range(cols):
        dist[(r, c)] = 0 if grid[r][c] == "S" else INF
changed = True
while changed:
    changed = False
    for (r, c), d in list(dist.items()):
        if grid[r][c] == "#" or d == INF:
            continue
        for dr, dc in @MOVES@:
            key = (r + dr, c + dc)
            if key in dist and grid[key[0]][key[1]] != "#" and dist[key] > d + 1:
                dist[key] = d + 1
                changed = True
goal = next((r, c) for r in range(rows) for c in range(cols) if grid[r][c] == "T")
print(dist[goal] if dist[goal] != INF else -1)
"""

_FOUR = "((1, 0), (-1, 0), (0, 1), (0, -1))"
_EIGHT = "((1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (1, -1), (-1, 1), (-1, -1))"
_GRID_SIDES = {"easy": 30, "medium": 200, "hard": 500}


def _grid(rng: random.Random, rows: int, cols: int, walls: float) -> str:
    cells = [["#" if rng.random() < walls else "." for _ in range(cols)] for _ in range(rows)]
    spots = rng.sample(range(rows * cols), 2)
    (sr, sc), (tr, tc) = divmod(spots[0], cols), divmod(spots[1], cols)
    cells[sr][sc], cells[tr][tc] = "S", "T"
    return lines(f"{rows} {cols}", *("".join(row) for row in cells))


def build_grid_path(rng: random.Random, difficulty: Difficulty) -> Draft:
    name = rng.choice(NAMES)
    king = rng.random() < 0.35
    side = _GRID_SIDES[difficulty]
    move_text = (
        "to any of the 8 neighbouring cells (including diagonals)"
        if king
        else "up, down, left or right"
    )
    story = (
        f"{name} is lost in a warehouse drawn as a grid of R rows and C columns. '#' cells are "
        "shelves, '.' "
        f"cells are free floor, {name} stands on 'S' and the exit is 'T'. In one move {name} "
        f"steps {move_text} "
        "onto a free cell. What is the smallest number of moves to reach the exit?"
    )
    small = [
        lines("1 2", "ST"),
        lines("1 3", "S#T"),
        lines("3 3", "S#.", "##.", "..T"),
        lines("3 3", "S..", ".#.", "..T"),
        *[
            _grid(rng, rng.randint(1, 6), rng.randint(2, 6), rng.choice((0.1, 0.3)))
            for _ in range(4)
        ],
    ]
    large = [
        _grid(rng, side, side, 0.25),
        _grid(rng, side, side, 0.0),
        _grid(rng, side, side // 2 + 1, 0.4),
    ]
    return Draft(
        title="Warehouse Exit",
        statement=statement(
            story,
            "The first line contains R and C. Each of the next R lines contains C characters from "
            "'.', '#', 'S', 'T'. There is exactly one 'S' and exactly one 'T'.",
            "Print the minimum number of moves, or -1 if the exit cannot be reached.",
        ),
        constraints=f"1 ≤ R, C ≤ {side}\n2 ≤ R·C",
        reference=fill(_GRID_REFERENCE, MOVES=_EIGHT if king else _FOUR),
        brute_force=fill(_GRID_BRUTE, MOVES=_EIGHT if king else _FOUR),
        examples=[_grid(rng, 4, 5, 0.25)],
        small_inputs=small,
        large_inputs=large,
        hints=[
            "Every move costs the same. Which graph search finds the fewest moves in that case?",
            "Explore cells in order of distance from S with a queue; the first time you reach a "
            "cell is along a shortest path.",
            "Mark a cell as visited when you add it to the queue, not when you take it out, or "
            "cells get added many times.",
        ],
        expected_complexity="O(R·C)",
        topics=["graphs", "bfs"],
    )


# --- connected components ----------------------------------------------------

_COMPONENTS_REFERENCE = """import sys


def main():
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    parent = list(range(n + 1))
    size = [1] * (n + 1)

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    groups = n
    for k in range(m):
        a, b = find(int(data[2 + 2 * k])), find(int(data[3 + 2 * k]))
        if a != b:
            if size[a] < size[b]:
                a, b = b, a
            parent[b] = a
            size[a] += size[b]
            groups -= 1
    print(@ANSWER@)


main()
"""

_COMPONENTS_BRUTE = """n, m = map(int, input().split())
edges = [tuple(map(int, input().split())) for _ in range(m)]
label = list(range(n + 1))
changed = True
while changed:
    changed = False
    for a, b in edges:
        low = min(label[a], label[b])
        if label[a] != low or label[b] != low:
            label[a] = label[b] = low
            changed = True
counts = {}
for v in range(1, n + 1):
    counts[label[v]] = counts.get(label[v], 0) + 1
print(@BRUTE_ANSWER@)
"""


def build_components(rng: random.Random, difficulty: Difficulty) -> Draft:
    name = rng.choice(NAMES)
    variant = rng.choice(("count", "largest"))
    n_max = {"easy": 1000, "medium": 10**5, "hard": 2 * 10**5}[difficulty]
    if variant == "count":
        answer, brute_answer = "groups", "len(counts)"
        ask = (
            "how many separate groups of islands there are (islands connected directly or "
            "through other islands)"
        )
    else:
        answer, brute_answer = "max(size[find(v)] for v in range(1, n + 1))", "max(counts.values())"
        ask = "how many islands the largest group of connected islands contains"
    story = (
        f"{name} maps an archipelago of n islands numbered 1 to n and m bridges, each joining two "
        "islands. "
        f"Find {ask}."
    )

    def case(n: int, m: int) -> str:
        edges = [f"{rng.randint(1, n)} {rng.randint(1, n)}" for _ in range(m)]
        return lines(f"{n} {m}", *edges)

    small = [
        lines("1 0"),
        lines("3 0"),
        lines("2 1", "1 2"),
        lines("4 2", "1 1", "2 3"),
        case(6, 3),
        case(8, 8),
    ]
    small += [case(rng.randint(2, 10), rng.randint(0, 10)) for _ in range(2)]
    chain = lines(f"{n_max} {n_max - 1}", *(f"{v} {v + 1}" for v in range(1, n_max)))
    large = [case(n_max, n_max // 2), case(n_max, n_max), chain]
    return Draft(
        title="Island Bridges",
        statement=statement(
            story,
            "The first line contains n and m. Each of the next m lines contains two island "
            "numbers a and b "
            "joined by a bridge (a bridge may join an island to itself; bridges may repeat).",
            "Print one integer, the answer.",
        ),
        constraints=f"1 ≤ n ≤ {power_text(n_max)}\n0 ≤ m ≤ {power_text(n_max)}",
        reference=fill(_COMPONENTS_REFERENCE, ANSWER=answer),
        brute_force=fill(_COMPONENTS_BRUTE, BRUTE_ANSWER=brute_answer),
        examples=[case(7, 4)],
        small_inputs=small,
        large_inputs=large,
        hints=[
            "Think of islands as nodes and bridges as edges. What are the groups in graph terms?",
            "A BFS/DFS from every unvisited island finds one whole group at a time. (In Python, "
            "use an explicit stack or a queue: the islands can form a chain of length n.)",
            "Alternatively, union-find merges the two groups of every bridge in almost O(1).",
        ],
        expected_complexity="O(n + m) (near-linear with union-find)",
        topics=["graphs", "union-find", "bfs"],
    )


TEMPLATES = (
    Template("grid-path", ("graphs", "bfs"), build_grid_path, "fewest moves in a grid maze"),
    Template(
        "components",
        ("graphs", "union-find", "bfs"),
        build_components,
        "connected groups of islands",
    ),
)
