import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    children = [[] for _ in range(n + 1)]
    for v, p in enumerate(map(int, data[1:n]), 2):
        children[p].append(v)
    value = [0] + [int(x) for x in data[n:2 * n]]
    # iterative DFS: pre-order positions 1..n
    tin = [0] * (n + 1)
    tout = [0] * (n + 1)
    order = []
    stack = [1]
    while stack:
        v = stack.pop()
        order.append(v)
        tin[v] = len(order)
        stack.extend(reversed(children[v]))
    for v in reversed(order):  # children appear after their parent in pre-order
        tout[v] = max([tin[v]] + [tout[c] for c in children[v]])
    size = n + 2
    fa = [0] * (size + 1)  # subtree sums
    fb = [0] * (size + 1)  # chain sums (range add, point query)

    def add(tree, i, delta):
        while i <= size:
            tree[i] += delta
            i += i & -i

    def prefix(tree, i):
        s = 0
        while i > 0:
            s += tree[i]
            i -= i & -i
        return s

    for v in range(1, n + 1):
        add(fa, tin[v], value[v])
        add(fb, tin[v], value[v])
        add(fb, tout[v] + 1, -value[v])
    pos = 2 * n
    q = int(data[pos])
    pos += 1
    out = []
    for _ in range(q):
        t = data[pos]
        x = int(data[pos + 1])
        if t == b"1":
            y = int(data[pos + 2])
            pos += 3
            delta = y - value[x]
            value[x] = y
            add(fa, tin[x], delta)
            add(fb, tin[x], delta)
            add(fb, tout[x] + 1, -delta)
        elif t == b"2":
            pos += 2
            out.append(prefix(fa, tout[x]) - prefix(fa, tin[x] - 1))
        else:
            pos += 2
            out.append(prefix(fb, tin[x]))
    sys.stdout.write("".join(f"{v}\n" for v in out))


main()
