import sys
from bisect import bisect_left


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    a = sorted(map(int, data[2:2 + n]))
    out = []
    for x in map(int, data[2 + n:2 + n + q]):
        i = bisect_left(a, x)
        if i == n:
            out.append(a[-1])
        elif i == 0:
            out.append(a[0])
        else:
            lo, hi = a[i - 1], a[i]
            out.append(lo if x - lo <= hi - x else hi)
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
