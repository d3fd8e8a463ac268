import heapq
import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    vals = list(map(int, data[1:1 + 2 * n]))
    jobs = sorted(zip(vals[0::2], vals[1::2]))
    heap: list[int] = []
    for d, r in jobs:
        heapq.heappush(heap, r)
        if len(heap) > d:
            heapq.heappop(heap)
    print(sum(heap))


main()
