/* test_eval.c: the eval arithmetic on a tiny hand-made gold file whose precision, recall and
 * F1 are worked out by hand below, the gold reader, bounds and the worst-case lists. */
#include "testutil.h"

#include "eval/eval.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define FP1 (1u << PC_OPP_FIRST_PARTY)
#define TP3 (1u << PC_OPP_THIRD_PARTY)
#define RET (1u << PC_OPP_RETENTION)

/* gold -> predicted, six records:
 *   1 {first}        -> {first}
 *   2 {first, third} -> {first}
 *   3 {third}        -> {third, retention}
 *   4 {}             -> {retention}
 *   5 {retention}    -> {}
 *   6 {first}        -> {third}
 * first party: support 3, TP 2, FP 0, FN 1: P 1, R 2/3, F1 0.8
 * third party: support 2, TP 1, FP 1, FN 1: P 0.5, R 0.5, F1 0.5
 * retention:   support 1, TP 0, FP 2, FN 1: P 0, R 0, F1 0
 * the other seven: no gold, no predictions: left out of the macro mean
 * micro: TP 3, FP 3, FN 3: P 0.5, R 0.5, F1 0.5; macro (0.8 + 0.5 + 0) / 3 = 0.4333 */
static const unsigned gold[6] = {FP1, FP1 | TP3, TP3, 0, RET, FP1};
static const unsigned pred[6] = {FP1, FP1, TP3 | RET, RET, 0, TP3};

static void scores(pc_eval_counts *c, pc_eval_scores *s)
{
    memset(c, 0, sizeof *c);
    for (int i = 0; i < 6; i++)
        pc_eval_count(c, gold[i], pred[i]);
    pc_eval_score(c, s);
}

static void test_arithmetic(void **state)
{
    (void)state;
    pc_eval_counts c;
    pc_eval_scores s;
    scores(&c, &s);
    assert_int_equal(c.cases, 6);
    assert_int_equal(c.support[PC_OPP_FIRST_PARTY], 3);
    assert_int_equal(c.tp[PC_OPP_FIRST_PARTY], 2);
    assert_int_equal(c.fp[PC_OPP_FIRST_PARTY], 0);
    assert_int_equal(c.fn[PC_OPP_FIRST_PARTY], 1);
    assert_int_equal(c.fp[PC_OPP_RETENTION], 2);
    assert_true(fabs(s.p[PC_OPP_FIRST_PARTY] - 1.0) < 1e-9);
    assert_true(fabs(s.r[PC_OPP_FIRST_PARTY] - 2.0 / 3) < 1e-9);
    assert_true(fabs(s.f1[PC_OPP_FIRST_PARTY] - 0.8) < 1e-9);
    assert_true(fabs(s.f1[PC_OPP_THIRD_PARTY] - 0.5) < 1e-9);
    assert_true(s.f1[PC_OPP_RETENTION] == 0.0);
    assert_int_equal(s.macro_n, 3);
    assert_int_equal(s.in_macro[PC_OPP_DNT], 0);
    assert_int_equal(s.in_macro[PC_OPP_RETENTION], 1);
    assert_true(fabs(s.micro_p - 0.5) < 1e-9);
    assert_true(fabs(s.micro_r - 0.5) < 1e-9);
    assert_true(fabs(s.micro_f1 - 0.5) < 1e-9);
    assert_true(fabs(s.macro_f1 - 1.3 / 3) < 1e-9);
    assert_true(s.min_f1 == 0.0);
}

static void test_bounds(void **state)
{
    (void)state;
    pc_eval_counts c;
    pc_eval_scores s;
    scores(&c, &s);
    pc_eval_bounds b;
    pc_error err = {{0}};
    assert_int_equal(pc_eval_parse_bounds("macro=0.40,micro=0.6", &b, &err), 0);
    assert_true(b.min < 0);
    pc_buf msg = {0};
    assert_int_equal(pc_eval_check(&s, &b, &msg), 1);
    assert_non_null(strstr(msg.data, "micro-F1 0.500 < 0.600"));
    pc_buf_free(&msg);
    assert_int_equal(pc_eval_parse_bounds("macro=0.70,micro=0.70,min=0.50", &b, &err), 0);
    assert_int_equal(pc_eval_check(&s, &b, NULL), 3);
    assert_int_equal(pc_eval_parse_bounds("macro=0.43", &b, &err), 0);
    assert_int_equal(pc_eval_check(&s, &b, NULL), 0);
    assert_int_equal(pc_eval_parse_bounds("macro=2", &b, &err), -1);
    pc_error_clear(&err);
    assert_int_equal(pc_eval_parse_bounds("foo=1", &b, &err), -1);
    assert_non_null(strstr(err.msg, "foo=1"));
    assert_int_equal(pc_eval_parse_bounds("macro=0.5x", &b, &err), -1);
    assert_int_equal(pc_eval_parse_bounds("macro", &b, &err), -1);
}

/* Collects warnings for the reader tests. */
static char warnings[4096];

