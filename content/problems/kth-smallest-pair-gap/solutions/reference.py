import sys


def count_at_most(a: list[int], d: int) -> int:
    total = 0
    i = 0
    for j, x in enumerate(a):
        lim = x - d
        while a[i] < lim:
            i += 1
        total += j - i
    return total


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    a = sorted(map(int, data[2:2 + n]))
    lo, hi = 0, a[-1] - a[0]
    while lo < hi:
        mid = (lo + hi) // 2
        if count_at_most(a, mid) >= k:
            hi = mid
        else:
            lo = mid + 1
    print(lo)


main()
