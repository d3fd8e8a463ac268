#include <stdio.h>
int main(void) {
    const char *paths[] = {"/etc/shadow", "/etc/gshadow", "/root/.bash_history", "/proc/1/root/etc/shadow"};
    int leaked = 0;
    for (int i = 0; i < 4; i++) {
        FILE *f = fopen(paths[i], "r");
        if (f) { leaked = 1; fclose(f); }
    }
    puts(leaked ? "leaked" : "blocked");
    return 0;
}
