import sys


def fib_mod(n: int, m: int) -> int:
    a, b = 0, 1  # (F_k, F_{k+1}) with k = prefix of n's bits
    for bit in bin(n)[2:] if n else "":
        c = a * ((2 * b - a) % m) % m
        d = (a * a + b * b) % m
        if bit == "1":
            a, b = d, (c + d) % m
        else:
            a, b = c, d
    return a % m


def main() -> None:
    data = sys.stdin.buffer.read().split()
    q = int(data[0])
    out = [fib_mod(int(data[1 + 2 * i]), int(data[2 + 2 * i])) for i in range(q)]
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
