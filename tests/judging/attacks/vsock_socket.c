/* AF_VSOCK talks to the hypervisor and other VMs; the network namespace does not
   isolate it. socket() must be refused (EPERM). */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <sys/socket.h>

#ifndef AF_VSOCK
#define AF_VSOCK 40
#endif

int main(void) {
    int types[] = {SOCK_STREAM, SOCK_DGRAM, SOCK_SEQPACKET};
    for (int i = 0; i < 3; i++) {
        errno = 0;
        int fd = socket(AF_VSOCK, types[i], 0);
        if (fd >= 0 || errno != EPERM) {
            printf("opened type %d: fd=%d errno=%d\n", types[i], fd, errno);
            return 0;
        }
    }
    int pair[2];
    errno = 0;
    if (socketpair(AF_VSOCK, SOCK_STREAM, 0, pair) == 0 || errno != EPERM) {
        printf("socketpair errno=%d\n", errno);
        return 0;
    }
    puts("blocked");
    return 0;
}
