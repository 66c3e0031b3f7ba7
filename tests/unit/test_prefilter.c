/* test_prefilter.c: required literals (tax_literal.c), the literal scan (prefilter.c) and the
 * proof that the prefilter engine gives exactly the reference engine's results: labels,
 * scores, evidence spans, attributes, stances, scopes and warnings, on the examples, on
 * and hostile cases (the OPP-115 splits: test_prefilter_opp115.c). */
#include "classify/classify.h"
#include "text/load.h"
#include "taxonomy/prefilter.h"
#include "segment/segment.h"
#include "prefilter_equal.h"
#include "testutil.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- literal derivation ----------------------------------------------------------------- */

/* Does the derived set of `pattern` equal the space-free list `want` ("a|b"; "" = none)? */
static void check_lits(const char *pattern, int caseless, const char *want)
{
    pc_rule_lits l;
    assert_int_equal(pc_lit_derive(pattern, caseless, &l), 0);
    char got[1024] = "";
    for (size_t i = 0; i < l.nlits; i++) {
        if (i)
            strcat(got, "|");
        strcat(got, l.lits[i]);
    }
    if (strcmp(got, want))
        fail_msg("pattern %s: literals '%s', expected '%s'", pattern, got, want);
    pc_lit_free(&l);
}

static void test_derive(void **state)
{
    (void)state;
    check_lits("\\bretain(?:ed)?\\b", 1, "retain");
    check_lits("\\bE-?mail\\b", 1, "e-mail|email");
    check_lits("colou?r", 0, "colour|color");
    check_lits("\\b(?:sell|rent)s?\\b", 1, "sell|rent");
    check_lits("a\\w+zzz", 1, "zzz");
    check_lits("(?:we|you) x?", 1, "we |you ");
    check_lits("Data(?i)Broker", 0, "databroker");
    check_lits("(?<!not )share", 1, "share");
    check_lits("\\d+ days", 1, " days");
    check_lits("ab|\\w+", 1, "");       /* a branch with no literal: none */
    check_lits("ab|(?:cd)?", 1, "");    /* a branch that matches empty: none */
    check_lits("(?x) a b", 1, "");      /* extended mode is not followed */
    check_lits("(?(1)a|b)c", 1, "");    /* nor conditionals */
    check_lits("stra\xc3\x9f" "e", 1, "stra"); /* non-ASCII breaks the literal */
    check_lits("x\\.y", 1, "x.y");
    check_lits("[a-z]{2,}", 1, "");
    check_lits("utili[sz]e", 1, "utilise|utilize"); /* a short class of plain characters */
    check_lits("\\b1[-.]\\d", 1, "1-|1.");
    check_lits("[^ab]cde", 1, "cde");               /* a negated class breaks the literal */
}

/* Does the conjunction of `pattern` equal `want`: terms split by '|', groups by '&',
 * literals of a group by ',' ("" = no conjunction beyond the key)? */
static void check_form(const char *pattern, const char *want)
{
    pc_rule_lits l;
    assert_int_equal(pc_lit_derive(pattern, 1, &l), 0);
    char got[1024] = "";
    size_t g = 0, k = 0;
    for (size_t t = 0; t < l.form.nterms; t++) {
        if (t)
            strcat(got, "|");
        for (; g < l.form.tend[t]; g++) {
            if (got[0] && got[strlen(got) - 1] != '|')
                strcat(got, "&");
            for (size_t first = k; k < l.form.gend[g]; k++) {
                if (k > first)
                    strcat(got, ",");
                strcat(got, l.form.lits[k]);
            }
        }
    }
    if (strcmp(got, want))
        fail_msg("pattern %s: conjunction '%s', expected '%s'", pattern, got, want);
    pc_lit_free(&l);
}

