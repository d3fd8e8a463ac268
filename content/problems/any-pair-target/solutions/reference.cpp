// Sort positions by value, then two pointers from both ends: finds a pair (often a
// different one from the hash-map scan's), so the checker must accept any pair.
#include <algorithm>
#include <cstdio>
#include <vector>

int main() {
    int n;
    long long target;
    if (scanf("%d %lld", &n, &target) != 2) return 0;
    std::vector<std::pair<long long, int>> a(n);
    for (int i = 0; i < n; ++i) {
        scanf("%lld", &a[i].first);
        a[i].second = i + 1;
    }
    std::sort(a.begin(), a.end());
    int lo = 0, hi = n - 1;
    while (lo < hi) {
        long long sum = a[lo].first + a[hi].first;
        if (sum == target) {
            printf("%d %d\n", a[hi].second, a[lo].second);
            return 0;
        }
        if (sum < target) ++lo; else --hi;
    }
    printf("-1\n");
    return 0;
}
