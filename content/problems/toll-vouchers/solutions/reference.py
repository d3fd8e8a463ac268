import heapq
import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, m, k = int(data[0]), int(data[1]), int(data[2])
    adj = [[] for _ in range(n + 1)]
    vals = list(map(int, data[3:3 + 3 * m]))
    for i in range(0, 3 * m, 3):
        u, v, w = vals[i], vals[i + 1], vals[i + 2]
        adj[u].append((v, w))
        adj[v].append((u, w))
    layers = k + 1
    inf = float("inf")
    dist = [inf] * (layers * (n + 1))  # state id = j * (n + 1) + city
    dist[1] = 0
    heap = [(0, 1)]
    stride = n + 1
    while heap:
        d, s = heapq.heappop(heap)
        if d > dist[s]:
            continue
        j, u = divmod(s, stride)
        for v, w in adj[u]:
            t = s - u + v
            nd = d + w
            if nd < dist[t]:
                dist[t] = nd
                heapq.heappush(heap, (nd, t))
            if j < k:
                t += stride
                if d < dist[t]:
                    dist[t] = d
                    heapq.heappush(heap, (d, t))
    best = min(dist[j * stride + n] for j in range(layers))
    print(-1 if best == inf else best)


main()
