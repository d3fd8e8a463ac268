import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    parent = list(range(n + 1))
    size = [1] * (n + 1)
    groups = n

    def find(x: int) -> int:
        root = x
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    out = []
    pos = 2
    for _ in range(q):
        t = data[pos]
        if t == b"1":
            a, b = find(int(data[pos + 1])), find(int(data[pos + 2]))
            pos += 3
            if a != b:
                if size[a] < size[b]:
                    a, b = b, a
                parent[b] = a
                size[a] += size[b]
                groups -= 1
        elif t == b"2":
            same = find(int(data[pos + 1])) == find(int(data[pos + 2]))
            pos += 3
            out.append("YES" if same else "NO")
        elif t == b"3":
            out.append(str(size[find(int(data[pos + 1]))]))
            pos += 2
        else:
            out.append(str(groups))
            pos += 1
    sys.stdout.write("\n".join(out) + "\n")


main()
