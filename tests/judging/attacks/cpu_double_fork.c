/* Double-forked workers: each intermediate child exits at once, so the workers are
   orphans whose CPU never reaches the program's own rusage. They burn in parallel while
   the program waits for them through a pipe: TLE. */
#define _GNU_SOURCE
#include <stdio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static void burn(double seconds) {
    struct timespec t;
    volatile unsigned long x = 0;
    for (;;) {
        for (int i = 0; i < 1000000; i++) x += i;
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
        if (t.tv_sec + t.tv_nsec / 1e9 >= seconds) return;
    }
}

int main(void) {
    int done[2];
    if (pipe(done) != 0) return 1;
    for (int i = 0; i < 8; i++) {
        pid_t mid = fork();
        if (mid == 0) {
            if (fork() == 0) {
                close(done[0]);
                burn(0.4);
                _exit(0);
            }
            _exit(0);
        }
        waitpid(mid, NULL, 0);
    }
    close(done[1]);
    char c;
    while (read(done[0], &c, 1) > 0) {
    }
    puts("blocked");
    return 0;
}
