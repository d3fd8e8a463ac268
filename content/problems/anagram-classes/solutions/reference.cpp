// Group by sorted-letter signature in an unordered_map.
#include <algorithm>
#include <iostream>
#include <string>
#include <unordered_map>
#include <vector>
using namespace std;

int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int n;
    if (!(cin >> n)) return 0;
    unordered_map<string, vector<string>> groups;
    groups.reserve(n * 2);
    for (int i = 0; i < n; i++) {
        string w;
        cin >> w;
        string key = w;
        sort(key.begin(), key.end());
        groups[key].push_back(w);
    }
    const string *bestKey = nullptr;
    size_t bestSize = 0;
    for (auto &kv : groups) {
        if (kv.second.size() > bestSize || (kv.second.size() == bestSize && kv.first < *bestKey)) {
            bestSize = kv.second.size();
            bestKey = &kv.first;
        }
    }
    vector<string> members = groups[*bestKey];
    sort(members.begin(), members.end());
    cout << groups.size() << '\n' << members.size() << '\n';
    for (size_t i = 0; i < members.size(); i++) cout << members[i] << (i + 1 < members.size() ? ' ' : '\n');
    return 0;
}
