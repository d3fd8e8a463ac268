// Highest reward first, each job placed in the latest free hour <= deadline (DSU over hours).
#include <algorithm>
#include <cstdio>
#include <numeric>
#include <vector>
using namespace std;

vector<int> nxt;  // nxt[h] = latest free hour <= h (0 = none)

int freeHour(int h) {
    int root = h;
    while (nxt[root] != root) root = nxt[root];
    while (nxt[h] != root) {
        int up = nxt[h];
        nxt[h] = root;
        h = up;
    }
    return root;
}

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    vector<pair<long long, int>> jobs(n);
    int maxD = 0;
    for (auto &[r, d] : jobs) {
        scanf("%d %lld", &d, &r);
        maxD = max(maxD, d);
    }
    sort(jobs.rbegin(), jobs.rend());
    nxt.resize(maxD + 1);
    iota(nxt.begin(), nxt.end(), 0);
    long long total = 0;
    for (auto &[r, d] : jobs) {
        int h = freeHour(min(d, n));
        if (h > 0) {
            total += r;
            nxt[h] = h - 1;
        }
    }
    printf("%lld\n", total);
    return 0;
}
