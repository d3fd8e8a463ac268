import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    c = list(map(int, data[2:2 + n]))
    lo, hi = 0.0, float(max(c))
    if sum(int(x // hi) for x in c) >= k:  # hi itself may already be enough (e.g. k = 1)
        lo = hi
    else:
        for _ in range(100):
            mid = (lo + hi) / 2
            if sum(int(x // mid) for x in c) >= k:
                lo = mid
            else:
                hi = mid
    print(f"{lo:.9f}")


main()
