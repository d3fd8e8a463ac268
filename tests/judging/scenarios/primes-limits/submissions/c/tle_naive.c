#include <stdio.h>
int main(void) {
    int n, count = 0;
    scanf("%d", &n);
    for (int k = 2; k < n; k++) {
        int d = 2;
        while (d < k && k % d) d++;
        count += d == k;
    }
    printf("%d\n", count);
}