static void collect(void *ctx, const char *msg)
{
    (void)ctx;
    strncat(warnings, msg, sizeof warnings - strlen(warnings) - 2);
    strcat(warnings, "\n");
}

static void test_read(void **state)
{
    (void)state;
    static const char data[] =
        "{\"id\": \"a#1\", \"text\": \"We retain data.\", \"labels_opp10\": [\"Data Retention\"]}\n"
        "\n"
        "{\"id\": \"a#2\", \"text\": \"broken\n"
        "{\"id\": \"a#3\", \"text\": \"Hello.\", \"labels_opp10\": [\"Other\", \"Nonsense\"]}\n"
        "{\"text\": \"No id.\", \"labels\": [\"Privacy contact information\"]}\n"
        "{\"id\": \"a#5\", \"labels_opp10\": []}\n";
    const char *path = test_write_temp("gold.jsonl", data, sizeof data - 1);
    pc_eval_set set;
    pc_error err = {{0}};
    warnings[0] = '\0';
    assert_int_equal(pc_eval_read(path, &set, collect, NULL, &err), 0);
    assert_int_equal(set.n, 3);
    assert_int_equal(set.skipped, 2);
    assert_string_equal(set.cases[0].id, "a#1");
    assert_int_equal(set.cases[0].gold, RET);
    assert_int_equal(set.cases[1].line, 4);
    assert_int_equal(set.cases[1].gold, 1u << PC_OPP_OTHER);
    assert_string_equal(set.cases[2].id, "line 5");
    assert_int_equal(set.cases[2].gold, 1u << PC_OPP_OTHER);
    char want[600];
    snprintf(want, sizeof want, "%s:3: invalid JSON", path);
    assert_non_null(strstr(warnings, want));
    snprintf(want, sizeof want, "%s:6: no \"text\" string", path);
    assert_non_null(strstr(warnings, want));
    assert_non_null(strstr(warnings, "line 4: unknown category Nonsense"));
    pc_eval_set_free(&set);

    static const char bad[] = "not json\n[1, 2]\n";
    path = test_write_temp("bad.jsonl", bad, sizeof bad - 1);
    assert_int_equal(pc_eval_read(path, &set, NULL, NULL, &err), -1);
    assert_non_null(strstr(err.msg, "no valid record"));
    pc_eval_set_free(&set);
}

static void test_classify_and_worst(void **state)
{
    (void)state;
    static const char data[] =
        "{\"id\": \"r1\", \"text\": \"We retain data.\", \"labels_opp10\": [\"Data Retention\"]}\n"
        "{\"id\": \"r2\", \"text\": \"We sell data to third parties.\", \"labels_opp10\": []}\n"
        "{\"id\": \"r3\", \"text\": \"Nothing here.\", \"labels_opp10\": [\"Data Retention\"]}\n";
    const char *path = test_write_temp("small.jsonl", data, sizeof data - 1);
    pc_error err = {{0}};
    pc_taxonomy *tax = pc_tax_load(POLCMP_TEST_DATA "/taxonomy/tiny.yaml", &err);
    assert_non_null(tax);
    pc_eval_set set;
    assert_int_equal(pc_eval_read(path, &set, NULL, NULL, &err), 0);
    assert_int_equal(pc_eval_classify(tax, NULL, PC_MODEL_TEXT, &set, NULL, NULL, &err), 0);
    assert_int_equal(set.cases[0].pred, RET);
    assert_string_equal(set.cases[0].rules[PC_OPP_RETENTION], "keep.retain");
    assert_int_equal(set.cases[1].pred, TP3);
    assert_string_equal(set.cases[1].rules[PC_OPP_THIRD_PARTY], "sell.sell,sell.third");
    assert_true(set.cases[1].score[PC_OPP_THIRD_PARTY] == 2.0);
    assert_int_equal(set.cases[2].pred, 0);
    size_t idx[3];
    assert_int_equal(pc_eval_worst(&set, PC_OPP_THIRD_PARTY, 1, idx, 3), 1);
    assert_int_equal(idx[0], 1);
    assert_int_equal(pc_eval_worst(&set, PC_OPP_RETENTION, 0, idx, 3), 1);
    assert_int_equal(idx[0], 2);
    /* false positives rank by score: make case 0 a weaker false positive of third party */
    set.cases[0].pred |= TP3;
    set.cases[0].score[PC_OPP_THIRD_PARTY] = 1.0;
    set.cases[2].pred |= TP3;
    set.cases[2].score[PC_OPP_THIRD_PARTY] = 3.0;
    assert_int_equal(pc_eval_worst(&set, PC_OPP_THIRD_PARTY, 1, idx, 2), 2);
    assert_int_equal(idx[0], 2);
    assert_int_equal(idx[1], 1);
    pc_eval_set_free(&set);
    pc_tax_free(tax);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_arithmetic),
        cmocka_unit_test(test_bounds),
        cmocka_unit_test(test_read),
        cmocka_unit_test(test_classify_and_worst),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
