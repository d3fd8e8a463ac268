import sys

MAXLEN = 19
# ways[length][s]: digit strings of this length with digit sum s
ways = [[1]]
for length in range(1, MAXLEN + 1):
    prev = ways[-1]
    cur = [0] * (9 * length + 1)
    for s, w in enumerate(prev):
        if w:
            for d in range(10):
                cur[s + d] += w
    ways.append(cur)


def count_upto(n: int, k: int, folded) -> int:
    """Numbers in [0, n] with digit sum divisible by k."""
    if n < 0:
        return 0
    digits = list(map(int, str(n)))
    total = 0
    prefix = 0
    for p, d in enumerate(digits):
        free = folded[len(digits) - p - 1]
        for e in range(d):
            total += free[(-(prefix + e)) % k]
        prefix += d
    if prefix % k == 0:
        total += 1  # n itself
    return total


def main() -> None:
    data = sys.stdin.buffer.read().split()
    q = int(data[0])
    out = []
    cache = {}
    for i in range(q):
        lo, hi, k = int(data[1 + 3 * i]), int(data[2 + 3 * i]), int(data[3 + 3 * i])
        folded = cache.get(k)
        if folded is None:
            folded = []
            for row in ways:
                g = [0] * k
                for s, w in enumerate(row):
                    g[s % k] += w
                folded.append(g)
            cache[k] = folded
        out.append(count_upto(hi, k, folded) - count_upto(lo - 1, k, folded))
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
