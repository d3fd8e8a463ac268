import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, budget = int(data[0]), int(data[1])
    a = list(map(int, data[2:2 + n]))
    if sum(a) <= budget:
        print(-1)
        return
    a.sort()
    # walk through the sorted requests: before index i, requests are paid in full
    paid = 0
    for i, x in enumerate(a):
        remaining = n - i
        if paid + x * remaining > budget:
            print((budget - paid) // remaining)
            return
        paid += x
    print(-1)  # unreachable: sum(a) > budget


main()
