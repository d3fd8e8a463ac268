// Euler tour + sparse table of (depth, node) for O(1) LCA.
#include <algorithm>
#include <cstdio>
#include <vector>
using namespace std;

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    vector<vector<int>> ch(n + 1);
    for (int v = 2; v <= n; v++) {
        int p;
        scanf("%d", &p);
        ch[p].push_back(v);
    }
    vector<int> depth(n + 1, 0), first(n + 1, 0), euler;
    euler.reserve(2 * n);
    // iterative DFS producing the Euler tour (node appended on entry and after each child)
    vector<pair<int, size_t>> st;
    st.push_back({1, 0});
    first[1] = 0;
    euler.push_back(1);
    while (!st.empty()) {
        auto &[v, idx] = st.back();
        if (idx < ch[v].size()) {
            int c = ch[v][idx++];
            depth[c] = depth[v] + 1;
            first[c] = euler.size();
            euler.push_back(c);
            st.push_back({c, 0});
        } else {
            st.pop_back();
            if (!st.empty()) euler.push_back(st.back().first);
        }
    }
    int m = euler.size(), LOG = 1;
    while ((1 << LOG) <= m) LOG++;
    vector<vector<int>> sp(LOG, vector<int>(m));
    sp[0] = euler;
    auto better = [&](int a, int b) { return depth[a] < depth[b] ? a : b; };
    for (int k = 1; k < LOG; k++)
        for (int i = 0; i + (1 << k) <= m; i++) sp[k][i] = better(sp[k - 1][i], sp[k - 1][i + (1 << (k - 1))]);
    int q;
    scanf("%d", &q);
    while (q--) {
        int u, v;
        scanf("%d %d", &u, &v);
        int l = min(first[u], first[v]), r = max(first[u], first[v]);
        int k = 31 - __builtin_clz(r - l + 1);
        int lca = better(sp[k][l], sp[k][r - (1 << k) + 1]);
        printf("%d\n", depth[u] + depth[v] - 2 * depth[lca]);
    }
    return 0;
}
