/* test_jsonw.c: the streaming JSON writer (present/jsonw.h): commas and colons in nested
 * values, escapes, integers and strings against printf and pc_json_escape, reals as jansson
 * prints them, bytes that are not UTF-8, a jansson value inside, and a stream writer flushing
 * as it goes. Expected texts are written out by hand;
 * the comparisons with jansson check that output did not change when writers moved off it. */
#include "testutil.h"

#include "present/jsonw.h"

#include <float.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static void test_nesting_and_separators(void **state)
{
    (void)state;
    pc_buf b = {0};
    pc_jsonw w;
    pc_jsonw_init(&w, &b);
    pc_jsonw_obj(&w);
    pc_jsonw_key(&w, "a");
    pc_jsonw_int(&w, -3);
    pc_jsonw_key(&w, "list");
    pc_jsonw_arr(&w);
    pc_jsonw_str(&w, "x");
    pc_jsonw_obj(&w);
    pc_jsonw_obj_end(&w);
    pc_jsonw_arr(&w);
    pc_jsonw_arr_end(&w);
    pc_jsonw_null(&w);
    pc_jsonw_bool(&w, 1);
    pc_jsonw_bool(&w, 0);
    pc_jsonw_str(&w, NULL);
    pc_jsonw_arr_end(&w);
    pc_jsonw_key(&w, "r");
    pc_jsonw_real(&w, 0.5);
    pc_jsonw_obj_end(&w);
    pc_jsonw_newline(&w);
    pc_jsonw_arr(&w);
    pc_jsonw_arr_end(&w);
    assert_false(w.failed);
    assert_string_equal(b.data,
                        "{\"a\":-3,\"list\":[\"x\",{},[],null,true,false,null],\"r\":0.5}\n[]");
    pc_buf_free(&b);
}

static const char *escaped(pc_buf *b, const char *s, size_t n)
{
    b->len = 0;
    assert_int_equal(pc_json_escape(b, s, n), 0);
    return b->data ? b->data : "";
}

static void test_escapes(void **state)
{
    (void)state;
    pc_buf b = {0};
    assert_string_equal(escaped(&b, "a\"b\\c/d", 7), "a\\\"b\\\\c/d");
    assert_string_equal(escaped(&b, "\b\f\n\r\t\x01\x1f\x7f", 8),
                        "\\b\\f\\n\\r\\t\\u0001\\u001F\x7f");
    assert_string_equal(escaped(&b, "x\0y", 3), "x\\u0000y");
    /* UTF-8 stays as it is, U+2028 included; broken bytes become U+FFFD one by one */
    assert_string_equal(escaped(&b, "caf\xc3\xa9 \xe2\x80\xa8", 9), "caf\xc3\xa9 \xe2\x80\xa8");
    assert_string_equal(escaped(&b, "a\xff" "b\xc3", 4), "a\xef\xbf\xbd" "b\xef\xbf\xbd");
    assert_string_equal(escaped(&b, "\xed\xa0\x80", 3), "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
    /* each kind of byte at every place of a long run of plain ones (read 8 bytes at a time) */
    static const struct {
        const char *in, *out;
    } one[] = {{"\"", "\\\""}, {"\\", "\\\\"}, {"\n", "\\n"},     {"\x1f", "\\u001F"},
               {" ", " "},      {"\x7f", "\x7f"}, {"\xc3\xa9", "\xc3\xa9"}, {"\xc3", "\xef\xbf\xbd"},
               {"!", "!"},      {"#", "#"},      {"[", "["},           {"]", "]"}};
    for (size_t k = 0; k < sizeof one / sizeof one[0]; k++)
        for (size_t at = 0; at < 20; at++) {
            char in[32], want[40];
            size_t m = strlen(one[k].in);
            memset(in, 'a', sizeof in);
            memcpy(in + at, one[k].in, m);
            memset(want, 'a', at);
            snprintf(want + at, sizeof want - at, "%s%.*s", one[k].out, (int)(19 - at),
                     "aaaaaaaaaaaaaaaaaaaa");
            assert_string_equal(escaped(&b, in, 19 + m), want);
        }
    pc_buf_free(&b);
}

static void test_reals(void **state)
{
    (void)state;
    static const struct {
        double v;
        const char *want;
    } cases[] = {
        {1.0, "1.0"},        {1.5, "1.5"},         {0.123456789, "0.123457"},
        {1e5, "100000.0"},   {1e6, "1e6"},         {1.25e-7, "1.25e-7"},
        {-2.5e20, "-2.5e20"}, {0.0, "0.0"},        {123456789.0, "1.23457e8"},
        {-0.0001, "-0.0001"}, {1e-5, "1e-5"},      {1e100, "1e100"},
    };
    pc_buf b = {0};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        b.len = 0;
        assert_int_equal(pc_json_real(&b, cases[i].v), 0);
        assert_string_equal(b.data, cases[i].want);
        /* and jansson writes the same */
        json_t *r = json_real(cases[i].v);
        char *ref = json_dumps(r, JSON_ENCODE_ANY | JSON_REAL_PRECISION(6));
        assert_string_equal(ref, cases[i].want);
        free(ref);
        json_decref(r);
    }
    pc_jsonw w;
    pc_jsonw_init(&w, &b);
    b.len = 0;
    pc_jsonw_arr(&w);
    pc_jsonw_real(&w, 0.0 / 0.0);
    pc_jsonw_arr_end(&w);
    assert_string_equal(b.data, "[null]");
    pc_buf_free(&b);
}

