import sys
from bisect import bisect_left


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    tail: list[int] = []
    for x in map(int, data[1:1 + n]):
        p = bisect_left(tail, x)
        if p == len(tail):
            tail.append(x)
        else:
            tail[p] = x
    print(len(tail))


main()
