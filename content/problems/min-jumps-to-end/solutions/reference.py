import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    a = list(map(int, data[1:1 + n]))
    jumps, end, far = 0, 0, 0  # 0-based: stones 0..end reachable with `jumps` jumps
    for i in range(n):
        if i > end:
            if far < i:
                print(-1)
                return
            jumps += 1
            end = far
        if i + a[i] > far:
            far = i + a[i]
        if end >= n - 1:
            break
    print(jumps)


main()
