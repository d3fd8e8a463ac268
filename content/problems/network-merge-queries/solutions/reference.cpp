// Union-find with union by size and path halving.
#include <cstdio>
#include <numeric>
#include <utility>
#include <vector>
using namespace std;

vector<int> par, sz;

int find(int x) {
    while (par[x] != x) {
        par[x] = par[par[x]];
        x = par[x];
    }
    return x;
}

int main() {
    int n, q;
    if (scanf("%d %d", &n, &q) != 2) return 0;
    par.resize(n + 1);
    iota(par.begin(), par.end(), 0);
    sz.assign(n + 1, 1);
    int groups = n;
    while (q--) {
        int t, u, v;
        scanf("%d", &t);
        if (t == 1) {
            scanf("%d %d", &u, &v);
            int a = find(u), b = find(v);
            if (a != b) {
                if (sz[a] < sz[b]) swap(a, b);
                par[b] = a;
                sz[a] += sz[b];
                groups--;
            }
        } else if (t == 2) {
            scanf("%d %d", &u, &v);
            puts(find(u) == find(v) ? "YES" : "NO");
        } else if (t == 3) {
            scanf("%d", &u);
            printf("%d\n", sz[find(u)]);
        } else {
            printf("%d\n", groups);
        }
    }
    return 0;
}
