/* Merge-style walk with two indices. */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int n, m;
    if (scanf("%d %d", &n, &m) != 2) return 0;
    int *x = malloc(sizeof(int) * n), *y = malloc(sizeof(int) * m);
    int *c = malloc(sizeof(int) * (n < m ? n : m));
    for (int i = 0; i < n; i++) scanf("%d", &x[i]);
    for (int j = 0; j < m; j++) scanf("%d", &y[j]);
    int i = 0, j = 0, k = 0;
    while (i < n && j < m) {
        if (x[i] < y[j]) i++;
        else if (x[i] > y[j]) j++;
        else { c[k++] = x[i]; i++; j++; }
    }
    printf("%d\n", k);
    for (int t = 0; t < k; t++) printf(t + 1 < k ? "%d " : "%d\n", c[t]);
    free(x); free(y); free(c);
    return 0;
}
