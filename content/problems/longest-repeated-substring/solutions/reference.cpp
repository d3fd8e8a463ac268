// Suffix array (prefix doubling with radix-free std::sort) + Kasai LCP. No hashing.
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    string s;
    if (!(cin >> s)) return 0;
    int n = s.size();
    vector<int> sa(n), rk(n), tmp(n);
    for (int i = 0; i < n; i++) sa[i] = i, rk[i] = s[i];
    for (int k = 1;; k <<= 1) {
        auto key = [&](int i) { return make_pair(rk[i], i + k < n ? rk[i + k] : -1); };
        sort(sa.begin(), sa.end(), [&](int a, int b) { return key(a) < key(b); });
        tmp[sa[0]] = 0;
        for (int i = 1; i < n; i++) tmp[sa[i]] = tmp[sa[i - 1]] + (key(sa[i - 1]) < key(sa[i]));
        rk = tmp;
        if (rk[sa[n - 1]] == n - 1) break;
    }
    vector<int> lcp(n, 0);  // lcp[i] = LCP(sa[i-1], sa[i])
    for (int i = 0, h = 0; i < n; i++) {
        if (rk[i] == 0) { h = 0; continue; }
        int j = sa[rk[i] - 1];
        while (i + h < n && j + h < n && s[i + h] == s[j + h]) h++;
        lcp[rk[i]] = h;
        if (h) h--;
    }
    int best = 0;
    for (int i = 1; i < n; i++) best = max(best, lcp[i]);
    cout << best << '\n';
    if (best > 0) {
        int start = n;
        for (int i = 1; i < n; i++)
            if (lcp[i] >= best) start = min({start, sa[i], sa[i - 1]});
        cout << s.substr(start, best) << '\n';
    }
    return 0;
}
