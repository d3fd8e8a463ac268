// Binary search on the gap; count pairs with gap <= D using upper_bound per element.
#include <algorithm>
#include <cstdio>
#include <vector>
using namespace std;

int main() {
    int n;
    long long k;
    if (scanf("%d %lld", &n, &k) != 2) return 0;
    vector<long long> a(n);
    for (auto &x : a) scanf("%lld", &x);
    sort(a.begin(), a.end());
    auto count = [&](long long d) {
        long long total = 0;
        for (int i = 0; i < n; i++)
            total += (upper_bound(a.begin() + i + 1, a.end(), a[i] + d) - a.begin()) - (i + 1);
        return total;
    };
    long long lo = 0, hi = a[n - 1] - a[0];
    while (lo < hi) {
        long long mid = (lo + hi) / 2;
        if (count(mid) >= k) hi = mid;
        else lo = mid + 1;
    }
    printf("%lld\n", lo);
    return 0;
}
