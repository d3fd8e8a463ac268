// Sort once, lower_bound per query, prefer the predecessor on ties.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>
using namespace std;

int main() {
    int n, q;
    if (scanf("%d %d", &n, &q) != 2) return 0;
    vector<long long> a(n);
    for (auto &x : a) scanf("%lld", &x);
    sort(a.begin(), a.end());
    string out;
    char buf[32];
    for (int j = 0; j < q; j++) {
        long long x;
        scanf("%lld", &x);
        auto it = lower_bound(a.begin(), a.end(), x);
        long long ans;
        if (it == a.end()) ans = a.back();
        else if (it == a.begin()) ans = *it;
        else {
            long long hi = *it, lo = *(it - 1);
            ans = (x - lo <= hi - x) ? lo : hi;
        }
        snprintf(buf, sizeof buf, "%lld\n", ans);
        out += buf;
    }
    fputs(out.c_str(), stdout);
    return 0;
}
