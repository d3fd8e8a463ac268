import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    t, p = data[0], data[1]
    m = len(p)
    # prefix function of the pattern
    pi = [0] * m
    k = 0
    for i in range(1, m):
        c = p[i]
        while k and p[k] != c:
            k = pi[k - 1]
        if p[k] == c:
            k += 1
        pi[i] = k
    total = chosen = 0
    free_from = 0  # first text index not used by a chosen occurrence
    k = 0
    for i, c in enumerate(t):
        while k and (k == m or p[k] != c):
            k = pi[k - 1]
        if p[k] == c:
            k += 1
        if k == m:
            total += 1
            start = i - m + 1
            if start >= free_from:
                chosen += 1
                free_from = i + 1
    print(total, chosen)


main()
