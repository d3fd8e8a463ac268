import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    ci, cd, cr = int(data[0]), int(data[1]), int(data[2])
    a, b = data[3], data[4]
    m = len(b)
    prev = [j * ci for j in range(m + 1)]
    for i, ca in enumerate(a, 1):
        cur = [i * cd] * (m + 1)
        left = i * cd
        for j in range(1, m + 1):
            best = prev[j - 1] if ca == b[j - 1] else prev[j - 1] + cr
            t = prev[j] + cd
            if t < best:
                best = t
            t = left + ci
            if t < best:
                best = t
            cur[j] = left = best
        prev = cur
    print(prev[m])


main()
