// Binary search on the cap: total(c) = sum(min(a_i, c)) is monotone.
#include <algorithm>
#include <cstdio>
#include <vector>
using namespace std;

int main() {
    int n;
    long long B;
    if (scanf("%d %lld", &n, &B) != 2) return 0;
    vector<long long> a(n);
    long long sum = 0, mx = 0;
    for (auto &x : a) {
        scanf("%lld", &x);
        sum += x;
        mx = max(mx, x);
    }
    if (sum <= B) {
        puts("-1");
        return 0;
    }
    auto total = [&](long long c) {
        long long t = 0;
        for (long long x : a) t += min(x, c);
        return t;
    };
    long long lo = 0, hi = mx;  // total(lo) <= B < total(hi)
    while (hi - lo > 1) {
        long long mid = lo + (hi - lo) / 2;
        if (total(mid) <= B) lo = mid;
        else hi = mid;
    }
    printf("%lld\n", lo);
    return 0;
}
