// Sort, then count pairs with two pointers over runs of equal values.
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
    long long total = 0;
    int i = 0, j = n - 1;
    while (i < j) {
        long long s = a[i] + a[j];
        if (s < k) ++i;
        else if (s > k) --j;
        else if (a[i] == a[j]) {
            long long m = j - i + 1;
            total += m * (m - 1) / 2;
            break;
        } else {
            long long ci = 1, cj = 1;
            while (i + 1 < j && a[i + 1] == a[i]) ++i, ++ci;
            while (j - 1 > i && a[j - 1] == a[j]) --j, ++cj;
            total += ci * cj;
            ++i, --j;
        }
    }
    printf("%lld\n", total);
    return 0;
}
