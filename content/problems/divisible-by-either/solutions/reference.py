import sys
from math import gcd


def count(x: int, a: int, b: int, lcm: int) -> int:
    return x // a + x // b - x // lcm


def main() -> None:
    data = sys.stdin.buffer.read().split()
    q = int(data[0])
    out = []
    for i in range(q):
        lo, hi, a, b = map(int, data[1 + 4 * i:5 + 4 * i])
        lcm = a // gcd(a, b) * b
        out.append(count(hi, a, b, lcm) - count(lo - 1, a, b, lcm))
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
