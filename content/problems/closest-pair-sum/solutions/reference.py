import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, target = int(data[0]), int(data[1])
    a = sorted(map(int, data[2:2 + n]))
    i, j = 0, n - 1
    best = a[0] + a[1]
    while i < j:
        s = a[i] + a[j]
        if (abs(s - target), s) < (abs(best - target), best):
            best = s
        if s < target:
            i += 1
        elif s > target:
            j -= 1
        else:
            break
    print(best)


main()
