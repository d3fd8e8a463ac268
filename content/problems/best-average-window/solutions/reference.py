import sys
from itertools import accumulate
from operator import sub


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    a = list(map(int, data[2:2 + n]))

    def feasible(x: float) -> bool:
        p = list(accumulate((v - x for v in a), initial=0.0))
        low = list(accumulate(p[:n - k + 1], min))  # low[j] = min(p[0..j])
        return max(map(sub, p[k:], low)) >= 0

    lo, hi = float(min(a)), float(max(a))
    for _ in range(50):
        mid = (lo + hi) / 2
        if feasible(mid):
            lo = mid
        else:
            hi = mid
    print(f"{lo:.9f}")


main()
