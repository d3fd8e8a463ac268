import sys

MOD = 10**9 + 7


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, m, k = int(data[0]), int(data[1]), int(data[2])
    steps = sorted(set(map(int, data[3:3 + m])))
    broken = bytearray(n + 1)
    for b in map(int, data[3 + m:3 + m + k]):
        broken[b] = 1
    ways = [0] * (n + 1)
    ways[0] = 1
    for i in range(1, n + 1):
        if broken[i]:
            continue
        ways[i] = sum([ways[i - s] for s in steps if s <= i]) % MOD
    print(ways[n])


main()