/* pc_json_real against jansson's own printing of the same real. */
static void check_real_like_jansson(pc_buf *b, double v)
{
    b->len = 0;
    assert_int_equal(pc_json_real(b, v), 0);
    json_t *r = json_real(v);
    char *ref = json_dumps(r, JSON_ENCODE_ANY | JSON_REAL_PRECISION(6));
    if (strcmp(ref, b->data) != 0)
        fail_msg("%.17g: wrote %s, jansson %s", v, b->data, ref);
    /* the writer formats in place, twice in a row in an array */
    pc_buf wb = {0};
    pc_jsonw w;
    pc_jsonw_init(&w, &wb);
    pc_jsonw_arr(&w);
    pc_jsonw_real(&w, v);
    pc_jsonw_real(&w, v);
    pc_jsonw_arr_end(&w);
    char want[80];
    snprintf(want, sizeof want, "[%s,%s]", ref, ref);
    if (strcmp(want, wb.data) != 0)
        fail_msg("%.17g: writer wrote %s, jansson %s", v, wb.data, want);
    pc_buf_free(&wb);
    free(ref);
    json_decref(r);
}

/* The real printer rounds by itself: every kind of value it could round differently from
 * printf (ties at the seventh digit, a rounding that carries into a new decade, powers of ten
 * and their neighbours, tiny and huge values, arbitrary bit patterns). */
static void test_reals_round_as_printf(void **state)
{
    (void)state;
    pc_buf b = {0};
    uint64_t x = 0x9E3779B97F4A7C15ull;
    for (int i = 0; i < 100000; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        double bitsv;
        memcpy(&bitsv, &x, sizeof bitsv);
        if (isfinite(bitsv))
            check_real_like_jansson(&b, bitsv);
        check_real_like_jansson(&b, (double)(x >> 11) / 9007199254740992.0); /* [0, 1) */
        check_real_like_jansson(&b, -(double)(x % 100000000) / 1e3);
        check_real_like_jansson(&b, (double)(x % 20000000) + 0.5);
    }
    for (long long n = 999990; n <= 1000010; n++) /* ties and carries at six digits */
        for (double sc = 1e-30; sc < 1e30; sc *= 10) {
            check_real_like_jansson(&b, (double)n * sc);
            check_real_like_jansson(&b, (double)n * 10 + 5);
            check_real_like_jansson(&b, ((double)n * 10 + 5) / 1024);
        }
    for (double p = 1e-310; p < 1e307; p *= 10) {
        check_real_like_jansson(&b, p);
        check_real_like_jansson(&b, nextafter(p, 0));
        check_real_like_jansson(&b, nextafter(p, INFINITY));
        check_real_like_jansson(&b, p * 9.999995);
        check_real_like_jansson(&b, p * 9.999994999999);
    }
    const double special[] = {0.0, -0.0, 5e-324, DBL_MIN, DBL_MAX, 0.5, 0.25, 1.0 / 3, 2.0 / 3,
                              0.1, 0.0001, 0.00001, 99999.95, 999999.5, 1234565, 0.1234565};
    for (size_t i = 0; i < sizeof special / sizeof special[0]; i++) {
        check_real_like_jansson(&b, special[i]);
        check_real_like_jansson(&b, -special[i]);
    }
    pc_buf_free(&b);
}