static void test_conjunction(void **state)
{
    (void)state;
    check_form("alpha(?:beta|gamma.*delta)", "alpha&beta|alpha&gamma&delta");
    check_form("\\bsell\\w*(?=[^.;]{0,80}advertis)", "sell&advertis");
    check_form("(?<=about )cookie .* tracking", "about &cookie & tracking");
    check_form("\\bwe\\b.*\\bsell", "");          /* "we": too short to be a group */
    check_form("sell(?!ing).*", "");                    /* a negative look-ahead requires nothing */
    check_form("sell(?:.*advertis)?", "");              /* nor does an optional piece */
    check_form("sell.*(?:rent|\\w+)", "");            /* nor an alternation with a bare branch */
    check_form("(?:share|give).*(?:partner|vendor)", "share,give&partner,vendor");
}

static void test_flags(void **state)
{
    (void)state;
    pc_rule_lits l;
    assert_int_equal(pc_lit_derive("(\\w+) and \\1", 1, &l), 0);
    assert_true(l.flags & PC_LITF_BACKREF);
    pc_lit_free(&l);
    assert_int_equal(pc_lit_derive("sell(?=.*data)", 1, &l), 0);
    assert_true(l.flags & PC_LITF_UNBOUNDED_LOOKAROUND);
    pc_lit_free(&l);
    assert_int_equal(pc_lit_derive("sell(?=\\s+data)", 1, &l), 0);
    assert_true(l.flags & PC_LITF_UNBOUNDED_LOOKAROUND);
    pc_lit_free(&l);
    assert_int_equal(pc_lit_derive("sell(?= data)", 1, &l), 0);
    assert_false(l.flags & PC_LITF_UNBOUNDED_LOOKAROUND);
    pc_lit_free(&l);
}

/* The only non-ASCII characters PCRE2's caseless UCP matching folds to ASCII are U+017F and
 * U+212A: checked over every code point, since the scan's safety rests on it. */
static void test_fold_hazards_complete(void **state)
{
    (void)state;
    int code;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR) "[\\x00-\\x7f]", PCRE2_ZERO_TERMINATED,
                                   PCRE2_UTF | PCRE2_UCP | PCRE2_CASELESS, &code, &off, NULL);
    pcre2_match_data *md = pcre2_match_data_create(2, NULL);
    assert_non_null(re);
    int found = 0;
    for (uint32_t cp = 0x80; cp < 0x110000; cp++) {
        if (cp >= 0xD800 && cp < 0xE000)
            continue;
        char b[4];
        size_t n = pc_utf8_encode(cp, b);
        if (pcre2_match(re, (PCRE2_SPTR)b, n, 0, 0, md, NULL) >= 0) {
            assert_true(cp == 0x17F || cp == 0x212A);
            found++;
        }
    }
    assert_int_equal(found, 2);
    pcre2_match_data_free(md);
    pcre2_code_free(re);
}

/* Each example as a whole batch and outline by outline, through one shared matcher. */
static void test_examples(void **state)
{
    (void)state;
    static const char *const names[] = {"01-freshbox.txt", "02-kidquest.md", "03-stridely.txt",
                                        "04-buchhaus.html", "05-kamiya.txt", "06-metricly.txt"};
    enum { N = sizeof names / sizeof names[0] };
    pc_taxonomy *tax = load_default();
    pc_error err = {{0}};
    pc_doc *docs[N];
    pc_outline *ols[N];
    size_t labels = 0;
    for (size_t i = 0; i < N; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", POLCMP_EXAMPLES, names[i]);
        docs[i] = pc_doc_load(path, NULL, &err);
        assert_non_null(docs[i]);
        ols[i] = pc_segment(docs[i], &err);
        assert_non_null(ols[i]);
    }
    pc_classified **a = pc_classify_batch(tax, (const pc_outline *const *)ols, N, &ref_opts, &err);
    pc_classified **b = pc_classify_batch(tax, (const pc_outline *const *)ols, N, &pf_opts, &err);
    assert_non_null(a);
    assert_non_null(b);
    for (size_t i = 0; i < N; i++) {
        same_results(a[i], b[i]);
        pc_classified *one = pc_classify(tax, ols[i], &err); /* the default engine */
        same_results(a[i], one);
        pc_classified_free(one);
        labels += a[i]->nlabels;
    }
    assert_true(labels > 100);
    pc_classified_free_batch(a, N);
    pc_classified_free_batch(b, N);
    for (size_t i = 0; i < N; i++) {
        pc_outline_free(ols[i]);
        pc_doc_free(docs[i]);
    }
    pc_tax_free(tax);
}

