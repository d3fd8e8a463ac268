// Dijkstra, then count shortest routes by processing nodes in increasing distance order.
#include <algorithm>
#include <cstdio>
#include <queue>
#include <vector>
using namespace std;

int main() {
    const long long MOD = 1000000007LL, INF = (long long)4e18;
    int n, m;
    if (scanf("%d %d", &n, &m) != 2) return 0;
    vector<vector<pair<int, int>>> adj(n + 1);
    for (int i = 0; i < m; i++) {
        int u, v, w;
        scanf("%d %d %d", &u, &v, &w);
        adj[u].push_back({v, w});
    }
    vector<long long> dist(n + 1, INF);
    priority_queue<pair<long long, int>, vector<pair<long long, int>>, greater<>> pq;
    dist[1] = 0;
    pq.push({0, 1});
    while (!pq.empty()) {
        auto [d, u] = pq.top();
        pq.pop();
        if (d > dist[u]) continue;
        for (auto [v, w] : adj[u])
            if (d + w < dist[v]) dist[v] = d + w, pq.push({dist[v], v});
    }
    if (dist[n] == INF) {
        puts("-1");
        return 0;
    }
    // second pass: DAG of tight edges, processed in distance order
    vector<int> order;
    for (int v = 1; v <= n; v++)
        if (dist[v] < INF) order.push_back(v);
    sort(order.begin(), order.end(), [&](int a, int b) { return dist[a] < dist[b]; });
    vector<long long> ways(n + 1, 0);
    ways[1] = 1;
    for (int u : order)
        for (auto [v, w] : adj[u])
            if (dist[u] + w == dist[v]) ways[v] = (ways[v] + ways[u]) % MOD;
    printf("%lld %lld\n", dist[n], ways[n]);
    return 0;
}
