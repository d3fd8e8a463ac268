#include <stdio.h>
int dive(int n) { volatile char frame[4096]; frame[0] = (char)n; return dive(n + 1) + frame[0]; }
int main(void) { printf("%d\n", dive(0)); return 0; }
