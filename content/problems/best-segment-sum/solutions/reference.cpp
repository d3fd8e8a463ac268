// Prefix sums with a running leftmost minimum.
#include <cstdio>

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    long long prefix = 0, low = 0, best = 0;
    int lowPos = 0, bestL = 0, bestR = 0;
    bool have = false;
    for (int r = 1; r <= n; r++) {
        long long x;
        scanf("%lld", &x);
        prefix += x;
        long long cand = prefix - low;
        if (!have || cand > best || (cand == best && lowPos + 1 < bestL)) {
            best = cand, bestL = lowPos + 1, bestR = r, have = true;
        }
        if (prefix < low) low = prefix, lowPos = r;
    }
    printf("%lld %d %d\n", best, bestL, bestR);
    return 0;
}
