/* A program may not add seccomp filters of its own on top of the judge's (by the
   seccomp syscall or by prctl): both are refused (EPERM). */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stdio.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(void) {
    struct sock_filter allow = BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
    struct sock_fprog prog = {1, &allow};
    errno = 0;
    long by_syscall = syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &prog);
    int syscall_errno = errno;
    errno = 0;
    long by_prctl = prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0);
    if (by_syscall != -1 || syscall_errno != EPERM || by_prctl != -1 || errno != EPERM) {
        printf("syscall=%ld/%d prctl=%ld/%d\n", by_syscall, syscall_errno, by_prctl, errno);
        return 0;
    }
    puts("blocked");
    return 0;
}
