// Exact search over candidate lengths c_i / t is overkill; do a real binary search in long double.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>
using namespace std;

int main() {
    int n;
    long long k;
    if (scanf("%d %lld", &n, &k) != 2) return 0;
    vector<long double> c(n);
    long double mx = 0;
    for (auto &x : c) {
        long long v;
        scanf("%lld", &v);
        x = v;
        mx = max(mx, x);
    }
    auto pieces = [&](long double len) {
        long long total = 0;
        for (long double x : c) {
            total += (long long)floorl(x / len);
            if (total >= k) return total;
        }
        return total;
    };
    long double lo = 0, hi = mx;
    if (pieces(hi) >= k) lo = hi;
    else
        for (int it = 0; it < 200; it++) {
            long double mid = (lo + hi) / 2;
            if (pieces(mid) >= k) lo = mid;
            else hi = mid;
        }
    printf("%.9Lf\n", lo);
    return 0;
}
