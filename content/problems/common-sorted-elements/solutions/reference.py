import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, m = int(data[0]), int(data[1])
    x = list(map(int, data[2:2 + n]))
    y = list(map(int, data[2 + n:2 + n + m]))
    i = j = 0
    common = []
    while i < n and j < m:
        if x[i] < y[j]:
            i += 1
        elif x[i] > y[j]:
            j += 1
        else:
            common.append(x[i])
            i += 1
            j += 1
    out = [str(len(common))]
    if common:
        out.append(" ".join(map(str, common)))
    sys.stdout.write("\n".join(out) + "\n")


main()
