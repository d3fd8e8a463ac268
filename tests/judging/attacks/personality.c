/* personality() may only be queried: ADDR_NO_RANDOMIZE (no ASLR for what the program
   execs next), READ_IMPLIES_EXEC and the like are refused (EPERM). */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <sys/personality.h>

int main(void) {
    int current = personality(0xffffffff);
    if (current < 0) {
        puts("query failed");
        return 0;
    }
    unsigned long flags[] = {ADDR_NO_RANDOMIZE, READ_IMPLIES_EXEC, ADDR_COMPAT_LAYOUT,
                             (unsigned long)current};
    for (int i = 0; i < 4; i++) {
        errno = 0;
        if (personality(flags[i]) != -1 || errno != EPERM) {
            printf("set %#lx: errno=%d\n", flags[i], errno);
            return 0;
        }
    }
    puts("blocked");
    return 0;
}
