// Sieve of Eratosthenes + prefix counts.
#include <cstdio>
#include <vector>
using namespace std;

int main() {
    const int M = 5000000;
    int q;
    if (scanf("%d", &q) != 1) return 0;
    vector<char> composite(M + 1, 0);
    composite[0] = composite[1] = 1;
    for (long long p = 2; p * p <= M; p++)
        if (!composite[p])
            for (long long k = p * p; k <= M; k += p) composite[k] = 1;
    vector<int> cnt(M + 1, 0);
    for (int x = 1; x <= M; x++) cnt[x] = cnt[x - 1] + !composite[x];
    for (int i = 0; i < q; i++) {
        int l, r;
        scanf("%d %d", &l, &r);
        printf("%d\n", cnt[r] - cnt[l - 1]);
    }
    return 0;
}
