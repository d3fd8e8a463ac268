/*
 * CodeArena sandbox launcher: pid 1 of the sandbox's pid namespace (bwrap --as-pid-1).
 *
 * Why it exists:
 *  - rlimits must be set *inside* the user namespace: RLIMIT_NPROC then counts only
 *    this sandbox's tasks (ucounts are per user namespace), so a fork bomb fails fast
 *    without starving concurrent runs that share the same unprivileged uid.
 *  - as pid 1 it cannot be killed from inside (the kernel drops unhandled signals to a
 *    namespace init), it reaps every orphan, so getrusage(RUSAGE_CHILDREN) covers the
 *    whole process tree, and when it exits the kernel kills whatever is left.
 *  - it reports the real exit status (exit code vs signal) that bwrap folds into 128+n.
 *  - it installs a seccomp filter on the program (not on itself) that refuses the syscalls
 *    a contest program never needs and that widen the kernel attack surface (io_uring,
 *    bpf, perf, keyctl, ptrace, mounts, namespaces, modules, modify_ldt, memfd_secret,
 *    seccomp), allows only AF_UNIX/INET/INET6 and netlink-route sockets and only the
 *    query form of personality(), and kills any syscall made through another ABI
 *    (int 0x80, x32), which would bypass the number checks. See docs/judge.md.
 *
 *  - it waits for "go" before starting the program, so a sandbox can be built ahead of
 *    time (namespaces, mounts, cgroup) and the run's clock starts only at "go".
 *
 *  - it enforces the CPU limit on the whole run: with a CPU cgroup usage file (handed over
 *    with "go") it counts every process of the run, including children the kernel reaps
 *    by itself (SIGCHLD ignored), whose CPU getrusage(RUSAGE_CHILDREN) never sees, and
 *    kills the run as soon as the total passes the limit.
 *
 * usage: launcher REPORT_FD CONTROL_FD WALL_MS [key=value ...] -- PROGRAM [ARGS...]
 *        launcher --drop UID GID PROGRAM [ARGS...]   (outside: become UID, exec bwrap;
 *        lets the server spawn with vfork instead of forking its whole address space)
 * CONTROL_FD is a unix socket: one byte "g" with the program's stdin attached (SCM_RIGHTS),
 * optionally followed by an open CPU usage file of the run's cgroup (v1 cpuacct.usage in
 * ns, or v2 cpu.stat), starts the run; EOF instead means the sandbox is not needed.
 *   keys: cpu (seconds), as, data, nproc, fsize, nofile, stack, core, memlock, msgqueue
 *   (rlimits), cpu_us (CPU budget of the whole run, enforced with the usage file)
 * report (one line on REPORT_FD, none when never started):
 *   status=exited|signaled|execfail value=N cpu_us=N maxrss_kb=N wall_us=N timed_out=0|1
 *   stopped=0|1 cpu_exceeded=0|1 cpu_source=cgroup|rusage
 * SIGTERM sent from outside the namespace (si_pid == 0) stops the program early, e.g.
 * when the supervisor saw too much output; SIGTERM from inside is ignored.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <grp.h>
#include <sched.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif

struct limit_name {
    const char *key;
    int resource;
};

static const struct limit_name LIMITS[] = {
    {"cpu", RLIMIT_CPU},       {"as", RLIMIT_AS},         {"data", RLIMIT_DATA},
    {"nproc", RLIMIT_NPROC},   {"fsize", RLIMIT_FSIZE},   {"nofile", RLIMIT_NOFILE},
    {"stack", RLIMIT_STACK},   {"core", RLIMIT_CORE},     {"memlock", RLIMIT_MEMLOCK},
    {"msgqueue", RLIMIT_MSGQUEUE}, {NULL, 0},
};

#define MAX_LIMITS 16
static int limit_res[MAX_LIMITS];
static unsigned long long limit_val[MAX_LIMITS];
static int limit_count;
static long long cpu_budget_us = -1; /* cpu_us=: total CPU of the run, -1 = none */

static void fail(const char *what) {
    dprintf(2, "launcher: %s: %s\n", what, strerror(errno));
    _exit(125);
}

static long long now_us(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long long)t.tv_sec * 1000000LL + t.tv_nsec / 1000;
}

