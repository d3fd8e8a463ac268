// Binary search on the answer with a greedy feasibility check.
#include <algorithm>
#include <cstdio>
#include <vector>
using namespace std;

int main() {
    int n, k;
    if (scanf("%d %d", &n, &k) != 2) return 0;
    vector<long long> w(n);
    long long lo = 0, hi = 0;
    for (auto &x : w) {
        scanf("%lld", &x);
        lo = max(lo, x);
        hi += x;
    }
    auto fits = [&](long long limit) {
        int groups = 1;
        long long cur = 0;
        for (long long x : w) {
            if (cur + x > limit) {
                if (++groups > k) return false;
                cur = x;
            } else {
                cur += x;
            }
        }
        return true;
    };
    while (lo < hi) {
        long long mid = lo + (hi - lo) / 2;
        if (fits(mid)) hi = mid;
        else lo = mid + 1;
    }
    printf("%lld\n", lo);
    return 0;
}
