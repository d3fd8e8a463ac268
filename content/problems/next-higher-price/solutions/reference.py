import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    p = list(map(int, data[1:1 + n]))
    ans = [0] * n
    stack = []
    for i, x in enumerate(p):
        while stack and p[stack[-1]] < x:
            j = stack.pop()
            ans[j] = i - j
        stack.append(i)
    sys.stdout.write(" ".join(map(str, ans)) + "\n")


main()
