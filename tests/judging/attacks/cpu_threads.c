/* Eight threads burn CPU in parallel, then the program exits cleanly: the CPU of all
   threads counts against the limit, not the wall time: TLE. */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <time.h>

static void *burn(void *arg) {
    struct timespec t;
    volatile unsigned long x = 0;
    (void)arg;
    for (;;) {
        for (int i = 0; i < 1000000; i++) x += i;
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
        if (t.tv_sec + t.tv_nsec / 1e9 >= 0.4) return NULL;
    }
}

int main(void) {
    pthread_t threads[8];
    for (int i = 0; i < 8; i++) pthread_create(&threads[i], NULL, burn, NULL);
    for (int i = 0; i < 8; i++) pthread_join(threads[i], NULL);
    puts("blocked");
    return 0;
}
