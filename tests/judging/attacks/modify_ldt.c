/* modify_ldt (16-bit segments, a classic source of kernel bugs) is refused (EPERM),
   for reading and for writing an entry. */
#define _GNU_SOURCE
#include <asm/ldt.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void) {
    char buf[64];
    struct user_desc desc;
    memset(&desc, 0, sizeof desc);
    desc.entry_number = 0;
    desc.limit = 0xfffff;
    desc.seg_32bit = 1;
    desc.limit_in_pages = 1;
    errno = 0;
    long read = syscall(SYS_modify_ldt, 0, buf, sizeof buf);
    int read_errno = errno;
    errno = 0;
    long write = syscall(SYS_modify_ldt, 1, &desc, sizeof desc);
    if (read != -1 || read_errno != EPERM || write != -1 || errno != EPERM) {
        printf("read=%ld/%d write=%ld/%d\n", read, read_errno, write, errno);
        return 0;
    }
    puts("blocked");
    return 0;
}
