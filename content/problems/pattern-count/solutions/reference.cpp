// Z-function of p + '#' + t.
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    string t, p;
    if (!(cin >> t >> p)) return 0;
    string s = p + "#" + t;
    int n = s.size(), m = p.size();
    vector<int> z(n, 0);
    for (int i = 1, l = 0, r = 0; i < n; i++) {
        if (i < r) z[i] = min(r - i, z[i - l]);
        while (i + z[i] < n && s[z[i]] == s[i + z[i]]) z[i]++;
        if (i + z[i] > r) l = i, r = i + z[i];
    }
    long long total = 0, chosen = 0;
    long long freeFrom = 0;
    for (int i = m + 1; i < n; i++) {
        if (z[i] >= m) {
            long long start = i - m - 1;
            total++;
            if (start >= freeFrom) chosen++, freeFrom = start + m;
        }
    }
    cout << total << ' ' << chosen << '\n';
    return 0;
}
