// Layer-by-layer Dijkstra: layer j+1 is seeded with free moves out of the finished layer j.
#include <algorithm>
#include <cstdio>
#include <queue>
#include <vector>
using namespace std;
typedef long long ll;
const ll INF = (ll)4e18;

int main() {
    int n, m, k;
    if (scanf("%d %d %d", &n, &m, &k) != 3) return 0;
    vector<vector<pair<int, int>>> adj(n + 1);
    for (int i = 0; i < m; i++) {
        int u, v, w;
        scanf("%d %d %d", &u, &v, &w);
        adj[u].push_back({v, w});
        adj[v].push_back({u, w});
    }
    vector<ll> prev, cur(n + 1, INF);
    cur[1] = 0;
    ll best = INF;
    for (int layer = 0; layer <= k; layer++) {
        if (layer > 0) {
            vector<ll> seed(n + 1, INF);
            for (int u = 1; u <= n; u++) {
                if (prev[u] == INF) continue;
                seed[u] = min(seed[u], prev[u]);  // not using another voucher is also allowed
                for (auto [v, w] : adj[u]) seed[v] = min(seed[v], prev[u]);
            }
            cur = seed;
        }
        priority_queue<pair<ll, int>, vector<pair<ll, int>>, greater<>> pq;
        for (int u = 1; u <= n; u++)
            if (cur[u] < INF) pq.push({cur[u], u});
        while (!pq.empty()) {
            auto [d, u] = pq.top();
            pq.pop();
            if (d > cur[u]) continue;
            for (auto [v, w] : adj[u])
                if (d + w < cur[v]) cur[v] = d + w, pq.push({cur[v], v});
        }
        best = min(best, cur[n]);
        prev = cur;
    }
    printf("%lld\n", best == INF ? -1LL : best);
    return 0;
}