/* Case folding, CJK, empty and odd clauses on the default taxonomy. */
static void test_hostile_default(void **state)
{
    (void)state;
    pc_taxonomy *tax = load_default();
    static const char *const texts[] = {
        "WE COLLECT YOUR E-MAIL ADDRESS AND SELL IT TO ADVERTISERS.",
        ("We \xC5\xBF" "ell your data and \xE2\x84\xAA" "eep it for 90 days."), /* long s, Kelvin */
        ("\xE6\x88\x91\xE4\xBB\xAC\xE6\x94\xB6\xE9\x9B\x86\xE6\x82\xA8\xE7\x9A\x84 cookies "
         "\xE5\x92\x8C IP address\xE3\x80\x82"),
        "",
        " ",
        "Cookies.\n\nRetention: we keep logs for 30 days. Children under 13 may not register.",
        "We do not share your personal information with third parties without your consent.",
        "Bad bytes \xFF\xFE we collect your name \xC3",
    };
    size_t labels = 0;
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        labels += check_text(tax, texts[i], strlen(texts[i]), i % 2 ? "Data Retention" : NULL);
    assert_true(labels >= 4);
    pc_tax_free(tax);
}

/* A taxonomy of our own: caseless rules with s and k (folding), a case-sensitive rule, a rule
 * hitting the match limit, a heading rule and a declared literal. */
static const char hostile_yaml[] =
    "taxonomy: {id: hostile}\n"
    "categories:\n"
    "  - id: sk\n    name: S and K\n    opp115: Other\n    description: folding\n"
    "    rules:\n"
    "      - id: sk.sell\n        pattern: '\\bsell\\b'\n"
    "      - id: sk.kelvin\n        pattern: 'kilo'\n"
    "      - id: sk.exact\n        pattern: 'ACME'\n        caseless: false\n"
    "      - id: sk.head\n        pattern: 'security'\n        scope: heading\n"
    "        weight: 1.0\n"
    "  - id: slow\n    name: Slow\n    opp115: Other\n    description: backtracking\n"
    "    rules:\n"
    "      - id: slow.nested\n        pattern: '(?:zz|z)+(?:a|b)*(?:zz|z)+y'\n"
    "      - id: slow.declared\n        pattern: '(?x) \\w+ \\s tiger'\n"
    "        literal: tiger\n";

static void test_hostile_rules(void **state)
{
    (void)state;
    pc_error err = {{0}};
    pc_taxonomy *tax = pc_tax_load_mem("hostile.yaml", hostile_yaml, sizeof hostile_yaml - 1,
                                       &err);
    if (!tax)
        fail_msg("%s", err.msg);
    check_limit_warning(tax, "slow.nested");
    /* "\xC5\xBF" is long s: caseless 'sell' matches "\xC5\xBF" "ell"; so must the prefilter. */
    const char *fold = "we \xC5\xBF" "ell it; 3 \xE2\x84\xAA" "ilo; acme; a big tiger";
    assert_int_equal(check_text(tax, fold, strlen(fold), "Security"), 2);
    pc_classified *c = pc_classify_text(tax, fold, strlen(fold), "Security", &err);
    assert_non_null(c);
    assert_int_equal(c->nlabels, 2); /* sk (sell, kilo, heading) and slow (tiger) */
    assert_int_equal(c->labels[0].nev, 3);
    pc_classified_free(c);
    const char *exact = "ACME sells; acme sells";
    assert_int_equal(check_text(tax, exact, strlen(exact), NULL), 1);
    pc_tax_free(tax);
}

/* Two categories sharing a rule's pattern and a veto's (identical rules share one
 * confirmation), the rule requiring a word its look-ahead names. */
