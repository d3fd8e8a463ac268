import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    vals = list(map(int, data[2:2 + 2 * m]))
    adj = [[] for _ in range(n + 1)]
    for i in range(m):
        u, v = vals[2 * i], vals[2 * i + 1]
        adj[u].append((v, i))
        adj[v].append((u, i))
    tin = [0] * (n + 1)  # 0 = unvisited
    low = [0] * (n + 1)
    timer = 0
    bridges = []
    for root in range(1, n + 1):
        if tin[root]:
            continue
        timer += 1
        tin[root] = low[root] = timer
        # stack frames: (vertex, edge id used to enter, iterator position)
        stack = [(root, -1, 0)]
        while stack:
            v, via, pos = stack[-1]
            nbrs = adj[v]
            if pos < len(nbrs):
                stack[-1] = (v, via, pos + 1)
                w, eid = nbrs[pos]
                if eid == via:
                    continue
                if tin[w]:
                    if tin[w] < low[v]:
                        low[v] = tin[w]
                else:
                    timer += 1
                    tin[w] = low[w] = timer
                    stack.append((w, eid, 0))
            else:
                stack.pop()
                if stack:
                    p = stack[-1][0]
                    if low[v] < low[p]:
                        low[p] = low[v]
                    if low[v] > tin[p]:
                        bridges.append((min(p, v), max(p, v)))
    bridges.sort()
    out = [str(len(bridges))] + [f"{a} {b}" for a, b in bridges]
    sys.stdout.write("\n".join(out) + "\n")


main()
