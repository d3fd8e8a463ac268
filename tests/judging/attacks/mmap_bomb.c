#define _GNU_SOURCE
#include <string.h>
#include <sys/mman.h>
int main(void) {
    for (;;) {
        char *p = mmap(0, 64 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED) continue;
        memset(p, 1, 64 << 20);
    }
}
