/* Two-row edit-distance DP with weighted operations. */
#include <stdio.h>
#include <string.h>

static char a[1105], b[1105];
static int prev_[1105], cur[1105];

int main(void) {
    int ci, cd, cr;
    if (scanf("%d %d %d %1100s %1100s", &ci, &cd, &cr, a, b) != 5) return 0;
    int n = (int)strlen(a), m = (int)strlen(b);
    for (int j = 0; j <= m; j++) prev_[j] = j * ci;
    for (int i = 1; i <= n; i++) {
        cur[0] = i * cd;
        for (int j = 1; j <= m; j++) {
            int best = prev_[j - 1] + (a[i - 1] == b[j - 1] ? 0 : cr);
            if (prev_[j] + cd < best) best = prev_[j] + cd;
            if (cur[j - 1] + ci < best) best = cur[j - 1] + ci;
            cur[j] = best;
        }
        memcpy(prev_, cur, sizeof(int) * (m + 1));
    }
    printf("%d\n", prev_[m]);
    return 0;
}
