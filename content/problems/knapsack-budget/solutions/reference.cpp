// Classic 0/1 knapsack over the budget, iterating costs downwards.
#include <algorithm>
#include <cstdio>
#include <vector>
using namespace std;

int main() {
    int n, B;
    if (scanf("%d %d", &n, &B) != 2) return 0;
    vector<long long> best(B + 1, 0);
    for (int i = 0; i < n; i++) {
        int c;
        long long v;
        scanf("%d %lld", &c, &v);
        for (int x = B; x >= c; x--) best[x] = max(best[x], best[x - c] + v);
    }
    printf("%lld\n", best[B]);
    return 0;
}
