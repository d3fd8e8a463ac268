/* Inclusion-exclusion with an overflow-safe lcm test. */
#include <stdio.h>

typedef unsigned long long u64;

static u64 gcd(u64 a, u64 b) {
    while (b) {
        u64 t = a % b;
        a = b;
        b = t;
    }
    return a;
}

/* multiples of a or b in [1, x] */
static u64 f(u64 x, u64 a, u64 b) {
    u64 ag = a / gcd(a, b);
    u64 both = 0;
    if (ag <= x / b) both = x / (ag * b); /* lcm <= x, product fits */
    return x / a + x / b - both;
}

int main(void) {
    int q;
    if (scanf("%d", &q) != 1) return 0;
    for (int i = 0; i < q; i++) {
        u64 lo, hi, a, b;
        scanf("%llu %llu %llu %llu", &lo, &hi, &a, &b);
        printf("%llu\n", f(hi, a, b) - f(lo - 1, a, b));
    }
    return 0;
}
