// Memoised digit DP over (position, digit sum mod k) for the non-tight part.
#include <cstdio>
#include <cstring>
typedef unsigned long long u64;

int K, D;
int dig[20];
u64 memo[20][200];
bool seen[20][200];

// number of ways to fill positions pos..D-1 freely so that (rem + sum) % K == 0
u64 freeWays(int pos, int rem) {
    if (pos == D) return rem == 0;
    if (seen[pos][rem]) return memo[pos][rem];
    u64 r = 0;
    for (int d = 0; d < 10; d++) r += freeWays(pos + 1, (rem + d) % K);
    seen[pos][rem] = true;
    return memo[pos][rem] = r;
}

u64 countUpTo(u64 n) {  // numbers in [0, n]
    D = 0;
    u64 t = n;
    int tmp[20];
    do {
        tmp[D++] = (int)(t % 10);
        t /= 10;
    } while (t);
    for (int i = 0; i < D; i++) dig[i] = tmp[D - 1 - i];
    memset(seen, 0, sizeof seen);
    u64 total = 0;
    int rem = 0;
    for (int pos = 0; pos < D; pos++) {
        for (int e = 0; e < dig[pos]; e++) total += freeWays(pos + 1, (rem + e) % K);
        rem = (rem + dig[pos]) % K;
    }
    return total + (rem == 0);
}

int main() {
    int q;
    if (scanf("%d", &q) != 1) return 0;
    while (q--) {
        u64 l, r;
        scanf("%llu %llu %d", &l, &r, &K);
        printf("%llu\n", countUpTo(r) - countUpTo(l - 1));
    }
    return 0;
}
