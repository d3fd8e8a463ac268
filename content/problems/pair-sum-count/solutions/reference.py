import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    seen: dict[int, int] = {}
    total = 0
    get = seen.get
    for x in map(int, data[2:2 + n]):
        total += get(k - x, 0)
        seen[x] = get(x, 0) + 1
    print(total)


main()