static const char conj_yaml[] =
    "taxonomy: {id: conj}\n"
    "categories:\n"
    "  - id: ads\n    name: Ads\n    opp115: Other\n    description: selling for ads\n"
    "    rules:\n"
    "      - id: ads.sell\n        pattern: &sell '\\bsell\\w*\\b(?=[^.;]{0,80}\\badvertis)'\n"
    "    exclude:\n"
    "      - id: ads.veto\n        pattern: &veto '\\btable of contents\\b'\n"
    "  - id: ads2\n    name: Ads again\n    opp115: Other\n    description: the same\n"
    "    rules:\n"
    "      - id: ads2.sell\n        pattern: *sell\n"
    "    exclude:\n"
    "      - id: ads2.veto\n        pattern: *veto\n";

static void test_conjunction_scan(void **state)
{
    (void)state;
    pc_error err = {{0}};
    pc_taxonomy *tax = pc_tax_load_mem("conj.yaml", conj_yaml, sizeof conj_yaml - 1, &err);
    if (!tax)
        fail_msg("%s", err.msg);
    const pc_prefilter *pf = tax->prefilter;
    assert_string_equal(pc_prefilter_rule(pf, 0)->id, "ads.sell");
    pc_prefilter_scratch *sc = pc_prefilter_scratch_new(pf, &err);
    assert_non_null(sc);
    uint64_t bits[4];
    static const struct {
        const char *text;
        int candidate, labels;
    } cases[] = {
        {"We sell your data to brokers.", 0, 0},         /* no "advertis": not a candidate */
        {"We sell your data to advertisers.", 1, 2},     /* both categories, one confirmation */
        {"Advertisers: we sell nothing.", 1, 0},         /* a candidate PCRE2 turns down */
        {"Table of contents. We sell data to advertisers.", 1, 0}, /* vetoed in both */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *t = cases[i].text;
        assert_int_equal(pc_prefilter_scan(pf, sc, t, strlen(t), bits), 0);
        assert_int_equal(pc_prefilter_bit(bits, 0), cases[i].candidate);
        assert_int_equal(pc_prefilter_bit(bits, 2), cases[i].candidate); /* ads2.sell */
        assert_int_equal(check_text(tax, t, strlen(t), NULL), (size_t)cases[i].labels);
    }
    pc_prefilter_scratch_free(sc);
    pc_tax_free(tax);
}

/* Heading rules: a category whose heading rules alone reach its threshold must be scored on
 * every clause; one whose heading rules fall short only where a clause rule of it can match
 * (the prefilter skips it elsewhere, classify_cats.c). */
static const char head_yaml[] =
    "taxonomy: {id: head}\n"
    "categories:\n"
    "  - id: titles\n    name: Titles\n    opp115: Other\n    description: a title alone\n"
    "    rules:\n"
    "      - id: titles.head\n        pattern: 'security'\n        scope: heading\n"
    "        weight: 1.0\n"
    "  - id: pair\n    name: Pair\n    opp115: Other\n    description: two titles\n"
    "    rules:\n"
    "      - id: pair.one\n        pattern: 'security'\n        scope: heading\n"
    "      - id: pair.two\n        pattern: 'backups?'\n        scope: heading\n"
    "      - id: pair.never\n        pattern: 'zebra'\n        weight: -1\n"
    "  - id: tips\n    name: Tips\n    opp115: Other\n    description: a title tips a clause\n"
    "    threshold: 1.5\n"
    "    rules:\n"
    "      - id: tips.head\n        pattern: 'security'\n        scope: heading\n"
    "        weight: 1.0\n"
    "      - id: tips.keep\n        pattern: '\\bkeep\\b'\n        weight: 0.5\n";

