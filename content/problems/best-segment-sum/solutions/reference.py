import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    prefix = 0
    low, low_pos = 0, 0  # min of P[0..r-1] and its first index
    best = None
    best_l = best_r = 0
    for r, x in enumerate(map(int, data[1:1 + n]), 1):
        prefix += x
        cand = prefix - low
        if best is None or cand > best or (cand == best and low_pos + 1 < best_l):
            best, best_l, best_r = cand, low_pos + 1, r
        if prefix < low:
            low, low_pos = prefix, r
    print(best, best_l, best_r)


main()
