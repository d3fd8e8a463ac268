import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    children = [[] for _ in range(n + 1)]
    for v, p in enumerate(map(int, data[1:n]), 2):
        children[p].append(v)
    depth = [0] * (n + 1)
    order = [1]
    for v in order:  # BFS: the list grows while we iterate
        d = depth[v] + 1
        for c in children[v]:
            depth[c] = d
            order.append(c)
    height = max(depth)
    leaves = sum(1 for v in range(1, n + 1) if not children[v])
    deepest = depth.count(height) - (1 if height == 0 else 0)  # depth[0] is a dummy slot
    print(height, leaves, deepest)


main()
