import sys
from bisect import bisect_left, bisect_right
from itertools import compress


def main() -> None:
    data = sys.stdin.buffer.read().split()
    q = int(data[0])
    vals = list(map(int, data[1:1 + 2 * q]))
    m = max(vals[1::2])
    sieve = bytearray([1]) * (m + 1)
    sieve[0] = 0
    if m >= 1:
        sieve[1] = 0
    p = 2
    while p * p <= m:
        if sieve[p]:
            sieve[p * p::p] = bytes(len(range(p * p, m + 1, p)))
        p += 1
    primes = list(compress(range(m + 1), sieve))
    out = [bisect_right(primes, r) - bisect_left(primes, lo) for lo, r in zip(vals[0::2], vals[1::2])]
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
