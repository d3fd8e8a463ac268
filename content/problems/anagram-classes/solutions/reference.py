import sys
from collections import defaultdict


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    groups: dict[bytes, list[bytes]] = defaultdict(list)
    for w in data[1:1 + n]:
        groups[bytes(sorted(w))].append(w)
    key = min(groups, key=lambda k: (-len(groups[k]), k))
    members = sorted(groups[key])
    print(len(groups))
    print(len(members))
    print(b" ".join(members).decode())


main()
