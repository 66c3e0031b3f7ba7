/* loadbench.c: the time to load a taxonomy and its learned model, as a program starting up
 * spends it (one load per process; run it several times for a median).
 * Usage: loadbench TAXONOMY. Prints one line: taxonomy ms, model ms, total ms (wall clock), and
 * the process's CPU ms over the same span (steadier on a shared machine: time spent waiting
 * for a core is left out, page faults are not). */
#include "classify/model.h"
#include "taxonomy/taxonomy.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double clock_ms(clockid_t id)
{
    struct timespec t;
    clock_gettime(id, &t);
    return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static double now_ms(void)
{
    return clock_ms(CLOCK_MONOTONIC);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: loadbench TAXONOMY\n");
        return 2;
    }
    pc_error err = {{0}};
    double c0 = clock_ms(CLOCK_PROCESS_CPUTIME_ID), t0 = now_ms();
    pc_taxonomy *tax = pc_tax_load(argv[1], &err);
    double t1 = now_ms();
    char *mpath = tax ? pc_model_default_path(argv[1]) : NULL;
    pc_model *m = mpath ? pc_model_load(mpath, tax, &err) : NULL;
    double t2 = now_ms(), c2 = clock_ms(CLOCK_PROCESS_CPUTIME_ID);
    if (!tax || !m) {
        fprintf(stderr, "loadbench: %s\n", err.msg);
        return 1;
    }
    printf("taxonomy %.2f model %.2f total %.2f cpu %.2f\n", t1 - t0, t2 - t1, t2 - t0, c2 - c0);
    pc_model_free(m);
    free(mpath);
    pc_tax_free(tax);
    return 0;
}
