import sys

sys.setrecursionlimit(10**9)


def dive(n):
    return dive(n + 1) + 1


dive(0)