static void test_heading_categories(void **state)
{
    (void)state;
    pc_error err = {{0}};
    pc_taxonomy *tax = pc_tax_load_mem("head.yaml", head_yaml, sizeof head_yaml - 1, &err);
    if (!tax)
        fail_msg("%s", err.msg);
    static const struct {
        const char *text, *heading;
        size_t labels;
    } cases[] = {
        {"Nothing to see.", "Security", 1},          /* titles alone */
        {"Nothing to see.", "Security and backups", 2}, /* titles, and pair's two titles */
        {"We keep it.", "Security", 2},              /* titles, and tips: 1.0 + 0.5 */
        {"We keep it.", "Backups", 0},               /* pair's one title falls short */
        {"We keep it.", NULL, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const char *t = cases[i].text;
        assert_int_equal(check_text(tax, t, strlen(t), cases[i].heading), cases[i].labels);
    }
    pc_tax_free(tax);
}

/* Literals inside literals: "big zygote", "zygote zygote", the case-sensitive "ZYGOTE-X",
 * "zygotes" and "zygote cells divide@9" contain the rare "zygote", so the scan finds them
 * around its occurrences (prefilter.c), comparing up to eight bytes at a time: literals of
 * 7, 8, 10, 13 and 21 bytes, and a caseless one with bytes that are not letters. */
static const char nest_yaml[] =
    "taxonomy: {id: nest}\n"
    "categories:\n"
    "  - id: n\n    name: N\n    opp115: Other\n    description: nested literals\n"
    "    rules:\n"
    "      - id: n.short\n        pattern: 'zygote'\n"
    "      - id: n.long\n        pattern: 'big zygote'\n"
    "      - id: n.twice\n        pattern: 'zygote zygote'\n"
    "      - id: n.exact\n        pattern: 'ZYGOTE-X'\n        caseless: false\n"
    "      - id: n.plural\n        pattern: 'zygotes'\n"
    "      - id: n.cells\n        pattern: 'zygote cells divide@9'\n";

static void test_nested_literals(void **state)
{
    (void)state;
    pc_error err = {{0}};
    pc_taxonomy *tax = load_yaml("nest.yaml", nest_yaml, sizeof nest_yaml - 1);
    const pc_prefilter *pf = tax->prefilter;
    assert_string_equal(pc_prefilter_rule(pf, 3)->id, "n.exact");
    assert_string_equal(pc_prefilter_rule(pf, 5)->id, "n.cells");
    pc_prefilter_scratch *sc = pc_prefilter_scratch_new(pf, &err);
    assert_non_null(sc);
    static const struct {
        const char *text;
        int want[6]; /* candidate bits of the six rules */
    } cases[] = {
        {"a zygote here", {1, 0, 0, 0, 0, 0}},
        {"a BIG Zygote here", {1, 1, 0, 0, 0, 0}},
        {"zygote zygote", {1, 0, 1, 0, 0, 0}},       /* "big " would start before the text */
        {"big zygote zygote", {1, 1, 1, 0, 0, 0}},
        {"the ZYGOTE-X line", {1, 0, 0, 1, 0, 0}},
        {"the zygote-x line", {1, 0, 0, 0, 0, 0}},   /* n.exact is case-sensitive */
        {"the ZYGOTE-x line", {1, 0, 0, 0, 0, 0}},   /* its last byte */
        {"big zygot", {0, 0, 0, 0, 0, 0}},
        {"zygote big zygote", {1, 1, 0, 0, 0, 0}},   /* the second occurrence carries "big zygote" */
        {"ZygoteS", {1, 0, 0, 0, 1, 0}},
        {"zygote", {1, 0, 0, 0, 0, 0}},              /* "zygotes" would end after the text */
        {"ZYGOTE CELLS DIVIDE@9", {1, 0, 0, 0, 0, 1}},
        {"zygote cells divide@8", {1, 0, 0, 0, 0, 0}},
        {"zygote cells divide`9", {1, 0, 0, 0, 0, 0}}, /* '@' is no letter: '`' is not its case */
        {"zygote cellS divide@9", {1, 0, 0, 0, 0, 1}},
        {"zygote celLs dividE@9", {1, 0, 0, 0, 0, 1}},
        {"zygote cells_divide@9", {1, 0, 0, 0, 0, 0}},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        check_scan(pf, sc, cases[i].text, cases[i].want, 6);
    pc_prefilter_scratch_free(sc);
    pc_tax_free(tax);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_derive),          cmocka_unit_test(test_flags),
        cmocka_unit_test(test_fold_hazards_complete), cmocka_unit_test(test_examples),
        cmocka_unit_test(test_hostile_default), cmocka_unit_test(test_hostile_rules),
        cmocka_unit_test(test_conjunction),     cmocka_unit_test(test_conjunction_scan),
        cmocka_unit_test(test_nested_literals), cmocka_unit_test(test_heading_categories),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
