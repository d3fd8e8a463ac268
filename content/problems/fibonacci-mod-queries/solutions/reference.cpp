// 2x2 matrix exponentiation modulo m.
#include <cstdio>
typedef unsigned long long u64;

struct M2 {
    u64 a, b, c, d;
};

static M2 mul(const M2 &x, const M2 &y, u64 m) {
    return {(x.a * y.a % m + x.b * y.c % m) % m, (x.a * y.b % m + x.b * y.d % m) % m,
            (x.c * y.a % m + x.d * y.c % m) % m, (x.c * y.b % m + x.d * y.d % m) % m};
}

int main() {
    int q;
    if (scanf("%d", &q) != 1) return 0;
    while (q--) {
        u64 n, m;
        scanf("%llu %llu", &n, &m);
        M2 result = {1 % m, 0, 0, 1 % m}, base = {1 % m, 1 % m, 1 % m, 0};
        while (n) {
            if (n & 1) result = mul(result, base, m);
            base = mul(base, base, m);
            n >>= 1;
        }
        printf("%llu\n", result.b);  // [[1,1],[1,0]]^n = [[F(n+1), F(n)], [F(n), F(n-1)]]
    }
    return 0;
}
