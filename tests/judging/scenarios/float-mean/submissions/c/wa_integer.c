#include <stdio.h>
int main(void) {
    int n;
    double x, s = 0;
    scanf("%d", &n);
    for (int i = 0; i < n; i++) { scanf("%lf", &x); s += x; }
    printf("%d\n", (int)s / n);
}
