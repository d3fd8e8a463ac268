// Euler tour; subtree sums with a segment tree, chain sums by walking a second Fenwick tree of
// "range add over the subtree interval, point query".
#include <cstdio>
#include <vector>
using namespace std;
typedef long long ll;

struct SegTree {
    int n;
    vector<ll> t;
    explicit SegTree(int n_) : n(n_), t(2 * n_, 0) {}
    void set(int i, ll v) {
        for (t[i += n] = v; i > 1; i >>= 1) t[i >> 1] = t[i] + t[i ^ 1];
    }
    ll sum(int l, int r) {  // [l, r)
        ll s = 0;
        for (l += n, r += n; l < r; l >>= 1, r >>= 1) {
            if (l & 1) s += t[l++];
            if (r & 1) s += t[--r];
        }
        return s;
    }
};

struct Fenwick {
    vector<ll> f;
    explicit Fenwick(int n) : f(n + 1, 0) {}
    void add(int i, ll d) {
        for (i++; i < (int)f.size(); i += i & -i) f[i] += d;
    }
    ll prefix(int i) {  // sum of [0, i]
        ll s = 0;
        for (i++; i > 0; i -= i & -i) s += f[i];
        return s;
    }
};

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    vector<vector<int>> ch(n + 1);
    for (int v = 2; v <= n; v++) {
        int p;
        scanf("%d", &p);
        ch[p].push_back(v);
    }
    vector<ll> val(n + 1);
    for (int v = 1; v <= n; v++) scanf("%lld", &val[v]);
    vector<int> tin(n + 1), tout(n + 1);  // half-open [tin, tout)
    vector<pair<int, size_t>> st{{1, 0}};
    int timer = 0;
    tin[1] = timer++;
    while (!st.empty()) {
        auto &[v, i] = st.back();
        if (i < ch[v].size()) {
            int c = ch[v][i++];
            tin[c] = timer++;
            st.push_back({c, 0});
        } else {
            tout[v] = timer;
            st.pop_back();
        }
    }
    SegTree seg(n);
    Fenwick chain(n + 1);
    for (int v = 1; v <= n; v++) {
        seg.set(tin[v], val[v]);
        chain.add(tin[v], val[v]);
        chain.add(tout[v], -val[v]);
    }
    int q;
    scanf("%d", &q);
    while (q--) {
        int t, x;
        scanf("%d %d", &t, &x);
        if (t == 1) {
            ll y;
            scanf("%lld", &y);
            ll d = y - val[x];
            val[x] = y;
            seg.set(tin[x], y);
            chain.add(tin[x], d);
            chain.add(tout[x], -d);
        } else if (t == 2) {
            printf("%lld\n", seg.sum(tin[x], tout[x]));
        } else {
            printf("%lld\n", chain.prefix(tin[x]));
        }
    }
    return 0;
}
