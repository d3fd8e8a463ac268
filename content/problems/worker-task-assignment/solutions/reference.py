import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    cost = [[int(data[1 + i * n + j]) for j in range(n)] for i in range(n)]
    inf = float("inf")
    full = (1 << n) - 1
    dp = [inf] * (full + 1)
    dp[0] = 0
    options = [[(1 << j, c) for j, c in enumerate(row) if c >= 0] for row in cost]
    for mask in range(full):
        base = dp[mask]
        if base == inf:
            continue
        for bit, c in options[mask.bit_count()]:
            if not mask & bit:
                nxt = mask | bit
                if base + c < dp[nxt]:
                    dp[nxt] = base + c
    print(-1 if dp[full] == inf else dp[full])


main()
