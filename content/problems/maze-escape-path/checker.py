"""Checker for maze-escape-path (testlib argv: input, contestant output, expected answer).

Replays the contestant's moves on the maze: accepted when they stay on free cells, end at T
and are as few as the reference's. Exit 0 accepts, 1 rejects (the message goes to the user).
"""
import sys

STEPS = {"U": (-1, 0), "D": (1, 0), "L": (0, -1), "R": (0, 1)}


def reject(message: str) -> None:
    print(message)
    sys.exit(1)


def main() -> None:
    data = open(sys.argv[1], "rb").read().split()
    n, m = int(data[0]), int(data[1])
    grid = [row.decode() for row in data[2:2 + n]]
    answer = open(sys.argv[3], "rb").read().split()
    got = open(sys.argv[2], "rb").read().split()
    best = int(answer[0])
    if best < 0:
        if got != [b"-1"]:
            reject("T cannot be reached: the answer is -1")
        return
    if got == [b"-1"]:
        reject("T can be reached")
    if len(got) != 2 or not got[0].isdigit():
        reject("expected the number of moves and the moves")
    k, moves = int(got[0]), got[1].decode("ascii", "replace")
    if k != len(moves):
        reject(f"said {k} moves but gave {len(moves)}")
    if k != best:
        reject(f"{k} moves is not the fewest")
    r, c = next((i, row.index("S")) for i, row in enumerate(grid) if "S" in row)
    for step, move in enumerate(moves, 1):
        if move not in STEPS:
            reject(f"move {step}: {move!r} is not one of U, D, L, R")
        dr, dc = STEPS[move]
        r, c = r + dr, c + dc
        if not (0 <= r < n and 0 <= c < m):
            reject(f"move {step} leaves the grid")
        if grid[r][c] == "#":
            reject(f"move {step} walks into a wall at row {r + 1}, column {c + 1}")
    if grid[r][c] != "T":
        reject(f"the route ends at row {r + 1}, column {c + 1}, not at T")


main()
