// Sliding window with letter counts.
#include <iostream>
#include <string>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int k;
    string s;
    if (!(cin >> k >> s)) return 0;
    int cnt[26] = {0}, distinct = 0, left = 0, bestLen = 0, bestStart = 0;
    for (int r = 0; r < (int)s.size(); r++) {
        if (cnt[s[r] - 'a']++ == 0) distinct++;
        while (distinct > k)
            if (--cnt[s[left++] - 'a'] == 0) distinct--;
        if (r - left + 1 > bestLen) bestLen = r - left + 1, bestStart = left;
    }
    cout << bestLen << ' ' << bestStart + 1 << '\n';
    return 0;
}
