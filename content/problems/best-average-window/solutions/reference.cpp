// Exact method: maximise the slope (S_j - S_i) / (j - i) over i <= j - k using the lower convex
// hull of prefix-sum points and a binary-searched tangent. All comparisons in integers.
#include <cstdio>
#include <vector>
using namespace std;
typedef long long ll;

struct P {
    ll x, y;
};

// cross product of (b - a) x (c - a)
static ll cross(const P &a, const P &b, const P &c) {
    return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
}

int main() {
    int n, k;
    if (scanf("%d %d", &n, &k) != 2) return 0;
    vector<ll> s(n + 1, 0);
    for (int i = 1; i <= n; i++) {
        ll v;
        scanf("%lld", &v);
        s[i] = s[i - 1] + v;
    }
    vector<P> hull;
    ll bestNum = 0, bestDen = 0;  // best slope as a fraction, den > 0
    for (int j = k; j <= n; j++) {
        P add{j - k, s[j - k]};
        while (hull.size() >= 2 && cross(hull[hull.size() - 2], hull.back(), add) <= 0) hull.pop_back();
        hull.push_back(add);
        P q{j, s[j]};
        // slope(hull[i], q) is unimodal along the lower hull: find the first i where it stops rising
        int lo = 0, hi = (int)hull.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            // slope(hull[mid+1], q) >= slope(hull[mid], q)  <=>  q is on/above line hull[mid]->hull[mid+1]
            if (cross(hull[mid], hull[mid + 1], q) >= 0) lo = mid + 1;
            else hi = mid;
        }
        ll num = q.y - hull[lo].y, den = q.x - hull[lo].x;
        if (bestDen == 0 || (__int128)num * bestDen > (__int128)bestNum * den) bestNum = num, bestDen = den;
    }
    printf("%.9f\n", (double)bestNum / (double)bestDen);
    return 0;
}
