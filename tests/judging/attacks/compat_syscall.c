/* A 32-bit syscall through int 0x80 dodges filters that only check x86_64 numbers:
   the sandbox must kill it (SIGSYS), not let it through. i386 getuid32 = 199. */
#include <stdio.h>
int main(void) {
    long ret;
    __asm__ volatile("int $0x80" : "=a"(ret) : "a"(199L) : "memory");
    printf("int 0x80 returned %ld\n", ret);
    return 0;
}
