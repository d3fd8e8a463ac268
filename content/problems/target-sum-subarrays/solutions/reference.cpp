// Prefix sums are bounded (|P| <= 1e8), so count them in a sorted-vector "map" via
// coordinate compression instead of hashing.
#include <algorithm>
#include <cstdio>
#include <vector>
using namespace std;

int main() {
    int n;
    long long k;
    if (scanf("%d %lld", &n, &k) != 2) return 0;
    vector<long long> p(n + 1, 0);
    for (int i = 1; i <= n; i++) {
        long long x;
        scanf("%lld", &x);
        p[i] = p[i - 1] + x;
    }
    vector<long long> vals(p);
    sort(vals.begin(), vals.end());
    vals.erase(unique(vals.begin(), vals.end()), vals.end());
    vector<long long> cnt(vals.size(), 0);
    long long total = 0;
    for (int r = 0; r <= n; r++) {
        long long want = p[r] - k;
        auto it = lower_bound(vals.begin(), vals.end(), want);
        if (r > 0 && it != vals.end() && *it == want) total += cnt[it - vals.begin()];
        cnt[lower_bound(vals.begin(), vals.end(), p[r]) - vals.begin()]++;
    }
    printf("%lld\n", total);
    return 0;
}
