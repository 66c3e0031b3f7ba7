/* test_classify.c: scoring (clause and heading rules, rule and category excludes, negative
 * weights, thresholds), attributes and their normalization, stances and scopes, and the match
 * limit on a catastrophic pattern. Uses tests/data/taxonomy/tiny.yaml. */
#include "testutil.h"

#include "classify/classify.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TAXDIR POLCMP_TEST_DATA "/taxonomy/"

static pc_taxonomy *tiny;

static int setup(void **state)
{
    (void)state;
    pc_error err = {{0}};
    tiny = pc_tax_load(TAXDIR "tiny.yaml", &err);
    if (!tiny)
        print_error("%s\n", err.msg);
    return tiny ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    pc_tax_free(tiny);
    return 0;
}

static pc_classified *run(const char *text, const char *heading)
{
    pc_error err = {{0}};
    pc_classified *c = pc_classify_text(tiny, text, strlen(text), heading, &err);
    assert_non_null(c);
    assert_int_equal(c->nclauses, 1);
    return c;
}

/* The score of category id on text (under heading), or -1 when it is not given. */
static double score_of(const char *text, const char *heading, const char *id)
{
    pc_classified *c = run(text, heading);
    const pc_label *l = pc_classified_label(c, 0, pc_tax_find_category(tiny, id));
    double s = l ? l->score : -1;
    pc_classified_free(c);
    return s;
}

/* Did rule `rule` contribute to the label of category id? */
static int fired(const char *text, const char *id, const char *rule)
{
    pc_classified *c = run(text, NULL);
    const pc_label *l = pc_classified_label(c, 0, pc_tax_find_category(tiny, id));
    int found = 0;
    for (size_t e = 0; l && e < l->nev; e++)
        found |= !strcmp(c->evidence[l->ev_first + e].rule->id, rule);
    pc_classified_free(c);
    return found;
}

static void test_scoring(void **state)
{
    (void)state;
    assert_true(score_of("We retain your data.", NULL, "keep") == 1.0);
    /* 0.5 alone stays under the threshold of 1 */
    assert_true(score_of("Logs are kept for 30 days.", NULL, "keep") < 0);
    /* a heading rule (default weight 0.5) tips it: 0.5 + 0.5 */
    assert_true(score_of("Logs are kept for 30 days.", "Data Retention", "keep") == 1.0);
    /* a heading alone does not label */
    assert_true(score_of("Logs are kept.", "Data Retention", "keep") < 0);
    /* negative weight: 1 + 0.5 - 0.5 = 1 labels, 1 - 0.5 does not */
    assert_true(score_of("We retain backups where the law says so.", NULL, "keep") == 1.0);
    assert_true(score_of("We retain data where the law says so.", NULL, "keep") < 0);
    /* category exclude vetoes even a strong clause */
    assert_true(score_of("We retain backups of cookie data.", NULL, "keep") < 0);
    /* a rule's own exclude drops that rule only */
    assert_true(score_of("We retain backups of camera footage.", NULL, "keep") == 1.0);
    assert_false(fired("We retain backups of camera footage.", "keep", "keep.backup"));
    assert_true(fired("We retain backups.", "keep", "keep.backup"));
    /* per-category threshold 2 */
    assert_true(score_of("We sell data.", NULL, "sell") < 0);
    assert_true(score_of("We sell data to third parties.", NULL, "sell") == 2.0);
    /* caseless: false */
    assert_true(score_of("Welcome to our site.", NULL, "hello") == 1.0);
    assert_true(score_of("welcome to our site.", NULL, "hello") < 0);
    /* caseless by default */
    assert_true(score_of("WE RETAIN IT.", NULL, "keep") == 1.0);
}

static void test_evidence_spans(void **state)
{
    (void)state;
    const char *text = "We retain logs for 30 days.";
    pc_classified *c = run(text, "Retention");
    const pc_label *l = pc_classified_label(c, 0, 0);
    assert_non_null(l);
    assert_true(l->score == 2.0); /* retain 1 + period 0.5 + heading 0.5 */
    assert_int_equal(l->nev, 3);
    const pc_evidence *e = &c->evidence[l->ev_first];
    assert_string_equal(e[0].rule->id, "keep.retain");
    assert_int_equal(e[0].span.start, 3);
    assert_int_equal(e[0].span.end, 9);
    assert_string_equal(e[1].rule->id, "keep.period");
    assert_int_equal(e[1].span.start, 19);
    assert_int_equal(e[1].span.end, 26);
    assert_string_equal(e[2].rule->id, "keep.heading");
    assert_int_equal(e[2].heading, 1);
    assert_int_equal(e[2].span.start, 0);
    assert_int_equal(e[2].span.end, 9);
    assert_int_equal(pc_classified_opp10(c), 1u << PC_OPP_RETENTION);
    pc_classified_free(c);
}

