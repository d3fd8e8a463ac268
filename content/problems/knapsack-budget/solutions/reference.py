import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, budget = int(data[0]), int(data[1])
    best = [0] * (budget + 1)
    for i in range(n):
        c, v = int(data[2 + 2 * i]), int(data[3 + 2 * i])
        if c > budget:
            continue
        # best[x] for x >= c may use best[x - c] from the previous state
        shifted = [b + v for b in best[:budget + 1 - c]]
        tail = best[c:]
        best[c:] = [x if x >= y else y for x, y in zip(tail, shifted)]
    print(best[budget])


main()
