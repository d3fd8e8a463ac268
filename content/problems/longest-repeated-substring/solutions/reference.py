import sys

MOD = (1 << 61) - 1
BASE = 1_000_003 + 911_382_323  # fixed odd base well below MOD


def main() -> None:
    s = sys.stdin.buffer.read().split()[0]
    n = len(s)
    h = [0] * (n + 1)
    pw = [1] * (n + 1)
    for i, c in enumerate(s):
        h[i + 1] = (h[i] * BASE + c) % MOD
        pw[i + 1] = pw[i] * BASE % MOD

    def windows(length: int) -> list[int]:
        p = pw[length]
        return [(h[i + length] - h[i] * p) % MOD for i in range(n - length + 1)]

    def repeated(length: int) -> bool:
        w = windows(length)
        return len(set(w)) < len(w)

    lo, hi = 0, n - 1  # answer in [lo, hi]
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if repeated(mid):
            lo = mid
        else:
            hi = mid - 1
    print(lo)
    if lo > 0:
        w = windows(lo)
        counts: dict[int, int] = {}
        for x in w:
            counts[x] = counts.get(x, 0) + 1
        start = next(i for i, x in enumerate(w) if counts[x] > 1)
        print(s[start:start + lo].decode())


main()
