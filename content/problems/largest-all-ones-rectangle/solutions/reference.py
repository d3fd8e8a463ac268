import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    r, c = int(data[0]), int(data[1])
    h = [0] * (c + 1)  # h[c] stays 0: sentinel
    best = 0
    free = ord(".")
    for row in data[2:2 + r]:
        for j in range(c):
            h[j] = h[j] + 1 if row[j] == free else 0
        stack = []
        for j in range(c + 1):
            x = h[j]
            while stack and h[stack[-1]] >= x:
                top = stack.pop()
                width = j - stack[-1] - 1 if stack else j
                area = h[top] * width
                if area > best:
                    best = area
            stack.append(j)
    print(best)


main()
