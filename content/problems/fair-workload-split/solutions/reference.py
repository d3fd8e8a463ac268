import sys


def groups_needed(w, limit):
    groups, cur = 1, 0
    for x in w:
        if cur + x > limit:
            groups += 1
            cur = x
        else:
            cur += x
    return groups


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    w = list(map(int, data[2:2 + n]))
    lo, hi = max(w), sum(w)
    while lo < hi:
        mid = (lo + hi) // 2
        if groups_needed(w, mid) <= k:
            hi = mid
        else:
            lo = mid + 1
    print(lo)


main()
