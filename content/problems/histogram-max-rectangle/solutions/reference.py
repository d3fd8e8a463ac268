import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    h = list(map(int, data[1:1 + n]))
    h.append(0)  # sentinel flushes the stack
    stack = []
    best = 0
    for i, x in enumerate(h):
        while stack and h[stack[-1]] >= x:
            j = stack.pop()
            left = stack[-1] if stack else -1
            area = h[j] * (i - left - 1)
            if area > best:
                best = area
        stack.append(i)
    print(best)


main()
