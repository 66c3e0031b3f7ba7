/* test_atomic.c: output files appear whole or not at all, and never replace what is not a
 * regular file (/dev/null must stay a device) nor a symbolic link itself. */
#include "util/atomic.h"
#include "testutil.h"

#include <cmocka.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

static int write_text(const char *path, const char *text)
{
    pc_outfile o;
    pc_error err = {{0}};
    if (pc_outfile_open(&o, path, &err) < 0)
        return -1;
    fputs(text, o.f);
    return pc_outfile_commit(&o, &err);
}

static void test_replaces_whole(void **state)
{
    (void)state;
    char path[1024];
    snprintf(path, sizeof path, "%s/out.txt", test_temp_dir());
    assert_int_equal(write_text(path, "first"), 0);
    assert_int_equal(write_text(path, "second"), 0);
    size_t len;
    char *got = test_read_file(path, &len);
    assert_string_equal(got, "second");
    free(got);
}

static void test_abort_leaves_old_file(void **state)
{
    (void)state;
    char path[1024];
    snprintf(path, sizeof path, "%s/kept.txt", test_temp_dir());
    assert_int_equal(write_text(path, "old"), 0);
    pc_outfile o;
    pc_error err = {{0}};
    assert_int_equal(pc_outfile_open(&o, path, &err), 0);
    char tmp[1024];
    snprintf(tmp, sizeof tmp, "%s", o.tmp);
    fputs("half", o.f);
    pc_outfile_abort(&o);
    assert_int_not_equal(access(tmp, F_OK), 0);
    size_t len;
    char *got = test_read_file(path, &len);
    assert_string_equal(got, "old");
    free(got);
}

/* A FIFO stands for /dev/null and /dev/stdout (testing on /dev/null itself would, on failure,
 * break the machine's /dev/null). */
static void test_fifo_written_in_place(void **state)
{
    (void)state;
    char path[1024];
    snprintf(path, sizeof path, "%s/pipe", test_temp_dir());
    unlink(path);
    assert_int_equal(mkfifo(path, 0600), 0);
    int reader = open(path, O_RDWR | O_NONBLOCK); /* so opening for writing does not block */
    assert_true(reader >= 0);
    assert_int_equal(write_text(path, "through the pipe"), 0);
    struct stat st;
    assert_int_equal(lstat(path, &st), 0);
    assert_true(S_ISFIFO(st.st_mode)); /* a rename would have replaced it with a regular file */
    char buf[64] = {0};
    assert_int_equal(read(reader, buf, sizeof buf - 1), 16);
    assert_string_equal(buf, "through the pipe");
    close(reader);
}

static void test_symlink_target_replaced(void **state)
{
    (void)state;
    char target[1024], link[1024];
    snprintf(target, sizeof target, "%s/target.txt", test_temp_dir());
    snprintf(link, sizeof link, "%s/link.txt", test_temp_dir());
    assert_int_equal(write_text(target, "old"), 0);
    unlink(link);
    assert_int_equal(symlink(target, link), 0);
    assert_int_equal(write_text(link, "new"), 0);
    struct stat st;
    assert_int_equal(lstat(link, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    size_t len;
    char *got = test_read_file(target, &len);
    assert_string_equal(got, "new");
    free(got);
}

/* A writer killed mid-save leaves its temporary file: the next save removes it, but never the
 * temporary file of a writer that is still alive (it holds a lock). */
static void test_stale_temporaries_swept(void **state)
{
    (void)state;
    char path[1024], stale[1100], live[1100];
    snprintf(path, sizeof path, "%s/swept.yaml", test_temp_dir());
    snprintf(stale, sizeof stale, "%s/.swept.yaml.AbC123", test_temp_dir());
    snprintf(live, sizeof live, "%s/.swept.yaml.LiVe99", test_temp_dir());
    FILE *f = fopen(stale, "w");
    assert_non_null(f);
    fclose(f);
    int fd = open(live, O_CREAT | O_WRONLY, 0600);
    assert_true(fd >= 0);
    assert_int_equal(flock(fd, LOCK_EX), 0);
    assert_int_equal(write_text(path, "state"), 0);
    assert_int_not_equal(access(stale, F_OK), 0);
    assert_int_equal(access(live, F_OK), 0);
    close(fd);
    unlink(live);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_replaces_whole),
        cmocka_unit_test(test_abort_leaves_old_file),
        cmocka_unit_test(test_fifo_written_in_place),
        cmocka_unit_test(test_symlink_target_replaced),
        cmocka_unit_test(test_stale_temporaries_swept),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
