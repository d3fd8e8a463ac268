#include <stdio.h>
int main(void) {
    char words[64][64];
    int n = 0;
    while (n < 64 && scanf("%63s", words[n]) == 1) n++;
    printf("\n\n");
    for (int i = n - 1; i >= 0; i--) printf("   %s  \t\n\n", words[i]);
}
