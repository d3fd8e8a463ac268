/* Single pass over the prefix sums, tracking the minimum. */
#include <stdio.h>

int main(void) {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    long long bal = 0, low = 0;
    for (int i = 0; i < n; i++) {
        long long x;
        scanf("%lld", &x);
        bal += x;
        if (bal < low) low = bal;
    }
    printf("%lld %lld\n", -low, -low + bal);
    return 0;
}
