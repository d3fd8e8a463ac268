// Maximal-rectangle DP with left/right/height arrays (no stack), O(r*c).
#include <algorithm>
#include <cstdio>
#include <vector>
using namespace std;

int main() {
    int r, c;
    if (scanf("%d %d", &r, &c) != 2) return 0;
    vector<int> height(c, 0), left(c, 0), right(c, c);
    static char row[1024];
    long long best = 0;
    for (int i = 0; i < r; i++) {
        scanf("%1000s", row);
        int curLeft = 0, curRight = c;
        for (int j = 0; j < c; j++) height[j] = row[j] == '.' ? height[j] + 1 : 0;
        for (int j = 0; j < c; j++) {
            if (row[j] == '.') left[j] = max(left[j], curLeft);
            else left[j] = 0, curLeft = j + 1;
        }
        for (int j = c - 1; j >= 0; j--) {
            if (row[j] == '.') right[j] = min(right[j], curRight);
            else right[j] = c, curRight = j;
        }
        for (int j = 0; j < c; j++) best = max(best, (long long)height[j] * (right[j] - left[j]));
    }
    printf("%lld\n", best);
    return 0;
}