static void parse_limit(const char *arg) {
    const char *eq = strchr(arg, '=');
    if (!eq || limit_count >= MAX_LIMITS) {
        errno = EINVAL;
        fail(arg);
    }
    if (strncmp(arg, "cpu_us=", 7) == 0) {
        cpu_budget_us = atoll(eq + 1);
        return;
    }
    for (const struct limit_name *l = LIMITS; l->key; l++) {
        if (strlen(l->key) == (size_t)(eq - arg) && strncmp(l->key, arg, eq - arg) == 0) {
            limit_res[limit_count] = l->resource;
            limit_val[limit_count] = strtoull(eq + 1, NULL, 10);
            limit_count++;
            return;
        }
    }
    errno = EINVAL;
    fail(arg);
}

/* Syscalls refused with EPERM whatever their arguments (runtimes probe some of these,
   e.g. libuv tries io_uring). seccomp: a program may not stack filters of its own on
   ours (prctl(PR_SET_SECCOMP) is refused below too). */
static const unsigned int DENIED[] = {
    SYS_io_uring_setup, SYS_io_uring_enter, SYS_io_uring_register, SYS_bpf,
    SYS_perf_event_open, SYS_userfaultfd, SYS_keyctl, SYS_add_key, SYS_request_key,
    SYS_ptrace, SYS_process_vm_readv, SYS_process_vm_writev, SYS_mount, SYS_umount2,
    SYS_pivot_root, SYS_move_mount, SYS_open_tree, SYS_fsopen, SYS_fsconfig, SYS_fsmount,
    SYS_fspick, SYS_mount_setattr, SYS_unshare, SYS_setns, SYS_kexec_load,
    SYS_kexec_file_load, SYS_init_module, SYS_finit_module, SYS_delete_module, SYS_swapon,
    SYS_swapoff, SYS_reboot, SYS_acct, SYS_quotactl, SYS_syslog, SYS_open_by_handle_at,
    SYS_fanotify_init, SYS_lookup_dcookie, SYS_vhangup, SYS_modify_ldt, SYS_seccomp,
    447 /* memfd_secret */,
};
#define DENIED_COUNT (sizeof DENIED / sizeof DENIED[0])
#define X32_SYSCALL_BIT 0x40000000U

/* Allow-lists by argument: socket()/socketpair() families (vsock is not isolated by the
   network namespace; packet, xfrm and the rest are not needed), netlink protocols (route
   only: getaddrinfo and runtimes list interfaces with it), and personality() only in its
   query form. */
static const unsigned int SOCKET_FAMILIES[] = {AF_UNIX, AF_INET, AF_INET6};
#define NETLINK_ROUTE_PROTOCOL 0U
#define PERSONALITY_QUERY 0xffffffffU

enum label { L_ALLOW, L_DENY, L_SOCKET, L_NETLINK, L_PERSONALITY, L_PRCTL, L_COUNT };

struct bpf_builder {
    struct sock_filter prog[128];
    unsigned int n;
    unsigned int at[L_COUNT];          /* where each label is */
    unsigned int fix_at[64], fix_to[64]; /* conditional jumps (true branch) to labels */
    unsigned int fixes;
};

static void emit(struct bpf_builder *b, struct sock_filter insn) { b->prog[b->n++] = insn; }
static void load_nr(struct bpf_builder *b) {
    emit(b, (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
                                         offsetof(struct seccomp_data, nr)));
}
/* The low 32 bits of argument i: the kernel reads all the arguments checked here as int. */
static void load_arg(struct bpf_builder *b, int i) {
    emit(b, (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
                                         offsetof(struct seccomp_data, args[i])));
}
static void jump_if(struct bpf_builder *b, unsigned int value, enum label to) {
    b->fix_at[b->fixes] = b->n;
    b->fix_to[b->fixes++] = to;
    emit(b, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, value, 0, 0));
}
static void ret(struct bpf_builder *b, unsigned int action) {
    emit(b, (struct sock_filter)BPF_STMT(BPF_RET | BPF_K, action));
}
static void place(struct bpf_builder *b, enum label l) { b->at[l] = b->n; }

