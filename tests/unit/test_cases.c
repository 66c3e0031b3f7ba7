/* test_cases.c: data-driven classifier cases for the default taxonomy.
 *
 * Reads tests/data/classify/cases.jsonl, one case a line:
 *   {"text": "...", "heading": "...",            heading optional
 *    "present": ["retention", ...],               category ids that must be given
 *    "absent": ["security", ...],                 category ids that must not be given
 * A category counts as given when it or one of its descendants (by `parent`) is: "other" is
 * satisfied by "intro", and an absent "retention" also rules out its subtopics.
 *    "attributes": {"retention-period": "90 days"},  attribute id -> a normalized value found
 *                                                   (null: no value of it at all)
 *    "stances": [{"topic": "sell-data", "polarity": "does-not"}]}   each must be found
 * Lines that are empty or start with '#' are skipped. Each text is classified as one clause
 * with taxonomy/privacy.yaml through pc_classify_text; every mismatch is printed with the
 * case's line number, and the test fails when there is at least one.
 */
#include "testutil.h"

#include "classify/classify.h"
#include "taxonomy/taxonomy.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CASES_FILE POLCMP_TEST_DATA "/classify/cases.jsonl"

/* case_ctx: one case being checked. Borrows everything; counts the mismatches. */
typedef struct case_ctx {
    const pc_taxonomy *tax;
    const pc_classified *cl;
    const char *file;
    size_t line;
    int failures;
} case_ctx;

static void case_fail(case_ctx *c, const char *fmt, const char *a, const char *b)
{
    fprintf(stderr, "%s:%zu: ", c->file, c->line);
    fprintf(stderr, fmt, a, b);
    fputc('\n', stderr);
    c->failures++;
}

static int has_label(const case_ctx *c, int cat)
{
    for (size_t i = 0; i < c->cl->nlabels; i++)
        if (pc_tax_is_under(c->tax, c->cl->labels[i].category, cat))
            return 1;
    return 0;
}

/* Check "present" (want = 1) or "absent" (want = 0). */
static void check_labels(case_ctx *c, json_t *list, int want)
{
    size_t i;
    json_t *v;
    json_array_foreach(list, i, v) {
        const char *id = json_string_value(v);
        int cat = id ? pc_tax_find_category(c->tax, id) : -1;
        if (cat < 0) {
            case_fail(c, "unknown category '%s'%s", id ? id : "(not a string)", "");
            continue;
        }
        if (has_label(c, cat) != want)
            case_fail(c, want ? "expected category '%s'%s" : "unexpected category '%s'%s", id,
                      "");
    }
}

static int find_attribute(const pc_taxonomy *tax, const char *id)
{
    for (size_t i = 0; i < tax->nattrs; i++)
        if (!strcmp(tax->attrs[i].id, id))
            return (int)i;
    return -1;
}

static void check_attributes(case_ctx *c, json_t *obj)
{
    const char *id;
    json_t *v;
    json_object_foreach(obj, id, v) {
        int a = find_attribute(c->tax, id);
        const char *want = json_string_value(v);
        if (a >= 0 && json_is_null(v)) {
            for (size_t i = 0; i < c->cl->nattrs; i++)
                if (c->cl->attrs[i].attribute == a)
                    case_fail(c, "expected no %s, found '%s'", id, c->cl->attrs[i].norm.text);
            continue;
        }
        if (a < 0 || !want) {
            case_fail(c, "bad attribute expectation '%s'%s", id, "");
            continue;
        }
        int found = 0;
        for (size_t i = 0; i < c->cl->nattrs && !found; i++)
            found = c->cl->attrs[i].attribute == a && !strcmp(c->cl->attrs[i].norm.text, want);
        if (!found)
            case_fail(c, "expected attribute %s = '%s'", id, want);
    }
}

static int find_topic(const pc_taxonomy *tax, const char *id)
{
    for (size_t i = 0; i < tax->ntopics; i++)
        if (!strcmp(tax->topics[i].id, id))
            return (int)i;
    return -1;
}

static void check_stances(case_ctx *c, json_t *list)
{
    size_t i;
    json_t *v;
    json_array_foreach(list, i, v) {
        const char *topic = json_string_value(json_object_get(v, "topic"));
        const char *pol = json_string_value(json_object_get(v, "polarity"));
        int t = topic ? find_topic(c->tax, topic) : -1;
        if (t < 0 || !pol) {
            case_fail(c, "bad stance expectation '%s'%s", topic ? topic : "?", "");
            continue;
        }
        int found = 0;
        for (size_t s = 0; s < c->cl->nstances && !found; s++)
            found = c->cl->stances[s].topic == t &&
                    !strcmp(pc_polarity_name(c->cl->stances[s].polarity), pol);
        if (!found)
            case_fail(c, "expected stance %s: %s", topic, pol);
    }
}

/* Classify and check one case line; returns the number of mismatches. */
static int run_case(const pc_taxonomy *tax, const char *file, size_t line, const char *buf)
{
    json_error_t jerr;
    json_t *o = json_loads(buf, 0, &jerr);
    const char *text = json_string_value(json_object_get(o, "text"));
    if (!o || !text) {
        fprintf(stderr, "%s:%zu: not a case: %s\n", file, line, o ? "no text" : jerr.text);
        json_decref(o);
        return 1;
    }
    pc_error err = {0};
    const char *heading = json_string_value(json_object_get(o, "heading"));
    pc_classified *cl = pc_classify_text(tax, text, strlen(text), heading, &err);
    case_ctx c = {tax, cl, file, line, 0};
    if (!cl) {
        case_fail(&c, "classify failed: %s%s", err.msg, "");
    } else {
        check_labels(&c, json_object_get(o, "present"), 1);
        check_labels(&c, json_object_get(o, "absent"), 0);
        check_attributes(&c, json_object_get(o, "attributes"));
        check_stances(&c, json_object_get(o, "stances"));
    }
    pc_classified_free(cl);
    json_decref(o);
    return c.failures;
}

static void test_all_cases(void **state)
{
    (void)state;
    pc_error err = {0};
    pc_taxonomy *tax = pc_tax_load(POLCMP_TAXONOMY, &err);
    if (!tax)
        fail_msg("%s", err.msg);
    FILE *f = fopen(CASES_FILE, "r");
    if (!f) {
        pc_tax_free(tax);
        fail_msg("cannot open %s", CASES_FILE);
    }
    char *buf = NULL;
    size_t cap = 0, line = 0, ncases = 0;
    int failures = 0;
    while (getline(&buf, &cap, f) > 0) {
        line++;
        const char *p = buf + strspn(buf, " \t\r\n");
        if (!*p || *p == '#')
            continue;
        ncases++;
        failures += run_case(tax, CASES_FILE, line, p);
    }
    free(buf);
    fclose(f);
    pc_tax_free(tax);
    printf("%zu cases, %d mismatches\n", ncases, failures);
    assert_true(ncases >= 60);
    assert_int_equal(failures, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_all_cases),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
