import heapq
import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    heap = list(map(int, data[1:1 + n]))
    heapq.heapify(heap)
    total = 0
    pop, push = heapq.heappop, heapq.heappush
    while len(heap) > 1:
        s = pop(heap) + pop(heap)
        total += s
        push(heap, s)
    print(total)


main()
