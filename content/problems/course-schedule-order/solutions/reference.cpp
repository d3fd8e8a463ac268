// Kahn's algorithm with a std::set as the min-priority queue.
#include <cstdio>
#include <set>
#include <vector>
using namespace std;

int main() {
    int n, m;
    if (scanf("%d %d", &n, &m) != 2) return 0;
    vector<vector<int>> adj(n + 1);
    vector<int> indeg(n + 1, 0);
    for (int i = 0; i < m; i++) {
        int a, b;
        scanf("%d %d", &a, &b);
        adj[a].push_back(b);
        indeg[b]++;
    }
    set<int> ready;
    for (int v = 1; v <= n; v++)
        if (indeg[v] == 0) ready.insert(v);
    vector<int> order;
    while (!ready.empty()) {
        int u = *ready.begin();
        ready.erase(ready.begin());
        order.push_back(u);
        for (int v : adj[u])
            if (--indeg[v] == 0) ready.insert(v);
    }
    if ((int)order.size() < n) {
        puts("IMPOSSIBLE");
        return 0;
    }
    for (int i = 0; i < n; i++) printf(i + 1 < n ? "%d " : "%d\n", order[i]);
    return 0;
}
