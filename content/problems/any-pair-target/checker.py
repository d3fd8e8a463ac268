"""Checker for any-pair-target (testlib argv: input, contestant output, expected answer).

Accepts two different in-range positions whose values sum to the target, or `-1` when the
reference found no pair. Exit 0 accepts, 1 rejects (the message goes to the user).
"""
import sys


def reject(message: str) -> None:
    print(message)
    sys.exit(1)


def main() -> None:
    data = open(sys.argv[1], "rb").read().split()
    n, target = int(data[0]), int(data[1])
    a = list(map(int, data[2:2 + n]))
    got = open(sys.argv[2], "rb").read().split()
    has_pair = open(sys.argv[3], "rb").read().split() != [b"-1"]
    if got == [b"-1"]:
        if has_pair:
            reject("printed -1, but a pair exists")
        return
    if len(got) != 2:
        reject(f"expected two indices or -1, got {len(got)} tokens")
    try:
        i, j = int(got[0]), int(got[1])
    except ValueError:
        reject("indices must be integers")
    if not (1 <= i <= n and 1 <= j <= n):
        reject(f"index out of range 1..{n}")
    if i == j:
        reject("the two indices must be different")
    if a[i - 1] + a[j - 1] != target:
        reject(f"a[{i}] + a[{j}] = {a[i - 1] + a[j - 1]}, not {target}")


main()