/* A hand-built outline: section 0 "Data Retention" > section 1 "Details" holding a sentence,
 * then a lead-in and a list item. */
static void test_outline_headings(void **state)
{
    (void)state;
    static const char text[] = "Data Retention\nDetails\nLogs stay 30 days.\n"
                               "We keep these as follows:\nBackups\n";
    pc_error err = {{0}};
    pc_doc *doc = pc_doc_from_memory("mem.txt", text, sizeof text - 1, PC_FORMAT_TEXT, &err);
    assert_non_null(doc);
    pc_section secs[2] = {
        {0, 14, 0, sizeof text - 1, 1, -1, 0, 0},
        {15, 22, 15, sizeof text - 1, 2, 0, 0, 3},
    };
    pc_clause cls[3] = {
        {23, 41, 1, -1, PC_CLAUSE_SENTENCE},
        {42, 67, 1, -1, PC_CLAUSE_SENTENCE},
        {68, 75, 1, 1, PC_CLAUSE_ITEM},
    };
    pc_outline ol = {.doc = doc, .sections = secs, .nsections = 2, .clauses = cls, .nclauses = 3};
    pc_classified *c = pc_classify(tiny, &ol, &err);
    assert_non_null(c);
    /* clause 0: period 0.5 + heading rule on the grandparent title 0.5 */
    const pc_label *l = pc_classified_label(c, 0, 0);
    assert_non_null(l);
    assert_true(l->score == 1.0);
    const pc_evidence *h = &c->evidence[l->ev_first + 1];
    assert_int_equal(h->heading, 1);
    assert_int_equal(h->span.start, 5); /* "Retention" in the document */
    assert_int_equal(h->span.end, 14);
    /* clause 1: no clause rule fires: the heading alone does not label */
    assert_null(pc_classified_label(c, 1, 0));
    /* clause 2: backup 0.5 + heading 0.5 = 1 */
    assert_non_null(pc_classified_label(c, 2, 0));
    pc_classified_free(c);
    pc_doc_free(doc);
}

static void test_lead_in_is_heading_only(void **state)
{
    (void)state;
    static const char text[] = "Retention: we retain the following:\nlogs\n";
    pc_error err = {{0}};
    pc_doc *doc = pc_doc_from_memory("mem.txt", text, sizeof text - 1, PC_FORMAT_TEXT, &err);
    assert_non_null(doc);
    pc_section sec = {0, 0, 0, sizeof text - 1, 1, -1, 0, 2};
    pc_clause cls[2] = {{0, 35, 0, -1, PC_CLAUSE_SENTENCE}, {36, 40, 0, 0, PC_CLAUSE_ITEM}};
    pc_outline ol = {.doc = doc, .sections = &sec, .nsections = 1, .clauses = cls, .nclauses = 2};
    pc_classified *c = pc_classify(tiny, &ol, &err);
    assert_non_null(c);
    assert_non_null(pc_classified_label(c, 0, 0)); /* "retain" in the lead-in itself */
    /* the item gets the heading rule from its lead-in (0.5), not the lead-in's "retain" */
    assert_null(pc_classified_label(c, 1, 0));
    pc_classified_free(c);
    pc_doc_free(doc);
}

/* The normalized attribute `id` found in text, or "" */
static void attr_of(const char *text, const char *id, char *out, size_t n)
{
    pc_classified *c = run(text, NULL);
    out[0] = '\0';
    for (size_t i = 0; i < c->nattrs; i++)
        if (!strcmp(tiny->attrs[c->attrs[i].attribute].id, id))
            snprintf(out, n, "%s", c->attrs[i].norm.text);
    pc_classified_free(c);
}

static void test_attributes(void **state)
{
    (void)state;
    char v[64];
    attr_of("We retain logs for 90 days.", "keep-period", v, sizeof v);
    assert_string_equal(v, "90 days");
    attr_of("We retain logs for two years.", "keep-period", v, sizeof v);
    assert_string_equal(v, "730 days");
    attr_of("We retain logs for 15 working days.", "keep-period", v, sizeof v);
    assert_string_equal(v, "15 working days");
    attr_of("We retain logs indefinitely.", "keep-period", v, sizeof v);
    assert_string_equal(v, "indefinite");
    /* only clauses labelled keep are searched for keep-period */
    attr_of("Logs for 90 days.", "keep-period", v, sizeof v);
    assert_string_equal(v, "");
    attr_of("We do not serve children under 13.", "min-age", v, sizeof v);
    assert_string_equal(v, "13 years");
    attr_of("Data travels over TLS.", "security", v, sizeof v);
    assert_string_equal(v, "tls");
}