static void install_seccomp(void) {
    struct bpf_builder b = {.n = 0, .fixes = 0};
    emit(&b, (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
                                          offsetof(struct seccomp_data, arch)));
    emit(&b, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0));
    ret(&b, SECCOMP_RET_KILL_PROCESS);
    load_nr(&b);
    emit(&b, (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JGE | BPF_K, X32_SYSCALL_BIT, 0, 1));
    ret(&b, SECCOMP_RET_KILL_PROCESS);
    for (unsigned int i = 0; i < DENIED_COUNT; i++) jump_if(&b, DENIED[i], L_DENY);
    jump_if(&b, SYS_socket, L_SOCKET);
    jump_if(&b, SYS_socketpair, L_SOCKET);
    jump_if(&b, SYS_personality, L_PERSONALITY);
    jump_if(&b, SYS_prctl, L_PRCTL);
    ret(&b, SECCOMP_RET_ALLOW);
    place(&b, L_SOCKET);
    load_arg(&b, 0);
    for (unsigned int i = 0; i < sizeof SOCKET_FAMILIES / sizeof SOCKET_FAMILIES[0]; i++)
        jump_if(&b, SOCKET_FAMILIES[i], L_ALLOW);
    jump_if(&b, AF_NETLINK, L_NETLINK);
    ret(&b, SECCOMP_RET_ERRNO | EPERM);
    place(&b, L_NETLINK);
    load_arg(&b, 2);
    jump_if(&b, NETLINK_ROUTE_PROTOCOL, L_ALLOW);
    ret(&b, SECCOMP_RET_ERRNO | EPERM);
    place(&b, L_PERSONALITY);
    load_arg(&b, 0);
    jump_if(&b, PERSONALITY_QUERY, L_ALLOW);
    ret(&b, SECCOMP_RET_ERRNO | EPERM);
    place(&b, L_PRCTL);
    load_arg(&b, 0);
    jump_if(&b, PR_SET_SECCOMP, L_DENY);
    place(&b, L_ALLOW); /* classic BPF jumps only forward: the shared returns come last */
    ret(&b, SECCOMP_RET_ALLOW);
    place(&b, L_DENY);
    ret(&b, SECCOMP_RET_ERRNO | EPERM);
    for (unsigned int i = 0; i < b.fixes; i++) {
        unsigned int from = b.fix_at[i] + 1, to = b.at[b.fix_to[i]];
        if (to < from || to - from > 255) {
            errno = E2BIG;
            fail("seccomp jump");
        }
        b.prog[b.fix_at[i]].jt = (unsigned char)(to - from);
    }
    struct sock_fprog fprog = {(unsigned short)b.n, b.prog};
    if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &fprog) != 0) fail("seccomp");
}

static void apply_limits(void) {
    for (int i = 0; i < limit_count; i++) {
        struct rlimit r = {limit_val[i], limit_val[i]};
        /* CPU: SIGXCPU at the soft limit, SIGKILL one second later. */
        if (limit_res[i] == RLIMIT_CPU) r.rlim_max = limit_val[i] + 1;
        if (setrlimit(limit_res[i], &r) != 0) fail("setrlimit");
    }
}

/* CPU time of the whole cgroup in microseconds, or -1 if it cannot be read. */
static long long cgroup_cpu_us(int fd) {
    char buf[1024];
    ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
    if (n <= 0) return -1;
    buf[n] = 0;
    if (strncmp(buf, "usage_usec ", 11) == 0) return atoll(buf + 11); /* v2 cpu.stat */
    return atoll(buf) / 1000;                                          /* v1 cpuacct.usage */
}

/* CPUs the run could use at once: the bound on how fast its CPU total can grow. */
static long usable_cpus(void) {
    cpu_set_t set;
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > n) n = CPU_COUNT(&set);
    return n > 0 ? n : 1;
}

/* Wait for "go" on the control socket; returns the stdin fd it carried, or -1 on EOF.
   A second fd, if any, is the CPU usage file of the run's cgroup (into *cpu_fd). */
