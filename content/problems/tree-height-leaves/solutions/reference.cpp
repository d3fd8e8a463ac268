// BFS from the root over child lists stored in CSR form.
#include <cstdio>
#include <algorithm>
#include <vector>
using namespace std;

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    vector<int> par(n + 1, 0), cnt(n + 2, 0);
    for (int v = 2; v <= n; v++) {
        scanf("%d", &par[v]);
        cnt[par[v]]++;
    }
    vector<int> start(n + 2, 0);
    for (int v = 1; v <= n; v++) start[v + 1] = start[v] + cnt[v];
    vector<int> fill(start), child(max(n - 1, 1));
    for (int v = 2; v <= n; v++) child[fill[par[v]]++] = v;
    vector<int> depth(n + 1, 0), q;
    q.reserve(n);
    q.push_back(1);
    for (size_t h = 0; h < q.size(); h++) {
        int v = q[h];
        for (int i = start[v]; i < start[v + 1]; i++) {
            depth[child[i]] = depth[v] + 1;
            q.push_back(child[i]);
        }
    }
    int height = 0, leaves = 0, deepest = 0;
    for (int v = 1; v <= n; v++) height = max(height, depth[v]);
    for (int v = 1; v <= n; v++) {
        if (cnt[v] == 0) leaves++;
        if (depth[v] == height) deepest++;
    }
    printf("%d %d %d\n", height, leaves, deepest);
    return 0;
}
