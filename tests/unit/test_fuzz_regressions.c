/* test_fuzz_regressions.c: every input a fuzzer once failed on (tests/data/fuzz-regressions/
 * TARGET/) replayed through what that target exercises, with the same invariants
 * (fuzz/fuzz_common.h: a broken invariant traps, which fails this test), plus what each
 * reproducer's own input says must come out of it. */
#include "../../fuzz/fuzz_common.h"
#include "classify/classify.h"
#include "util/jsonl.h"
#include "review/review.h"
#include "taxonomy/taxonomy.h"
#include "testutil.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef void (*replay_fn)(const char *data, size_t len);

static void replay_text(const char *data, size_t len)
{
    fuzz_load_and_segment("fuzz.txt", (const uint8_t *)data, len, PC_FORMAT_TEXT);
    fuzz_load_and_segment("fuzz.md", (const uint8_t *)data, len, PC_FORMAT_MARKDOWN);
}

static void replay_html(const char *data, size_t len)
{
    fuzz_load_and_segment("fuzz.html", (const uint8_t *)data, len, PC_FORMAT_HTML);
    fuzz_load_and_segment("fuzz", (const uint8_t *)data, len, PC_FORMAT_AUTO);
}

static void replay_taxonomy(const char *data, size_t len)
{
    pc_error err = {{0}};
    pc_taxonomy *tax = pc_tax_load_mem("fuzz.yaml", data, len, &err);
    if (!tax) {
        assert_true(err.msg[0] != '\0');
        return;
    }
    const char *text = "We collect your email address and keep it for 30 days.";
    pc_classified *c = pc_classify_text(tax, text, strlen(text), "Privacy", &err);
    pc_classified_free(c);
    pc_tax_free(tax);
}

static void replay_review(const char *data, size_t len)
{
    pc_error err = {{0}};
    pc_review *r = pc_review_load_mem("fuzz.yaml", data, len, &err);
    if (!r) {
        assert_true(err.msg[0] != '\0');
        return;
    }
    size_t n1 = 0, n2 = 0;
    char *d1 = pc_review_dump(r, &n1, &err);
    assert_non_null(d1);
    pc_review *again = pc_review_load_mem("fuzz.yaml", d1, n1, &err);
    assert_non_null(again);
    char *d2 = pc_review_dump(again, &n2, &err);
    assert_non_null(d2);
    assert_int_equal(n1, n2);
    assert_memory_equal(d1, d2, n1);
    free(d1);
    free(d2);
    pc_review_free(again);
    pc_review_free(r);
}

/* Read the JSON Lines the way classify --segments does; returns the objects read. */
static size_t replay_jsonl_objects(const char *data, size_t len)
{
    FILE *f = fmemopen((void *)data, len, "r");
    assert_non_null(f);
    pc_error err = {{0}};
    pc_jsonl *r = pc_jsonl_new(f, "fuzz.jsonl", 0, &err);
    assert_non_null(r);
    json_t *obj = NULL;
    size_t n = 0;
    int rc;
    while ((rc = pc_jsonl_next(r, &obj, &err)) != 0 && rc != -2) {
        if (rc == 1) {
            assert_true(json_is_object(obj));
            json_decref(obj);
            n++;
        } else {
            assert_null(obj);
            assert_true(err.msg[0] != '\0');
        }
    }
    pc_jsonl_free(r);
    fclose(f);
    return n;
}

static void replay_jsonl(const char *data, size_t len)
{
    if (len == 0)
        return;
    replay_jsonl_objects(data, len);
    FILE *f = fmemopen((void *)data, len, "r");
    assert_non_null(f);
    pc_error err = {{0}};
    pc_jsonl *r = pc_jsonl_new(f, "fuzz.txt", 64, &err);
    assert_non_null(r);
    const char *line;
    size_t n;
    int rc;
    while ((rc = pc_jsonl_read_line(r, &line, &n, &err)) != 0 && rc != -2) {
        if (rc == 1) {
            assert_true(n <= 64);
            assert_true(n == 0 || line[n] == '\0');
        }
    }
    pc_jsonl_free(r);
    fclose(f);
}

/* Replay every file in fuzz-regressions/NAME; returns how many there were. */
static size_t replay_dir(const char *name, replay_fn fn)
{
    char dir[1024], path[2048];
    snprintf(dir, sizeof dir, "%s/fuzz-regressions/%s", POLCMP_TEST_DATA, name);
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    size_t count = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
        size_t len = 0;
        char *data = test_read_file(path, &len);
        assert_non_null(data);
        print_message("replay %s/%s\n", name, e->d_name);
        fn(data, len);
        free(data);
        count++;
    }
    closedir(d);
    return count;
}

static void test_replay_all(void **state)
{
    (void)state;
    size_t n = replay_dir("fuzz_load_text", replay_text) + replay_dir("fuzz_load_html", replay_html) +
               replay_dir("fuzz_taxonomy", replay_taxonomy) +
               replay_dir("fuzz_review", replay_review) + replay_dir("fuzz_jsonl", replay_jsonl);
    assert_true(n >= 1); /* the directory is found and holds the known reproducers */
}

/* A blank line in JSON Lines: "   \n\n{...}" holds one object, on line 3. */
static void test_jsonl_blank_lines(void **state)
{
    (void)state;
    size_t len = 0;
    char *data = test_read_file(POLCMP_TEST_DATA
                                "/fuzz-regressions/fuzz_jsonl/blank-line-not-terminated.jsonl",
                                &len);
    assert_non_null(data);
    assert_int_equal(replay_jsonl_objects(data, len), 1);
    FILE *f = fmemopen(data, len, "r");
    pc_error err = {{0}};
    pc_jsonl *r = pc_jsonl_new(f, "x", 0, &err);
    json_t *obj = NULL;
    assert_int_equal(pc_jsonl_next(r, &obj, &err), 1);
    assert_int_equal(pc_jsonl_line(r), 3);
    assert_string_equal(json_string_value(json_object_get(obj, "text")), "x");
    json_decref(obj);
    pc_jsonl_free(r);
    fclose(f);
    free(data);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_replay_all),
        cmocka_unit_test(test_jsonl_blank_lines),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
