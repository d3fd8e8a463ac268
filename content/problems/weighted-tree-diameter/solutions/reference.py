import sys


def farthest(adj, n, src):
    dist = [-1] * (n + 1)
    dist[src] = 0
    stack = [src]
    while stack:
        u = stack.pop()
        du = dist[u]
        for v, w in adj[u]:
            if dist[v] < 0:
                dist[v] = du + w
                stack.append(v)
    best = max(range(1, n + 1), key=dist.__getitem__)
    return best, dist[best]


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    adj = [[] for _ in range(n + 1)]
    vals = list(map(int, data[1:1 + 3 * (n - 1)]))
    for i in range(0, len(vals), 3):
        u, v, w = vals[i], vals[i + 1], vals[i + 2]
        adj[u].append((v, w))
        adj[v].append((u, w))
    x, _ = farthest(adj, n, 1)
    _, d = farthest(adj, n, x)
    print(d)


main()
