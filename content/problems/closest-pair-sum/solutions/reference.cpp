// Sort + two pointers.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <vector>
using namespace std;

int main() {
    int n;
    long long t;
    if (scanf("%d %lld", &n, &t) != 2) return 0;
    vector<long long> a(n);
    for (auto &x : a) scanf("%lld", &x);
    sort(a.begin(), a.end());
    long long best = a[0] + a[1];
    int i = 0, j = n - 1;
    while (i < j) {
        long long s = a[i] + a[j];
        long long ds = llabs(s - t), db = llabs(best - t);
        if (ds < db || (ds == db && s < best)) best = s;
        if (s < t) i++;
        else if (s > t) j--;
        else break;
    }
    printf("%lld\n", best);
    return 0;
}