static void test_jansson_value_and_stream(void **state)
{
    (void)state;
    char *mem = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&mem, &len);
    assert_non_null(f);
    pc_jsonw w;
    pc_jsonw_init_stream(&w, f);
    json_t *v = json_pack("{s:i, s:[s, f]}", "n", 7, "l", "t\n", 2.0);
    static const char line[] = "{\"v\":{\"n\":7,\"l\":[\"t\\n\",2.0]},\"k\":null}\n";
    size_t lines = 0;
    while (lines * strlen(line) < 3 * PC_JSONW_FLUSH) {
        pc_jsonw_obj(&w);
        pc_jsonw_key(&w, "v");
        pc_jsonw_value(&w, v);
        pc_jsonw_key(&w, "k");
        pc_jsonw_value(&w, NULL);
        pc_jsonw_obj_end(&w);
        pc_jsonw_newline(&w);
        lines++;
        assert_true(w.out->len < PC_JSONW_FLUSH + 64); /* flushed as it goes */
    }
    assert_int_equal(pc_jsonw_done(&w), 0);
    fclose(f);
    assert_int_equal(len, lines * strlen(line));
    for (size_t i = 0; i < lines; i++)
        assert_memory_equal(mem + i * strlen(line), line, strlen(line));
    free(mem);
    json_decref(v);
}

/* Indented output is jansson's JSON_INDENT(n): nesting, empty containers, keys, top level
 * scalars, written call by call and through a jansson value. */
