#include <stdio.h>
static char composite[2000001];
int main(void) {
    int n, count = 0;
    scanf("%d", &n);
    for (long i = 2; i < n; i++) {
        if (composite[i]) continue;
        count++;
        for (long j = i * i; j < n; j += i) composite[j] = 1;
    }
    printf("%d\n", count);
}
