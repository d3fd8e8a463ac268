// Two-queue Huffman merge: sorted inputs + FIFO of merged sums (which are non-decreasing).
#include <algorithm>
#include <cstdio>
#include <vector>
using namespace std;

int main() {
    int n;
    if (scanf("%d", &n) != 1) return 0;
    vector<long long> a(n);
    for (auto &x : a) scanf("%lld", &x);
    sort(a.begin(), a.end());
    vector<long long> merged;
    merged.reserve(n);
    size_t i = 0, j = 0;
    auto take = [&]() {
        if (j >= merged.size() || (i < a.size() && a[i] <= merged[j])) return a[i++];
        return merged[j++];
    };
    long long total = 0;
    for (int k = 0; k < n - 1; k++) {
        long long s = take() + take();
        total += s;
        merged.push_back(s);
    }
    printf("%lld\n", total);
    return 0;
}
