/* review_saver.c: a helper for tests/acceptance/review_kill.sh. It rewrites a review file in a
 * loop the way the UI does after every change, so the test can kill it at random moments.
 *
 *   review_saver FILE [ROUNDS]   load FILE (missing = empty), then ROUNDS times (0 = forever):
 *                                set every decision's note to "state N+1", save, print
 *                                "saved N+1" (flushed) once pc_review_save has returned
 *   review_saver --check FILE    print the state N the file holds and exit 0; exit 1 with one
 *                                line on stderr if it does not parse or its notes disagree
 *   review_saver --full FILE     a save that cannot be written (RLIMIT_FSIZE, as on a full
 *                                disk) fails with a message naming FILE, leaves FILE as it was
 *                                and keeps the new state in memory; the next save, with room
 *                                again, writes it. Exit 0 when all of that holds.
 *   review_saver --blocked-by ON OFF FILE
 *                                the same with the shell command ON run to make FILE's
 *                                directory unwritable before the save and OFF after it (the
 *                                caller picks them: chmod, chattr +i or a read-only bind mount,
 *                                since root writes through permissions)
 *
 * The file holds PC_SAVER_DECISIONS clause decisions, all with the same note, so a torn write
 * or a mix of two saves shows as notes that disagree. */
#include "review/review.h"
#include "util/util.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#define PC_SAVER_DECISIONS 200

/* The state the notes agree on (0 for an empty review), or -1 (message in err). */
static long saver_state(const pc_review *r, pc_error *err)
{
    long state = -1;
    for (size_t i = 0; i < r->n; i++) {
        const char *note = r->items[i].note;
        long v;
        if (!note || sscanf(note, "state %ld", &v) != 1) {
            pc_error_set(err, "%s: decision %zu has no state note", r->path, i + 1);
            return -1;
        }
        if (state >= 0 && v != state) {
            pc_error_set(err, "%s: decision %zu says state %ld, the first says %ld", r->path,
                         i + 1, v, state);
            return -1;
        }
        state = v;
    }
    if (r->n != 0 && r->n != PC_SAVER_DECISIONS) {
        pc_error_set(err, "%s: %zu decisions, expected %d", r->path, r->n, PC_SAVER_DECISIONS);
        return -1;
    }
    return state < 0 ? 0 : state;
}

static int saver_check(const char *path)
{
    pc_error err = {{0}};
    pc_review *r = pc_review_load(path, &err);
    long state = r ? saver_state(r, &err) : -1;
    pc_review_free(r);
    if (state < 0) {
        fprintf(stderr, "review_saver: %s\n", err.msg);
        return 1;
    }
    printf("%ld\n", state);
    return 0;
}

/* Set every decision's note to "state N", adding the decisions on the first round. */
static int saver_set(pc_review *r, long state)
{
    char note[64], key[64];
    snprintf(note, sizeof note, "state %ld", state);
    for (int i = 0; i < PC_SAVER_DECISIONS; i++) {
        snprintf(key, sizeof key, "Clause number %d of the policy under review.", i);
        pc_decision *d = pc_review_get(r, 0, "saver", key, "Section");
        if (!d || pc_decision_set_note(d, note) < 0)
            return -1;
    }
    return 0;
}

static int saver_loop(const char *path, long rounds)
{
    pc_error err = {{0}};
    pc_review *r = pc_review_load(path, &err);
    long state = r ? saver_state(r, &err) : -1;
    if (state < 0) {
        fprintf(stderr, "review_saver: %s\n", err.msg);
        pc_review_free(r);
        return 1;
    }
    for (long i = 0; rounds == 0 || i < rounds; i++) {
        if (saver_set(r, state + 1) < 0) {
            fprintf(stderr, "review_saver: out of memory\n");
            break;
        }
        if (pc_review_save(r, &err) < 0) {
            fprintf(stderr, "review_saver: %s\n", err.msg);
            pc_review_free(r);
            return 1;
        }
        printf("saved %ld\n", ++state);
        fflush(stdout);
    }
    pc_review_free(r);
    return 0;
}

/* The state FILE holds now, or -1. */
static long saver_file_state(const char *path)
{
    pc_error err = {{0}};
    pc_review *r = pc_review_load(path, &err);
    long state = r ? saver_state(r, &err) : -1;
    pc_review_free(r);
    return state;
}

/* Make saving impossible (0) or possible again (1). */
/* Block saves (allow 0) or let them through again (allow 1): by RLIMIT_FSIZE when cmds is
 * NULL, else by running cmds[0] (block) or cmds[1] (allow). */
static int saver_block(char *const *cmds, int allow)
{
    if (!cmds) {
        struct rlimit rl;
        if (getrlimit(RLIMIT_FSIZE, &rl) < 0)
            return -1;
        rl.rlim_cur = allow ? rl.rlim_max : 64; /* far less than one save */
        return setrlimit(RLIMIT_FSIZE, &rl);
    }
    return system(cmds[allow ? 1 : 0]) == 0 ? 0 : -1;
}

/* A failed save keeps everything: the file, the decisions in memory, a later retry. */
static int saver_failed_save(char *const *cmds, const char *path)
{
    signal(SIGXFSZ, SIG_IGN); /* write() then fails with EFBIG instead of killing us */
    if (saver_loop(path, 1) != 0)
        return 1;
    long before = saver_file_state(path);
    pc_error err = {{0}};
    pc_review *r = pc_review_load(path, &err);
    if (!r || saver_set(r, before + 1) < 0 || saver_block(cmds, 0) < 0) {
        fprintf(stderr, "review_saver: setting up: %s\n", err.msg);
        pc_review_free(r);
        return 1;
    }
    int rc = pc_review_save(r, &err), bad = 0;
    if (saver_block(cmds, 1) < 0) {
        fprintf(stderr, "review_saver: %s: could not allow saves again\n", path);
        bad = 1;
    }
    if (rc == 0 || !strstr(err.msg, path)) {
        fprintf(stderr, "review_saver: %s: the blocked save %s\n", path,
                rc == 0 ? "succeeded" : "has a message that does not name the file");
        bad = 1;
    }
    printf("blocked save: %s\n", err.msg);
    if (saver_file_state(path) != before) {
        fprintf(stderr, "review_saver: %s: changed by the failed save\n", path);
        bad = 1;
    }
    pc_error_clear(&err);
    if (saver_state(r, &err) != before + 1 || pc_review_save(r, &err) < 0 ||
        saver_file_state(path) != before + 1) {
        fprintf(stderr, "review_saver: %s: the retry did not save the kept state %s\n", path,
                err.msg);
        bad = 1;
    }
    pc_review_free(r);
    return bad;
}

int main(int argc, char **argv)
{
    if (argc == 3 && strcmp(argv[1], "--check") == 0)
        return saver_check(argv[2]);
    if (argc == 3 && strcmp(argv[1], "--full") == 0)
        return saver_failed_save(NULL, argv[2]);
    if (argc == 5 && strcmp(argv[1], "--blocked-by") == 0)
        return saver_failed_save(argv + 2, argv[4]);
    if (argc == 2 || argc == 3)
        return saver_loop(argv[1], argc == 3 ? strtol(argv[2], NULL, 10) : 0);
    fprintf(stderr, "usage: review_saver FILE [ROUNDS] | review_saver --check|--full FILE | "
                    "review_saver --blocked-by ON OFF FILE\n");
    return 2;
}
