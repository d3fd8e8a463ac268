import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n = int(data[0])
    par = [0, 1] + [int(x) for x in data[1:n]]  # root's parent = itself
    children = [[] for _ in range(n + 1)]
    for v in range(2, n + 1):
        children[par[v]].append(v)
    depth = [0] * (n + 1)
    order = [1]
    for v in order:
        for c in children[v]:
            depth[c] = depth[v] + 1
            order.append(c)
    log = max(1, (n - 1).bit_length())
    up = [par]
    for _ in range(1, log):
        prev = up[-1]
        up.append([prev[prev[v]] for v in range(n + 1)])
    q = int(data[n])
    vals = list(map(int, data[n + 1:n + 1 + 2 * q]))
    out = []
    for i in range(0, 2 * q, 2):
        u, v = vals[i], vals[i + 1]
        du, dv = depth[u], depth[v]
        if du < dv:
            u, v, du, dv = v, u, dv, du
        diff = du - dv
        k = 0
        while diff:
            if diff & 1:
                u = up[k][u]
            diff >>= 1
            k += 1
        if u != v:
            for k in range(log - 1, -1, -1):
                uk = up[k]
                if uk[u] != uk[v]:
                    u, v = uk[u], uk[v]
            u = par[u]
        out.append(du + dv - 2 * depth[u])
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
