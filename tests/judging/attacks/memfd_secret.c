/* memfd_secret (memory removed from the kernel's direct map) is not for contest
   programs: refused (EPERM). */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void) {
    errno = 0;
    long fd = syscall(447 /* memfd_secret */, 0);
    if (fd >= 0 || errno != EPERM) {
        printf("memfd_secret=%ld errno=%d\n", fd, errno);
        return 0;
    }
    puts("blocked");
    return 0;
}
