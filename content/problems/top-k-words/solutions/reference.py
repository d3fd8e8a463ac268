import sys
from collections import Counter


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, k = int(data[0]), int(data[1])
    counts = Counter(data[2:2 + n])
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:k]
    sys.stdout.write("".join(f"{w.decode()} {c}\n" for w, c in ranked))


main()
