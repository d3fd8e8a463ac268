// Bridges via 2-edge-connected components: build a spanning forest, then every non-tree edge
// marks the tree path between its endpoints as "covered" (path marking with DSU jumps over
// already covered edges). Uncovered tree edges are bridges.
#include <algorithm>
#include <cstdio>
#include <numeric>
#include <utility>
#include <vector>
using namespace std;

int main() {
    int n, m;
    if (scanf("%d %d", &n, &m) != 2) return 0;
    vector<pair<int, int>> e(m);
    vector<vector<pair<int, int>>> adj(n + 1);
    for (int i = 0; i < m; i++) {
        scanf("%d %d", &e[i].first, &e[i].second);
        adj[e[i].first].push_back({e[i].second, i});
        adj[e[i].second].push_back({e[i].first, i});
    }
    // BFS spanning forest: parent, parent edge, depth
    vector<int> par(n + 1, 0), pedge(n + 1, -1), depth(n + 1, -1);
    vector<char> isTree(m, 0);
    for (int r = 1; r <= n; r++) {
        if (depth[r] >= 0) continue;
        depth[r] = 0;
        vector<int> q{r};
        for (size_t h = 0; h < q.size(); h++) {
            int v = q[h];
            for (auto [w, id] : adj[v])
                if (depth[w] < 0) {
                    depth[w] = depth[v] + 1, par[w] = v, pedge[w] = id, isTree[id] = 1;
                    q.push_back(w);
                }
        }
    }
    // jump[v]: nearest ancestor-or-self whose parent edge is not yet covered
    vector<int> jump(n + 1);
    iota(jump.begin(), jump.end(), 0);
    auto find = [&](int v) {
        int r = v;
        while (jump[r] != r) r = jump[r];
        while (jump[v] != r) {
            int nx = jump[v];
            jump[v] = r;
            v = nx;
        }
        return r;
    };
    vector<char> covered(m, 0);
    for (int i = 0; i < m; i++) {
        if (isTree[i]) continue;
        int a = find(e[i].first), b = find(e[i].second);
        while (a != b) {
            if (depth[a] < depth[b]) swap(a, b);
            covered[pedge[a]] = 1;
            jump[a] = par[a];
            a = find(a);
        }
    }
    vector<pair<int, int>> res;
    for (int i = 0; i < m; i++)
        if (isTree[i] && !covered[i]) res.push_back({min(e[i].first, e[i].second), max(e[i].first, e[i].second)});
    sort(res.begin(), res.end());
    printf("%d\n", (int)res.size());
    for (auto [a, b] : res) printf("%d %d\n", a, b);
    return 0;
}
