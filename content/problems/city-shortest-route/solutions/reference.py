import heapq
import sys

MOD = 10**9 + 7


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    adj = [[] for _ in range(n + 1)]
    vals = list(map(int, data[2:2 + 3 * m]))
    for i in range(0, 3 * m, 3):
        adj[vals[i]].append((vals[i + 1], vals[i + 2]))
    inf = float("inf")
    dist = [inf] * (n + 1)
    ways = [0] * (n + 1)
    dist[1], ways[1] = 0, 1
    heap = [(0, 1)]
    while heap:
        d, u = heapq.heappop(heap)
        if d > dist[u]:
            continue
        wu = ways[u]
        for v, w in adj[u]:
            nd = d + w
            if nd < dist[v]:
                dist[v], ways[v] = nd, wu
                heapq.heappush(heap, (nd, v))
            elif nd == dist[v]:
                ways[v] = (ways[v] + wu) % MOD
    if dist[n] == inf:
        print(-1)
    else:
        print(dist[n], ways[n])


main()