static void test_normalize_table(void **state)
{
    (void)state;
    static const struct {
        pc_attr_kind kind;
        const char *num, *unit;
        int working;
        const char *text;
        long amount;
    } rows[] = {
        {PC_ATTR_PERIOD, "90", "days", 0, "90 days", 90},
        {PC_ATTR_PERIOD, "two", "years", 0, "730 days", 730},
        {PC_ATTR_PERIOD, "six", "months", 0, "180 days", 180},
        {PC_ATTR_DEADLINE, "15", "days", 1, "15 working days", 15},
        {PC_ATTR_DEADLINE, "ten", "business days", 0, "10 working days", 10},
        {PC_ATTR_PERIOD, "Three", "weeks", 0, "21 days", 21},
        {PC_ATTR_PERIOD, "a", "year", 0, "365 days", 365},
        {PC_ATTR_DEADLINE, "72", "hours", 0, "3 days", 3},
        {PC_ATTR_DEADLINE, "36", "hours", 0, "36 hours", 2},
        {PC_ATTR_AGE, "13", NULL, 0, "13 years", 13},
        {PC_ATTR_AGE, "sixteen", NULL, 0, "16 years", 16},
    };
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        pc_attr_norm n;
        int rc = pc_attr_normalize(rows[i].kind, rows[i].num, strlen(rows[i].num), rows[i].unit,
                                   rows[i].unit ? strlen(rows[i].unit) : 0, rows[i].working,
                                   NULL, &n);
        assert_int_equal(rc, 0);
        assert_string_equal(n.text, rows[i].text);
        assert_int_equal(n.amount, rows[i].amount);
    }
    pc_attr_norm n;
    assert_int_equal(pc_attr_normalize(PC_ATTR_PERIOD, "many", 4, "days", 4, 0, NULL, &n), -1);
    assert_int_equal(pc_attr_normalize(PC_ATTR_PERIOD, "5", 1, "eons", 4, 0, NULL, &n), -1);
    assert_int_equal(pc_attr_normalize(PC_ATTR_PERIOD, NULL, 0, NULL, 0, 0, "indefinite", &n),
                     0);
    assert_string_equal(n.text, "indefinite");
    assert_int_equal(n.amount, -1);
    assert_int_equal(pc_attr_number("ninety", 6), 90);
    assert_int_equal(pc_attr_number("1,000", 5), 1000);
    assert_int_equal(pc_attr_number("", 0), -1);
}

static void test_stances_and_scopes(void **state)
{
    (void)state;
    const char *text = "We do not sell your email address to advertisers.";
    pc_classified *c = run(text, NULL);
    assert_int_equal(c->nstances, 1);
    const pc_stance *s = &c->stances[0];
    assert_string_equal(tiny->topics[s->topic].id, "sell-data");
    assert_int_equal(s->polarity, PC_POL_DOES_NOT);
    assert_int_equal(s->span.start, 10);
    assert_int_equal(s->span.end, 14);
    assert_int_equal(s->nscopes, 2);
    const pc_scope_ref *r = &c->scopes[s->scope_first];
    assert_int_equal(r[0].dim, PC_DIM_DATA);
    assert_string_equal(tiny->scopes[r[0].dim][r[0].index].id, "contact");
    assert_int_equal(r[1].dim, PC_DIM_RECIPIENT);
    pc_classified_free(c);
    c = run("Nothing here is about that.", NULL);
    assert_int_equal(c->nstances, 0);
    pc_classified_free(c);
}

static void test_catastrophic(void **state)
{
    (void)state;
    pc_error err = {{0}};
    pc_taxonomy *t = pc_tax_load(TAXDIR "catastrophic.yaml", &err);
    assert_non_null(t);
    size_t n = 100000;
    char *text = malloc(n + 2);
    assert_non_null(text);
    memset(text, 'a', n);
    text[n] = '!'; /* "$" can never match after the run: exponential backtracking */
    text[n + 1] = '\0';
    pc_classified *c = pc_classify_text(t, text, n + 1, NULL, &err);
    assert_non_null(c);
    assert_int_equal(c->nwarnings, 1);
    assert_string_equal(c->warnings[0].rule->id, "slow.nested");
    assert_null(pc_classified_label(c, 0, 0));
    assert_non_null(pc_classified_label(c, 0, 1)); /* classification went on */
    pc_classified_free(c);
    /* the plain run of 100,000 "a" finishes too (it matches at once) */
    text[n] = '\0';
    c = pc_classify_text(t, text, n, NULL, &err);
    assert_non_null(c);
    assert_non_null(pc_classified_label(c, 0, 1));
    pc_classified_free(c);
    free(text);
    pc_tax_free(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scoring),           cmocka_unit_test(test_evidence_spans),
        cmocka_unit_test(test_outline_headings),  cmocka_unit_test(test_lead_in_is_heading_only),
        cmocka_unit_test(test_attributes),        cmocka_unit_test(test_normalize_table),
        cmocka_unit_test(test_stances_and_scopes), cmocka_unit_test(test_catastrophic),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
