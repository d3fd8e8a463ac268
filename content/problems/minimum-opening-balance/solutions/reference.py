import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    bal = 0
    low = 0
    for x in map(int, data[1:1 + n]):
        bal += x
        if bal < low:
            low = bal
    s = -low
    print(s, s + bal)


main()
