import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    seen = {0: 1}
    get = seen.get
    prefix = total = 0
    for x in map(int, data[2:2 + n]):
        prefix += x
        total += get(prefix - k, 0)
        seen[prefix] = get(prefix, 0) + 1
    print(total)


main()