static int wait_for_go(int control_fd, int *cpu_fd) {
    char byte = 0;
    char space[CMSG_SPACE(2 * sizeof(int))];
    struct iovec iov = {&byte, 1};
    struct msghdr msg = {0};
    msg.msg_iov = &iov;
    msg.msg_iovlen = 1;
    msg.msg_control = space;
    msg.msg_controllen = sizeof space;
    ssize_t got;
    do {
        got = recvmsg(control_fd, &msg, MSG_CMSG_CLOEXEC);
    } while (got < 0 && errno == EINTR);
    if (got <= 0 || byte != 'g') return -1;
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&msg); c; c = CMSG_NXTHDR(&msg, c)) {
        if (c->cmsg_level == SOL_SOCKET && c->cmsg_type == SCM_RIGHTS) {
            int fds[2] = {-1, -1};
            size_t count = (c->cmsg_len - CMSG_LEN(0)) / sizeof(int);
            memcpy(fds, CMSG_DATA(c), (count > 2 ? 2 : count) * sizeof(int));
            if (count > 1) *cpu_fd = fds[1];
            return fds[0];
        }
    }
    return open("/dev/null", O_RDONLY | O_CLOEXEC);
}

static int drop_and_exec(int argc, char **argv) {
    if (argc < 5) {
        dprintf(2, "usage: launcher --drop UID GID PROGRAM [ARGS...]\n");
        return 125;
    }
    uid_t uid = (uid_t)strtoul(argv[2], NULL, 10);
    gid_t gid = (gid_t)strtoul(argv[3], NULL, 10);
    if (uid == 0 || gid == 0) {
        dprintf(2, "launcher: refusing to drop to root\n");
        return 125;
    }
    if (setgroups(0, NULL) != 0 || setresgid(gid, gid, gid) != 0 || setresuid(uid, uid, uid) != 0)
        fail("drop privileges");
    if (setuid(0) == 0) { /* must be impossible now */
        dprintf(2, "launcher: privileges were not dropped\n");
        return 125;
    }
    execv(argv[4], argv + 4);
    fail("exec");
    return 125;
}

