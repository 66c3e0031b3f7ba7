/* test_jsonl.c: the JSON Lines reader (core/jsonl.h): objects, blank lines, broken lines
 * reported by number with reading going on, CRLF, long lines across read blocks, the line
 * limit, and telling JSON Lines from a path list. */
#include "testutil.h"

#include "util/jsonl.h"

#include <stdlib.h>
#include <string.h>

/* A reader over a copy of s (fmemopen needs a writable buffer to stay alive). */
typedef struct src {
    char *data;
    FILE *f;
    pc_jsonl *r;
} src;

static void src_open(src *s, const char *text, size_t len, size_t max_line)
{
    s->data = malloc(len + 1);
    assert_non_null(s->data);
    memcpy(s->data, text, len);
    s->f = len ? fmemopen(s->data, len, "rb") : fopen("/dev/null", "rb");
    assert_non_null(s->f);
    pc_error err = {{0}};
    s->r = pc_jsonl_new(s->f, "in", max_line, &err);
    assert_non_null(s->r);
}

static void src_close(src *s)
{
    pc_jsonl_free(s->r);
    fclose(s->f);
    free(s->data);
}

static void test_objects_and_broken_lines(void **state)
{
    (void)state;
    static const char in[] = "{\"a\":1}\n\nnot json\n[1,2]\n  \n{\"b\":\"x\"}";
    src s;
    src_open(&s, in, sizeof in - 1, 0);
    json_t *o;
    pc_error err = {{0}};
    assert_int_equal(pc_jsonl_next(s.r, &o, &err), 1);
    assert_int_equal(json_integer_value(json_object_get(o, "a")), 1);
    assert_int_equal(pc_jsonl_line(s.r), 1);
    json_decref(o);
    /* Line 2 is blank; line 3 is not JSON. */
    assert_int_equal(pc_jsonl_next(s.r, &o, &err), -1);
    assert_null(o);
    assert_non_null(strstr(err.msg, "in:3:"));
    assert_non_null(strstr(err.msg, "invalid JSON"));
    /* Line 4 is JSON but not an object. */
    pc_error_clear(&err);
    assert_int_equal(pc_jsonl_next(s.r, &o, &err), -1);
    assert_string_equal(err.msg, "in:4: not a JSON object");
    /* Line 6 has no final newline. */
    assert_int_equal(pc_jsonl_next(s.r, &o, &err), 1);
    assert_string_equal(json_string_value(json_object_get(o, "b")), "x");
    assert_int_equal(pc_jsonl_line(s.r), 6);
    json_decref(o);
    assert_int_equal(pc_jsonl_next(s.r, &o, &err), 0);
    assert_int_equal(pc_jsonl_next(s.r, &o, &err), 0);
    src_close(&s);
}

/* An empty line right after a longer one ends where it starts. */
static void test_empty_line_after_longer(void **state)
{
    (void)state;
    static const char in[] = "policies/a.txt\n\nb.md\n";
    src s;
    src_open(&s, in, sizeof in - 1, 0);
    const char *line;
    size_t len;
    pc_error err = {{0}};
    assert_int_equal(pc_jsonl_read_line(s.r, &line, &len, &err), 1);
    assert_string_equal(line, "policies/a.txt");
    assert_int_equal(pc_jsonl_read_line(s.r, &line, &len, &err), 1);
    assert_int_equal(len, 0);
    assert_string_equal(line, "");
    src_close(&s);
}

static void test_crlf_and_paths(void **state)
{
    (void)state;
    static const char in[] = "a/b.txt\r\n\r\nc d.md\n";
    src s;
    src_open(&s, in, sizeof in - 1, 0);
    const char *line;
    size_t len;
    pc_error err = {{0}};
    assert_int_equal(pc_jsonl_starts_with_object(s.r), 0);
    assert_int_equal(pc_jsonl_read_line(s.r, &line, &len, &err), 1);
    assert_string_equal(line, "a/b.txt");
    assert_int_equal(len, 7);
    assert_int_equal(pc_jsonl_read_line(s.r, &line, &len, &err), 1);
    assert_int_equal(len, 0); /* the blank line is a line of its own */
    assert_string_equal(line, ""); /* and ends where it starts, not at the previous line's end */
    assert_int_equal(pc_jsonl_read_line(s.r, &line, &len, &err), 1);
    assert_string_equal(line, "c d.md");
    assert_int_equal(pc_jsonl_line(s.r), 3);
    assert_int_equal(pc_jsonl_read_line(s.r, &line, &len, &err), 0);
    src_close(&s);
}

