/* testutil.c: see testutil.h. */
#include "testutil.h"

#include "util/file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

const char *test_shared_dir(void)
{
    const char *env = getenv("POLCMP_SHARED");
    const char *dir = env && *env ? env : POLCMP_SHARED;
    struct stat st;
    char probe[4096];
    snprintf(probe, sizeof probe, "%s/DESIGN.md", dir);
    if (stat(probe, &st) != 0)
        return NULL;
    return dir;
}

char *test_read_file(const char *path, size_t *len)
{
    size_t n = 0;
    char *data = pc_file_read(path, 0, NULL, &n, NULL);
    if (data && len)
        *len = n;
    return data;
}

static char test_tmpdir[256];

static void test_cleanup(void)
{
    if (test_tmpdir[0]) {
        char cmd[300];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", test_tmpdir);
        if (system(cmd) != 0)
            fprintf(stderr, "could not remove %s\n", test_tmpdir);
    }
}

const char *test_temp_dir(void)
{
    if (!test_tmpdir[0]) {
        const char *base = getenv("TMPDIR");
        snprintf(test_tmpdir, sizeof test_tmpdir, "%s/polcmp-test-XXXXXX",
                 base && *base ? base : "/tmp");
        if (!mkdtemp(test_tmpdir)) {
            perror("mkdtemp");
            exit(1);
        }
        atexit(test_cleanup);
    }
    return test_tmpdir;
}

const char *test_write_temp(const char *name, const void *data, size_t len)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", test_temp_dir(), name);
    FILE *f = fopen(path, "wb");
    if (!f || fwrite(data, 1, len, f) != len) {
        perror(path);
        exit(1);
    }
    fclose(f);
    return path;
}