int main(int argc, char **argv) {
    if (argc > 1 && strcmp(argv[1], "--drop") == 0) return drop_and_exec(argc, argv);
    if (argc < 6) {
        dprintf(2, "usage: launcher REPORT_FD CONTROL_FD WALL_MS [key=value ...] -- PROGRAM\n");
        return 125;
    }
    /* kill(-1) below must only ever reach this sandbox's own namespace. */
    if (getpid() != 1) {
        dprintf(2, "launcher: refusing to run outside a pid namespace\n");
        return 125;
    }
    int report_fd = atoi(argv[1]);
    int control_fd = atoi(argv[2]);
    long long wall_us = atoll(argv[3]) * 1000LL;
    int i = 4;
    for (; i < argc && strcmp(argv[i], "--") != 0; i++) parse_limit(argv[i]);
    if (i + 1 >= argc) {
        dprintf(2, "launcher: no program\n");
        return 125;
    }
    char **program = argv + i + 1;

    /* Not dumpable: the program (same uid) cannot ptrace us or open /proc/1/fd. */
    prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
    prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
    /* Nothing we hold may leak into the program except stdio. */
    if (syscall(SYS_close_range, 3U, ~0U, CLOSE_RANGE_CLOEXEC) != 0) {
        for (int fd = 3; fd < 1024; fd++) fcntl(fd, F_SETFD, FD_CLOEXEC);
    }
    signal(SIGPIPE, SIG_IGN);

    sigset_t waited, old;
    sigemptyset(&waited);
    sigaddset(&waited, SIGCHLD);
    sigaddset(&waited, SIGTERM);
    sigprocmask(SIG_BLOCK, &waited, &old);

    int cpu_fd = -1;
    int input_fd = wait_for_go(control_fd, &cpu_fd);
    if (input_fd < 0) return 0; /* not needed after all */
    close(control_fd);
    if (dup2(input_fd, 0) < 0) fail("dup2 stdin");
    close(input_fd);

    int errpipe[2];
    if (pipe2(errpipe, O_CLOEXEC) != 0) fail("pipe2");

    /* The usage file counts every process that ever ran in the cgroup (it is reused
       run after run), so the run's CPU is the growth from here. */
    long long cpu_base = cpu_fd >= 0 ? cgroup_cpu_us(cpu_fd) : -1;
    if (cpu_base < 0 && cpu_fd >= 0) {
        close(cpu_fd);
        cpu_fd = -1;
    }
    long cpus = usable_cpus();
    int cpu_exceeded = 0;

    long long start = now_us();
    pid_t child = fork();
    if (child < 0) fail("fork");
    if (child == 0) {
        sigset_t none;
        sigemptyset(&none);
        for (int s = 1; s < NSIG; s++) signal(s, SIG_DFL);
        sigprocmask(SIG_SETMASK, &none, NULL);
        apply_limits();
        install_seccomp(); /* last thing before exec: it binds the program, not us */
        execvp(program[0], program);
        int e = errno;
        if (write(errpipe[1], &e, sizeof e) < 0) _exit(127);
        _exit(127);
    }
    close(errpipe[1]);
    /* The program owns stdio now; drop ours so EOF means the program tree is done. */
    int devnull = open("/dev/null", O_RDWR | O_CLOEXEC);
    if (devnull >= 0) {
        dup2(devnull, 0);
        dup2(devnull, 1);
        dup2(devnull, 2);
    }

    int exec_errno = 0;
    ssize_t got = read(errpipe[0], &exec_errno, sizeof exec_errno);
    close(errpipe[0]);

    int status = 0, main_done = 0, timed_out = 0, stopped = 0;
    long long end = 0;
    while (!main_done) {
        pid_t p;
        int st;
        while ((p = waitpid(-1, &st, WNOHANG)) > 0) {
            if (p == child) {
                status = st;
                main_done = 1;
                end = now_us();
            }
        }
        if (main_done) break;
        long long left = start + wall_us - now_us();
        if (left <= 0) {
            timed_out = 1;
            break;
        }
        if (cpu_fd >= 0 && cpu_budget_us >= 0) {
            /* The total grows at most `cpus` times as fast as the clock: look again just
               before it could reach the budget (at least every 2 ms near the end). */
            long long spare = cpu_budget_us - (cgroup_cpu_us(cpu_fd) - cpu_base);
            if (spare < 0) {
                cpu_exceeded = 1;
                break;
            }
            long long next = spare / cpus;
            if (next < 2000) next = 2000;
            if (next < left) left = next;
        }
        struct timespec ts = {left / 1000000LL, (left % 1000000LL) * 1000L};
        siginfo_t si;
        int s = sigtimedwait(&waited, &si, &ts);
        if (s == SIGTERM && si.si_pid == 0) {
            stopped = 1;
            break;
        }
    }
    /* Kill everything else in the namespace, then reap it all so the rusage of the whole
       tree is ours to report. */
    kill(-1, SIGKILL);
    if (!main_done) {
        while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
        }
        end = now_us();
    }
    while (wait(NULL) > 0 || errno == EINTR) {
    }

    struct rusage ru;
    getrusage(RUSAGE_CHILDREN, &ru);
    long long cpu_us = (long long)ru.ru_utime.tv_sec * 1000000LL + ru.ru_utime.tv_usec +
                       (long long)ru.ru_stime.tv_sec * 1000000LL + ru.ru_stime.tv_usec;
    const char *cpu_source = "rusage";
    if (cpu_fd >= 0) {
        /* Everything is dead and reaped: the cgroup's total is final (it also holds the
           children the kernel reaped by itself, which rusage misses). */
        long long total = cgroup_cpu_us(cpu_fd) - cpu_base;
        if (total >= cpu_us) {
            cpu_us = total;
            cpu_source = "cgroup";
        }
        if (cpu_budget_us >= 0 && cpu_us > cpu_budget_us) cpu_exceeded = 1;
    }
    const char *kind;
    int value;
    if (got == (ssize_t)sizeof exec_errno) {
        kind = "execfail";
        value = exec_errno;
    } else if (WIFSIGNALED(status)) {
        kind = "signaled";
        value = WTERMSIG(status);
    } else {
        kind = "exited";
        value = WEXITSTATUS(status);
    }
    dprintf(report_fd,
            "status=%s value=%d cpu_us=%lld maxrss_kb=%ld wall_us=%lld timed_out=%d stopped=%d "
            "cpu_exceeded=%d cpu_source=%s\n",
            kind, value, cpu_us, ru.ru_maxrss, end - start, timed_out, stopped, cpu_exceeded,
            cpu_source);
    return 0;
}