static void test_indent_matches_jansson(void **state)
{
    (void)state;
    json_t *v = json_pack("{s:[], s:{}, s:[i, {s:s, s:[[], {}, [b]]}], s:n, s:{s:[s]}, s:f}", "a",
                          "o", "l", 1, "k", "v\"\n", "e", 0, "z", "d", "x", "y", "r", 0.25);
    assert_non_null(v);
    for (int n = 1; n <= 3; n++) {
        char *want = json_dumps(v, JSON_INDENT(n) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
        pc_buf b = {0};
        pc_jsonw w;
        pc_jsonw_init(&w, &b);
        pc_jsonw_indent(&w, n);
        pc_jsonw_value(&w, v);
        assert_false(w.failed);
        assert_string_equal(b.data, want);
        free(want);
        pc_buf_free(&b);
    }
    pc_buf b = {0};
    pc_jsonw w;
    pc_jsonw_init(&w, &b);
    pc_jsonw_indent(&w, 1);
    pc_jsonw_obj(&w);
    pc_jsonw_key(&w, "p");
    pc_jsonw_arr(&w);
    pc_jsonw_int(&w, 1);
    pc_jsonw_str(&w, "two");
    pc_jsonw_arr_end(&w);
    pc_jsonw_key(&w, "q");
    pc_jsonw_arr(&w);
    pc_jsonw_arr_end(&w);
    pc_jsonw_key_int(&w, "r", -3);
    pc_jsonw_key_str(&w, "s", NULL);
    pc_jsonw_obj_end(&w);
    assert_string_equal(b.data, "{\n \"p\": [\n  1,\n  \"two\"\n ],\n \"q\": [],\n \"r\": -3,\n"
                                " \"s\": null\n}");
    pc_buf_free(&b);
    json_decref(v);
}

/* Integers at both ends of their range, and a buffer growing under pc_buf_printf. */
static void test_integers_and_printf(void **state)
{
    (void)state;
    pc_buf b = {0};
    pc_jsonw w;
    pc_jsonw_init(&w, &b);
    pc_jsonw_arr(&w);
    pc_jsonw_int(&w, 0);
    pc_jsonw_int(&w, 7);
    pc_jsonw_int(&w, -10);
    pc_jsonw_int(&w, LLONG_MAX);
    pc_jsonw_int(&w, LLONG_MIN);
    pc_jsonw_arr_end(&w);
    assert_false(w.failed);
    assert_string_equal(b.data, "[0,7,-10,9223372036854775807,-9223372036854775808]");
    pc_buf_free(&b);
    assert_int_equal(pc_buf_printf(&b, "%s-%d", "ab", 12), 0); /* into no buffer */
    assert_string_equal(b.data, "ab-12");
    size_t cap = b.cap;
    assert_int_equal(pc_buf_printf(&b, "%0*d", (int)cap, 5), 0); /* more than the room left */
    assert_int_equal(b.len, 5 + cap);
    assert_int_equal(b.data[b.len - 1], '5');
    assert_int_equal(b.data[5], '0');
    assert_int_equal(strlen(b.data), b.len);
    assert_int_equal(pc_buf_printf(&b, "%c", 'z'), 0); /* fits */
    assert_int_equal(strlen(b.data), 6 + cap);
    assert_int_equal(b.data[b.len - 1], 'z');
    assert_int_equal(pc_buf_addc(&b, 'y'), 0);
    assert_int_equal(pc_buf_add(&b, "xw", 2), 0);
    assert_string_equal(b.data + 6 + cap, "yxw");
    pc_buf_free(&b);
}

/* v written alone is what printf's "%lld" writes. */
static void assert_int_as_printf(long long v)
{
    char want[32];
    pc_buf b = {0};
    pc_jsonw w;
    pc_jsonw_init(&w, &b);
    pc_jsonw_int(&w, v);
    snprintf(want, sizeof want, "%lld", v);
    assert_string_equal(b.data, want);
    pc_buf_free(&b);
}

/* Every integer as printf writes it: each length, both signs, every two-digit ending. */
static void test_integers_every_length(void **state)
{
    (void)state;
    static const long long v[] = {0, 9, 10, 99, 100, 101, 999, 1000, 12345, 99999, 100000,
                                  4294967296LL, 999999999999999999LL, LLONG_MAX, LLONG_MIN,
                                  LLONG_MIN + 1};
    for (long long x = 0; x < 100000; x += 7) {
        assert_int_as_printf(x);
        assert_int_as_printf(-x);
    }
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
        assert_int_as_printf(v[i]);
}

/* A string value (pc_jsonw_strn, which copies its plain ASCII start sixteen bytes at a test)
 * is quoted pc_json_escape's way whatever byte stands wherever in a long run of plain ones. */
static void test_strings_every_place(void **state)
{
    (void)state;
    static const char *const kinds[] = {"\"", "\\", "\n", "\x1f", "\x7f", "\xc3\xa9", "\xc3",
                                        "\x80", "\xff", " ", "~", "\x01"};
    for (size_t k = 0; k < sizeof kinds / sizeof kinds[0]; k++)
        for (size_t at = 0; at < 40; at++) {
            char in[64];
            size_t m = strlen(kinds[k]);
            memset(in, 'a', sizeof in);
            memcpy(in + at, kinds[k], m);
            pc_buf want = {0}, got = {0};
            pc_buf_add(&want, "\"", 1);
            assert_int_equal(pc_json_escape(&want, in, 40 + m), 0);
            pc_buf_add(&want, "\"", 1);
            pc_jsonw w;
            pc_jsonw_init(&w, &got);
            pc_jsonw_strn(&w, in, 40 + m);
            assert_false(w.failed);
            assert_string_equal(got.data, want.data);
            pc_buf_free(&want);
            pc_buf_free(&got);
        }
}

/* A literal key (pc_jsonw_key_lit) is written as pc_jsonw_key writes it: after a key, first in
 * an object and after other members, compact and indented. */
static void test_literal_keys(void **state)
{
    (void)state;
    static const char *const want[] = {"{\"id\":1,\"spans\":[{\"a-b\":null}],\"x\":{}}",
                                       "{\n  \"id\": 1,\n  \"spans\": [\n    {\n      \"a-b\": null\n"
                                       "    }\n  ],\n  \"x\": {}\n}"};
    for (int indent = 0; indent <= 2; indent += 2) {
        pc_buf b = {0};
        pc_jsonw w;
        pc_jsonw_init(&w, &b);
        pc_jsonw_indent(&w, indent);
        pc_jsonw_obj(&w);
        pc_jsonw_key_lit(&w, "id");
        pc_jsonw_int(&w, 1);
        pc_jsonw_key_lit(&w, "spans");
        pc_jsonw_arr(&w);
        pc_jsonw_obj(&w);
        pc_jsonw_key_quoted(&w, PC_JSONW_QUOTED("a-b"));
        pc_jsonw_null(&w);
        pc_jsonw_obj_end(&w);
        pc_jsonw_arr_end(&w);
        pc_jsonw_key(&w, "x");
        pc_jsonw_obj(&w);
        pc_jsonw_obj_end(&w);
        pc_jsonw_obj_end(&w);
        assert_false(w.failed);
        assert_string_equal(b.data, want[indent / 2]);
        pc_buf_free(&b);
    }
}

/* A member written in one call (pc_jsonw_lit_str and the others) comes out as its key and
 * value would, a span as an array of two integers: first in an object and after other
 * members, a NULL string and a NaN as null, escapes, negative and extreme integers, reals;
 * compact and indented. */
static void test_members_and_spans(void **state)
{
    (void)state;
    static const char *const want[] = {
        "{\"a\":\"x\\\"y\",\"nul\":null,\"n\":-42,\"s\":[0,7],\"t\":\"\",\"m\":9223372036854775807,"
        "\"v\":[[-9223372036854775807,12],[100,99]],\"e\":\"\\u0001\xc3\xa9\",\"r\":-0.125,"
        "\"z\":null,\"g\":1e-7}",
        "{\n  \"a\": \"x\\\"y\",\n  \"nul\": null,\n  \"n\": -42,\n  \"s\": [\n    0,\n    7\n  ],\n"
        "  \"t\": \"\",\n  \"m\": 9223372036854775807,\n  \"v\": [\n    [\n"
        "      -9223372036854775807,\n      12\n    ],\n    [\n      100,\n      99\n    ]\n  ],\n"
        "  \"e\": \"\\u0001\xc3\xa9\",\n  \"r\": -0.125,\n  \"z\": null,\n  \"g\": 1e-7\n}"};
    for (int indent = 0; indent <= 2; indent += 2) {
        pc_buf b = {0};
        pc_jsonw w;
        pc_jsonw_init(&w, &b);
        pc_jsonw_indent(&w, indent);
        pc_jsonw_obj(&w);
        pc_jsonw_lit_str(&w, "a", "x\"y");
        pc_jsonw_lit_str(&w, "nul", NULL);
        pc_jsonw_lit_int(&w, "n", -42);
        pc_jsonw_key_lit(&w, "s");
        pc_jsonw_span(&w, 0, 7);
        pc_jsonw_lit_strn(&w, "t", "ignored", 0);
        pc_jsonw_lit_int(&w, "m", LLONG_MAX);
        pc_jsonw_key_lit(&w, "v");
        pc_jsonw_arr(&w);
        pc_jsonw_span(&w, -LLONG_MAX, 12);
        pc_jsonw_span(&w, 100, 99);
        pc_jsonw_arr_end(&w);
        pc_jsonw_lit_strn(&w, "e", "\x01\xc3\xa9", 3);
        pc_jsonw_lit_real(&w, "r", -0.125);
        pc_jsonw_lit_real(&w, "z", NAN);
        pc_jsonw_lit_real(&w, "g", 1e-7);
        pc_jsonw_obj_end(&w);
        assert_false(w.failed);
        assert_string_equal(b.data, want[indent / 2]);
        pc_buf_free(&b);
    }
}

/* Members written once and copied: first in an object, after others, before others, empty;
 * the same bytes as writing them again. An indenting writer refuses them. */
static void test_members_raw(void **state)
{
    (void)state;
    pc_buf m = {0}, b = {0};
    pc_jsonw t, w;
    pc_jsonw_init(&t, &m);
    pc_jsonw_obj(&t);
    pc_jsonw_lit_str(&t, "p", "a\"\xc3\xa9");
    pc_jsonw_lit_int(&t, "n", 3);
    pc_jsonw_init(&w, &b);
    for (int i = 0; i < 2; i++) {
        pc_jsonw_obj(&w);
        pc_jsonw_members_raw(&w, m.data + 1, m.len - 1);
        pc_jsonw_members_raw(&w, "", 0);
        pc_jsonw_lit_int(&w, "k", i);
        pc_jsonw_members_raw(&w, m.data + 1, m.len - 1);
        pc_jsonw_obj_end(&w);
    }
    assert_false(w.failed);
    assert_string_equal(b.data, "{\"p\":\"a\\\"\xc3\xa9\",\"n\":3,\"k\":0,\"p\":\"a\\\"\xc3\xa9\",\"n\":3},"
                                "{\"p\":\"a\\\"\xc3\xa9\",\"n\":3,\"k\":1,\"p\":\"a\\\"\xc3\xa9\",\"n\":3}");
    pc_buf_free(&b);
    pc_jsonw_init(&w, &b);
    pc_jsonw_indent(&w, 2);
    pc_jsonw_obj(&w);
    pc_jsonw_members_raw(&w, m.data + 1, m.len - 1);
    assert_true(w.failed);
    pc_buf_free(&b);
    pc_buf_free(&m);
}

/* Keys and strings of every length from 0 to 40 bytes (the short copies take 1-3, 4-7, 8-15
 * and 16-32 bytes in two overlapping moves, longer ones memcpy), as members, values and
 * keys, with integers of every length after them: each byte lands where it belongs. */
static void test_every_short_length(void **state)
{
    (void)state;
    char text[41], key[48], want[256], num[24];
    for (size_t i = 0; i < 40; i++)
        text[i] = (char)('A' + (i * 7) % 26); /* no two neighbours alike */
    for (size_t n = 0; n <= 40; n++) {
        size_t kn = n % 30 + 1;
        key[0] = '"';
        memcpy(key + 1, text + 40 - kn, kn);
        memcpy(key + 1 + kn, "\":", 3);
        long long v = 1;
        for (size_t d = 0; d < n % 19; d++)
            v *= 10;
        v += (long long)n; /* n % 19 + 1 digits */
        pc_buf b = {0};
        pc_jsonw w;
        pc_jsonw_init(&w, &b);
        pc_jsonw_obj(&w);
        pc_jsonw_member_strn(&w, key, kn + 3, text, n);
        pc_jsonw_member_int(&w, PC_JSONW_QUOTED("i"), -v);
        pc_jsonw_key_quoted(&w, key, kn + 3);
        pc_jsonw_span(&w, v, (long long)n);
        pc_jsonw_obj_end(&w);
        assert_false(w.failed);
        snprintf(num, sizeof num, "%lld", v);
        snprintf(want, sizeof want, "{%s\"%.*s\",\"i\":-%s,%s[%s,%zu]}", key, (int)n, text, num,
                 key, num, n);
        assert_string_equal(b.data, want);
        assert_int_equal(b.len, strlen(want));
        pc_buf_free(&b);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_nesting_and_separators),
        cmocka_unit_test(test_literal_keys),
        cmocka_unit_test(test_members_and_spans),
        cmocka_unit_test(test_members_raw),
        cmocka_unit_test(test_every_short_length),
        cmocka_unit_test(test_integers_and_printf),
        cmocka_unit_test(test_integers_every_length),
        cmocka_unit_test(test_strings_every_place),
        cmocka_unit_test(test_escapes),
        cmocka_unit_test(test_reals),
        cmocka_unit_test(test_reals_round_as_printf),
        cmocka_unit_test(test_jansson_value_and_stream),
        cmocka_unit_test(test_indent_matches_jansson),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
