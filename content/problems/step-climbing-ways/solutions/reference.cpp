// Forward DP over steps, modulo 1e9+7.
#include <cstdio>
#include <vector>
using namespace std;

int main() {
    const long long MOD = 1000000007LL;
    int n, m, k;
    if (scanf("%d %d %d", &n, &m, &k) != 3) return 0;
    vector<int> s(m);
    for (auto &x : s) scanf("%d", &x);
    vector<char> broken(n + 1, 0);
    for (int i = 0; i < k; i++) {
        int b;
        scanf("%d", &b);
        broken[b] = 1;
    }
    vector<long long> ways(n + 1, 0);
    ways[0] = 1;
    for (int i = 1; i <= n; i++) {
        if (broken[i]) continue;
        long long acc = 0;
        for (int len : s)
            if (len <= i) acc += ways[i - len];
        ways[i] = acc % MOD;
    }
    printf("%lld\n", ways[n]);
    return 0;
}