static void test_starts_with_object_counts_lines(void **state)
{
    (void)state;
    static const char in[] = " \n\n\t{\"text\":\"x\"}\n{\n";
    src s;
    src_open(&s, in, sizeof in - 1, 0);
    assert_int_equal(pc_jsonl_starts_with_object(s.r), 1);
    json_t *o;
    pc_error err = {{0}};
    assert_int_equal(pc_jsonl_next(s.r, &o, &err), 1);
    assert_int_equal(pc_jsonl_line(s.r), 3);
    json_decref(o);
    assert_int_equal(pc_jsonl_next(s.r, &o, &err), -1); /* "{" alone */
    assert_non_null(strstr(err.msg, "in:4:"));
    src_close(&s);

    src_open(&s, "", 0, 0);
    assert_int_equal(pc_jsonl_starts_with_object(s.r), 0);
    assert_int_equal(pc_jsonl_next(s.r, &o, &err), 0);
    src_close(&s);
}

static void test_long_line_across_blocks(void **state)
{
    (void)state;
    size_t n = 200000; /* longer than the reader's 64 KiB block */
    char *in = malloc(n + 64);
    assert_non_null(in);
    size_t len = (size_t)sprintf(in, "{\"text\":\"");
    memset(in + len, 'q', n);
    len += n;
    len += (size_t)sprintf(in + len, "\"}\n{\"k\":2}\n");
    src s;
    src_open(&s, in, len, 0);
    json_t *o;
    pc_error err = {{0}};
    assert_int_equal(pc_jsonl_next(s.r, &o, &err), 1);
    assert_int_equal(json_string_length(json_object_get(o, "text")), n);
    json_decref(o);
    assert_int_equal(pc_jsonl_next(s.r, &o, &err), 1);
    assert_int_equal(pc_jsonl_line(s.r), 2);
    json_decref(o);
    src_close(&s);
    free(in);
}

static void test_line_limit(void **state)
{
    (void)state;
    static const char in[] = "{\"text\":\"far too long for the limit\"}\n{\"a\":1}\n";
    src s;
    src_open(&s, in, sizeof in - 1, 16);
    json_t *o;
    pc_error err = {{0}};
    assert_int_equal(pc_jsonl_next(s.r, &o, &err), -1);
    assert_string_equal(err.msg, "in:1: line longer than 16 bytes");
    assert_int_equal(pc_jsonl_next(s.r, &o, &err), 1);
    assert_int_equal(pc_jsonl_line(s.r), 2);
    json_decref(o);
    src_close(&s);
}

static void test_nul_byte_is_kept(void **state)
{
    (void)state;
    static const char in[] = "{\"a\":\"x\0y\"}\nab\0c\n";
    src s;
    src_open(&s, in, sizeof in - 1, 0);
    json_t *o;
    pc_error err = {{0}};
    assert_int_equal(pc_jsonl_next(s.r, &o, &err), -1); /* NUL is not allowed in JSON text */
    const char *line;
    size_t len;
    assert_int_equal(pc_jsonl_read_line(s.r, &line, &len, &err), 1);
    assert_int_equal(len, 4);
    assert_memory_equal(line, "ab\0c", 4);
    src_close(&s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_objects_and_broken_lines),
        cmocka_unit_test(test_crlf_and_paths),
        cmocka_unit_test(test_empty_line_after_longer),
        cmocka_unit_test(test_starts_with_object_counts_lines),
        cmocka_unit_test(test_long_line_across_blocks),
        cmocka_unit_test(test_line_limit),
        cmocka_unit_test(test_nul_byte_is_kept),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
