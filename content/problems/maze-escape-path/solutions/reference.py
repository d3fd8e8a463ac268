import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    flat = b"".join(data[2:2 + n])
    start, goal = flat.index(b"S"), flat.index(b"T")
    came = bytearray(n * m)  # 0: unseen; else the move letter that reached the cell
    came[start] = ord("S")
    frontier = [start]
    wall = ord("#")
    while frontier and not came[goal]:
        nxt = []
        for cell in frontier:
            r, c = divmod(cell, m)
            if r > 0 and not came[cell - m] and flat[cell - m] != wall:
                came[cell - m] = 85  # U
                nxt.append(cell - m)
            if r < n - 1 and not came[cell + m] and flat[cell + m] != wall:
                came[cell + m] = 68  # D
                nxt.append(cell + m)
            if c > 0 and not came[cell - 1] and flat[cell - 1] != wall:
                came[cell - 1] = 76  # L
                nxt.append(cell - 1)
            if c < m - 1 and not came[cell + 1] and flat[cell + 1] != wall:
                came[cell + 1] = 82  # R
                nxt.append(cell + 1)
        frontier = nxt
    if not came[goal]:
        print(-1)
        return
    back = {85: m, 68: -m, 76: 1, 82: -1}
    moves = []
    cell = goal
    while cell != start:
        move = came[cell]
        moves.append(chr(move))
        cell += back[move]
    moves.reverse()
    print(len(moves))
    print("".join(moves))


main()
