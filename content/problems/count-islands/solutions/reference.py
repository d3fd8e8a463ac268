import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    r, c = int(data[0]), int(data[1])
    w = c + 2  # padded with a water border so neighbours never leave the grid
    land = bytearray(w * (r + 2))
    for i in range(r):
        row = data[2 + i]
        land[(i + 1) * w + 1:(i + 1) * w + 1 + c] = row.replace(b".", b"\x00").replace(b"#", b"\x01")
    islands = best = 0
    steps = (1, -1, w, -w)
    for start in range(len(land)):
        if not land[start]:
            continue
        islands += 1
        land[start] = 0
        stack = [start]
        size = 0
        while stack:
            v = stack.pop()
            size += 1
            for d in steps:
                u = v + d
                if land[u]:
                    land[u] = 0
                    stack.append(u)
        if size > best:
            best = size
    print(islands, best)


main()
