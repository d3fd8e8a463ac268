import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    vals = list(map(int, data[1:1 + 2 * n]))
    meetings = sorted(zip(vals[0::2], vals[1::2]), key=lambda m: m[1])
    free_from = -1
    taken = 0
    for s, e in meetings:
        if s >= free_from:
            taken += 1
            free_from = e
    print(taken)


main()
