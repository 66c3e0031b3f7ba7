/* test_review.c: reviewer decisions: keys, the review file (round trip, quoting, strict errors,
 * atomic save), placing decisions on a comparison (current, stale, orphan) and relabels.
 * Policies are written here; the taxonomy is tests/data/review/taxonomy.yaml (one plain rule per
 * category), so what each clause carries follows from its words. */
#include "testutil.h"

#include "present/present.h"
#include "review/review.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define TAXONOMY POLCMP_TEST_DATA "/review/taxonomy.yaml"

/* Section 1 holds a contradiction (never sell / may sell); clauses: 0 never, 1 may, 2 keep,
 * 3 cookies. */
static const char base_md[] = "# Alpha\n\n"
                              "## 1. Sharing\n\n"
                              "We never sell your personal information.\n\n"
                              "We may sell your personal information to our partners.\n\n"
                              "## 2. Keeping data\n\n"
                              "We keep order records for 2 years.\n\n"
                              "## 3. Cookies\n\n"
                              "We use cookies to remember your basket.\n";

/* The first clause edited ("or rent" added). */
static const char edited_md[] = "# Alpha\n\n"
                                "## 1. Sharing\n\n"
                                "We never sell or rent your personal information.\n\n"
                                "We may sell your personal information to our partners.\n\n"
                                "## 2. Keeping data\n\n"
                                "We keep order records for 2 years.\n\n"
                                "## 3. Cookies\n\n"
                                "We use cookies to remember your basket.\n";

/* A clause inserted before the others: every index moves by one. */
static const char inserted_md[] = "# Alpha\n\n"
                                  "## 1. Sharing\n\n"
                                  "We share your address with our courier.\n\n"
                                  "We never sell your personal information.\n\n"
                                  "We may sell your personal information to our partners.\n\n"
                                  "## 2. Keeping data\n\n"
                                  "We keep order records for 2 years.\n\n"
                                  "## 3. Cookies\n\n"
                                  "We use cookies to remember your basket.\n";

/* The sale and the cookie clauses deleted. */
static const char deleted_md[] = "# Alpha\n\n"
                                 "## 1. Sharing\n\n"
                                 "We never sell your personal information.\n\n"
                                 "## 2. Keeping data\n\n"
                                 "We keep order records for 2 years.\n";

static const char beta_md[] = "# Beta\n\n## Security\n\nWe encrypt stored data.\n";

#define NEVER "We never sell your personal information."
#define MAY "We may sell your personal information to our partners."
#define COOKIES "We use cookies to remember your basket."
#define KEEP "We keep order records for 2 years."

/* ---- helpers ---- */

static pc_taxonomy *load_tax(void)
{
    pc_error err = {{0}};
    pc_taxonomy *tax = pc_tax_load(TAXONOMY, &err);
    if (!tax)
        fail_msg("%s", err.msg);
    return tax;
}

static pc_policy *open_md(const pc_taxonomy *tax, const char *name, const char *text)
{
    pc_error err = {{0}};
    pc_doc *doc = pc_doc_from_memory(name, text, strlen(text), PC_FORMAT_MARKDOWN, &err);
    if (!doc)
        fail_msg("%s", err.msg);
    pc_policy *p = pc_policy_from_doc(doc, tax, &err);
    if (!p)
        fail_msg("%s", err.msg);
    return p;
}

/* Index of the clause of p whose text is exactly s, or -1. */
static long clause_index(const pc_policy *p, const char *s)
{
    for (size_t i = 0; i < p->outline->nclauses; i++) {
        size_t len;
        const char *t = pc_policy_clause_text(p, i, &len);
        if (len == strlen(s) && memcmp(t, s, len) == 0)
            return (long)i;
    }
    return -1;
}

static long find_kind(const pc_comparison *c, pc_finding_kind k, int category)
{
    for (size_t i = 0; i < c->nfindings; i++)
        if (c->findings[i].kind == k && c->findings[i].category == category)
            return (long)i;
    return -1;
}

static pc_review *parse(const char *text, pc_error *err)
{
    return pc_review_load_mem("t.yaml", text, strlen(text), err);
}

/* ---- keys ---- */

static void test_clause_key(void **state)
{
    (void)state;
    const char *variants[] = {"We never sell data.", "  We never\tsell   data.  ",
                              "We\nnever\r\nsell data.", ("We\xc2\xa0never sell\xe3\x80\x80" "data.")};
    for (size_t i = 0; i < 4; i++) {
        char *k = pc_review_clause_key(variants[i], strlen(variants[i]));
        assert_string_equal(k, "We never sell data.");
        free(k);
    }
    char *k = pc_review_clause_key(" \n\t ", 4);
    assert_string_equal(k, "");
    free(k);
    k = pc_review_clause_key("We never sell.", 8); /* only the first len bytes */
    assert_string_equal(k, "We never");
    free(k);
}

static void test_default_path(void **state)
{
    (void)state;
    char *p = pc_review_default_path("/srv/policies/alpha.md");
    assert_string_equal(p, "/srv/policies/polcmp-review.yaml");
    free(p);
    p = pc_review_default_path("alpha.md");
    assert_string_equal(p, "polcmp-review.yaml");
    free(p);
}

/* ---- the file ---- */

static const char *const hostile[] = {
    "Note: with a colon: and \"double\" and 'single' quotes",
    "# not a comment",
    "line one\nline two\n\nline four",
    "- leading dash",
    "\xe6\x88\x91\xe4\xbb\xac\xe4\xb8\x8d\xe5\x87\xba\xe5\x94\xae\xe6\x95\xb0\xe6\x8d\xae\xe3\x80\x82",
    "*alias",
    "&anchor",
    "null",
    "~",
    "true",
    "42",
    "  padded  ",
    "tab\there",
    "{flow: [x, y]}",
    "%directive",
    "@at and `tick",
    "key: value",
    "|",
    "> folded",
    "!tag",
    "? question",
    "ends with a colon:",
    "bell\x07",
    "back\\slash",
};
#define NHOSTILE (sizeof hostile / sizeof *hostile)

static pc_review *hostile_review(const char *path)
{
    pc_review *r = pc_review_new(path);
    assert_non_null(r);
    for (size_t i = 0; i < NHOSTILE; i++) {
        pc_decision *d = pc_review_get(r, 0, hostile[i], hostile[i], hostile[i]);
        assert_non_null(d);
        d->status = PC_REV_REVIEWED;
        assert_int_equal(pc_decision_set_note(d, hostile[i]), 0);
        const char *labels[] = {hostile[i], "security"};
        assert_int_equal(pc_decision_set_labels(d, labels, 2), 0);
        pc_decision *f = pc_review_get(r, 1, "p", hostile[i], NULL);
        assert_non_null(f);
        f->status = PC_REV_DISMISSED;
    }
    /* An untitled section, a relabel to nothing, no note. */
    pc_decision *d = pc_review_get(r, 0, "p", "preamble clause", "");
    assert_int_equal(pc_decision_set_labels(d, NULL, 0), 0);
    return r;
}

static void assert_same_decision(const pc_decision *a, const pc_decision *b)
{
    assert_int_equal(a->is_finding, b->is_finding);
    assert_string_equal(a->policy, b->policy);
    assert_string_equal(a->key, b->key);
    if (a->section || b->section)
        assert_string_equal(a->section, b->section);
    assert_int_equal(a->status, b->status);
    assert_int_equal(a->relabelled, b->relabelled);
    assert_int_equal(a->nlabels, b->nlabels);
    for (size_t i = 0; i < a->nlabels; i++)
        assert_string_equal(a->labels[i], b->labels[i]);
    if (a->note || b->note)
        assert_string_equal(a->note, b->note);
    assert_string_equal(a->updated, b->updated);
}

static void test_round_trip(void **state)
{
    (void)state;
    char path[512];
    snprintf(path, sizeof path, "%s/round.yaml", test_temp_dir());
    pc_review *r = hostile_review(path);
    pc_error err = {{0}};
    assert_int_equal(pc_review_save(r, &err), 0);
    size_t len1, len2;
    char *first = test_read_file(path, &len1);
    assert_non_null(first);
    assert_true(strncmp(first, "# polcmp review decisions", 25) == 0);

    pc_review *back = pc_review_load(path, &err);
    if (!back)
        fail_msg("%s\n%s", err.msg, first);
    assert_int_equal(back->n, r->n);
    for (size_t i = 0; i < r->n; i++) {
        const pc_decision *a = &r->items[i];
        const pc_decision *b = pc_review_find(back, a->is_finding, a->policy, a->key);
        assert_non_null(b);
        assert_same_decision(a, b);
    }
    assert_int_equal(pc_review_save(back, &err), 0);
    char *second = test_read_file(path, &len2);
    assert_int_equal(len1, len2);
    assert_memory_equal(first, second, len1);
    free(first);
    free(second);
    pc_review_free(back);
    pc_review_free(r);
}

/* Saved in order: policy, then clauses before findings, then key. */
static void test_sorted(void **state)
{
    (void)state;
    pc_review *r = pc_review_new("sorted.yaml");
    pc_review_get(r, 1, "b", "gap|x", NULL);
    pc_review_get(r, 0, "b", "Zed.", "S");
    pc_review_get(r, 0, "a", "Second.", "S");
    pc_review_get(r, 0, "a", "First.", "S");
    pc_error err = {{0}};
    char *s = pc_review_dump(r, NULL, &err);
    assert_non_null(s);
    const char *p1 = strstr(s, "clause: First."), *p2 = strstr(s, "clause: Second.");
    const char *p3 = strstr(s, "clause: Zed."), *p4 = strstr(s, "finding: gap|x");
    assert_true(p1 && p2 && p3 && p4);
    assert_true(p1 < p2 && p2 < p3 && p3 < p4);
    assert_non_null(strstr(s, "\npolcmp-review: 1\n"));
    free(s);
    pc_review_free(r);
}

static void test_missing_file(void **state)
{
    (void)state;
    pc_error err = {{0}};
    char path[512];
    snprintf(path, sizeof path, "%s/no-such-review.yaml", test_temp_dir());
    pc_review *r = pc_review_load(path, &err);
    assert_non_null(r);
    assert_int_equal(r->n, 0);
    assert_string_equal(r->path, path);
    pc_review_free(r);
    r = parse("# only a comment\n", &err);
    assert_non_null(r);
    assert_int_equal(r->n, 0);
    pc_review_free(r);
}

static void expect_error(const char *text, const char *where, const char *what)
{
    pc_error err = {{0}};
    err.msg[0] = '\0';
    pc_review *r = parse(text, &err);
    if (r) {
        pc_review_free(r);
        fail_msg("parsed, expected %s %s", where, what);
    }
    if (strncmp(err.msg, where, strlen(where)) != 0 || !strstr(err.msg, what))
        fail_msg("got \"%s\", expected \"%s ... %s\"", err.msg, where, what);
    assert_null(strchr(err.msg, '\n'));
}

#define HEAD "polcmp-review: 1\ndecisions:\n"

static void test_parse_errors(void **state)
{
    (void)state;
    expect_error(HEAD "  - policy: a\n    clause: x\n    colour: red\n", "t.yaml:5:5:",
                 "unknown key 'colour'");
    expect_error(HEAD "  - policy: a\n    clause: x\n    note: [a, b]\n", "t.yaml:5:11:",
                 "'note' must be a text");
    expect_error(HEAD "  - policy: a\n    clause: x\n    status: done\n", "t.yaml:5:13:",
                 "'status' must be");
    expect_error(HEAD "  - policy: a\n    clause: x\n    labels: security\n", "t.yaml:5:13:",
                 "'labels' must be a list");
    expect_error("polcmp-review: 2\ndecisions: []\n", "t.yaml:1:16:", "newer");
    expect_error("polcmp-review: one\n", "t.yaml:1:16:", "version number");
    expect_error("decisions: []\n", "t.yaml:1:1:", "polcmp-review");
    expect_error(HEAD "  - clause: x\n    status: reviewed\n", "t.yaml:3:5:", "'policy'");
    expect_error(HEAD "  - policy: a\n    status: reviewed\n", "t.yaml:3:5:", "'clause' or a 'finding'");
    expect_error(HEAD "  - policy: a\n    clause: x\n    status: dismissed\n", "t.yaml:3:5:",
                 "only a finding");
    expect_error(HEAD "  - policy: a\n    clause: x\n    finding: y\n", "t.yaml:5:5:",
                 "either 'clause' or 'finding'");
    expect_error(HEAD "  - policy: a\n    clause: x\n    note: *ref\n", "t.yaml:5:11:", "aliases");
    expect_error(HEAD "  - policy: a\n    clause: x\n  - policy: a\n    clause: x\n",
                 "t.yaml:5:5:", "second decision");
    expect_error(HEAD "  - policy: a\n    clause: x\n    clause: y\n", "t.yaml:5:5:",
                 "given twice");
    expect_error(HEAD "  - policy: a\n    finding: x\n    section: s\n", "t.yaml:3:5:",
                 "no 'section'");
    expect_error(HEAD "  - policy: \"a\n", "t.yaml:", "quoted scalar");
    expect_error("polcmp-review: 1\nextra: 1\n", "t.yaml:2:1:", "unknown key 'extra'");
    expect_error("polcmp-review: 1\n---\npolcmp-review: 1\n", "t.yaml:2:1:", "one document");
}

/* A failing save leaves the old file as it was, and the decisions in memory. */
static void test_save_fails_cleanly(void **state)
{
    (void)state;
    char dir[512], path[600], notdir[600];
    snprintf(dir, sizeof dir, "%s/ro", test_temp_dir());
    assert_int_equal(mkdir(dir, 0755), 0);
    snprintf(path, sizeof path, "%s/polcmp-review.yaml", dir);
    pc_error err = {{0}};
    pc_review *r = pc_review_new(path);
    pc_decision *d = pc_review_get(r, 0, "alpha", NEVER, "1. Sharing");
    d->status = PC_REV_REVIEWED;
    assert_int_equal(pc_review_save(r, &err), 0);
    size_t len0, len1;
    char *before = test_read_file(path, &len0);

    assert_int_equal(pc_decision_set_note(d, "changed after the first save"), 0);
    assert_int_equal(chmod(dir, 0555), 0);
    if (access(dir, W_OK) == 0) {
        /* Privileged users write anyway: fail instead by saving over a directory. */
        assert_int_equal(chmod(dir, 0755), 0);
        snprintf(notdir, sizeof notdir, "%s/sub", dir);
        assert_int_equal(mkdir(notdir, 0755), 0);
        free(r->path);
        r->path = strdup(notdir);
    }
    err.msg[0] = '\0';
    assert_int_equal(pc_review_save(r, &err), -1);
    assert_non_null(strstr(err.msg, r->path));
    chmod(dir, 0755);
    char *after = test_read_file(path, &len1);
    assert_int_equal(len0, len1);
    assert_memory_equal(before, after, len0);
    assert_string_equal(d->note, "changed after the first save");
    /* Nothing but the review file (and the directory standing in for it) is left behind. */
    char cmd[700];
    snprintf(cmd, sizeof cmd, "test $(ls -A '%s' | wc -l) -le 2", dir);
    assert_int_equal(system(cmd), 0);
    free(before);
    free(after);
    pc_review_free(r);
}

/* ---- keys of findings and the map ---- */

typedef struct world {
    pc_taxonomy *tax;
    pc_policy *pol[2];
    size_t n;
    pc_comparison *cmp;
} world;

static void world_open(world *w, const char *alpha, int with_beta)
{
    pc_error err = {{0}};
    w->tax = load_tax();
    w->pol[0] = open_md(w->tax, "alpha.md", alpha);
    w->n = 1;
    if (with_beta)
        w->pol[w->n++] = open_md(w->tax, "beta.md", beta_md);
    w->cmp = pc_compare(w->tax, w->pol, w->n, 0, &err);
    if (!w->cmp)
        fail_msg("%s", err.msg);
}

static void world_close(world *w)
{
    pc_comparison_free(w->cmp);
    for (size_t i = 0; i < w->n; i++)
        pc_policy_free(w->pol[i]);
    pc_tax_free(w->tax);
}

#define CONTRA_KEY "contradiction|sharing|" NEVER "|" MAY

static void test_finding_keys(void **state)
{
    (void)state;
    world w;
    world_open(&w, base_md, 1);
    long i = find_kind(w.cmp, PC_FIND_CONTRADICTION, pc_tax_find_category(w.tax, "sharing"));
    assert_true(i >= 0);
    char *k = pc_review_finding_key(w.cmp, &w.cmp->findings[i]);
    assert_string_equal(k, CONTRA_KEY);
    assert_string_equal(pc_review_finding_policy(w.cmp, &w.cmp->findings[i]), "alpha");
    free(k);
    i = find_kind(w.cmp, PC_FIND_GAP, pc_tax_find_category(w.tax, "security"));
    assert_true(i >= 0);
    k = pc_review_finding_key(w.cmp, &w.cmp->findings[i]);
    assert_string_equal(k, "gap|security"); /* the peer's clause is not part of it */
    assert_string_equal(pc_review_finding_policy(w.cmp, &w.cmp->findings[i]), "alpha");
    free(k);
    world_close(&w);
}

/* A review written against base_md. */
static pc_review *base_review(void)
{
    pc_review *r = pc_review_new("map.yaml");
    pc_decision *d = pc_review_get(r, 0, "alpha", NEVER, "1. Sharing");
    d->status = PC_REV_REVIEWED;
    d = pc_review_get(r, 0, "alpha", COOKIES, "3. Cookies");
    pc_decision_set_note(d, "cookie note");
    d = pc_review_get(r, 1, "alpha", CONTRA_KEY, NULL);
    d->status = PC_REV_DISMISSED;
    return r;
}

static pc_review_map *map_of(const pc_review *r, const world *w)
{
    pc_error err = {{0}};
    pc_review_map *m = pc_review_map_new(r, w->cmp, &err);
    if (!m)
        fail_msg("%s", err.msg);
    return m;
}

static void expect_clause(const pc_review_map *m, const world *w, const char *text,
                          const char *key, pc_review_fit want)
{
    long ci = clause_index(w->pol[0], text);
    assert_true(ci >= 0);
    pc_review_fit fit;
    const pc_decision *d = pc_review_map_clause(m, 0, (size_t)ci, &fit);
    assert_non_null(d);
    assert_string_equal(d->key, key);
    assert_int_equal(fit, want);
}

static long contradiction(const world *w)
{
    return find_kind(w->cmp, PC_FIND_CONTRADICTION, pc_tax_find_category(w->tax, "sharing"));
}

static void test_map_current(void **state)
{
    (void)state;
    world w;
    world_open(&w, base_md, 0);
    pc_review *r = base_review();
    pc_review_map *m = map_of(r, &w);
    expect_clause(m, &w, NEVER, NEVER, PC_FIT_CURRENT);
    expect_clause(m, &w, COOKIES, COOKIES, PC_FIT_CURRENT);
    assert_null(pc_review_map_clause(m, 0, (size_t)clause_index(w.pol[0], MAY), NULL));
    long fi = contradiction(&w);
    assert_true(fi >= 0);
    pc_review_fit fit;
    assert_non_null(pc_review_map_finding(m, (size_t)fi, &fit));
    assert_int_equal(fit, PC_FIT_CURRENT);
    assert_true(pc_review_map_dismissed(m, (size_t)fi));
    assert_int_equal(m->norphans, 0);
    pc_review_map_free(m);
    pc_review_free(r);
    world_close(&w);
}

static void test_map_stale(void **state)
{
    (void)state;
    world w;
    world_open(&w, edited_md, 0);
    pc_review *r = base_review();
    pc_review_map *m = map_of(r, &w);
    expect_clause(m, &w, "We never sell or rent your personal information.", NEVER, PC_FIT_STALE);
    expect_clause(m, &w, COOKIES, COOKIES, PC_FIT_CURRENT);
    long fi = contradiction(&w);
    assert_true(fi >= 0);
    pc_review_fit fit;
    assert_non_null(pc_review_map_finding(m, (size_t)fi, &fit));
    assert_int_equal(fit, PC_FIT_STALE);
    assert_false(pc_review_map_dismissed(m, (size_t)fi)); /* the finding changed */
    assert_int_equal(m->norphans, 0);
    pc_review_map_free(m);
    pc_review_free(r);
    world_close(&w);
}

static void test_map_inserted(void **state)
{
    (void)state;
    world w;
    world_open(&w, inserted_md, 0);
    assert_int_equal(clause_index(w.pol[0], NEVER), 1);
    pc_review *r = base_review();
    pc_review_map *m = map_of(r, &w);
    expect_clause(m, &w, NEVER, NEVER, PC_FIT_CURRENT);
    expect_clause(m, &w, COOKIES, COOKIES, PC_FIT_CURRENT);
    assert_null(pc_review_map_clause(m, 0, 0, NULL)); /* the new clause has no decision */
    long fi = contradiction(&w);
    assert_true(fi >= 0 && pc_review_map_dismissed(m, (size_t)fi));
    assert_int_equal(m->norphans, 0);
    pc_review_map_free(m);
    pc_review_free(r);
    world_close(&w);
}

static void test_map_orphans(void **state)
{
    (void)state;
    world w;
    world_open(&w, deleted_md, 0);
    pc_review *r = base_review();
    /* Similar to a clause, but of another section: not placed there. */
    pc_review_get(r, 0, "alpha", "We keep order records for 3 years.", "3. Cookies");
    /* A policy that is not compared. */
    pc_review_get(r, 0, "gamma", KEEP, "2. Keeping data");
    pc_review_map *m = map_of(r, &w);
    expect_clause(m, &w, NEVER, NEVER, PC_FIT_CURRENT);
    assert_int_equal(contradiction(&w), -1);
    assert_int_equal(m->norphans, 4);
    const char *want[] = {COOKIES, CONTRA_KEY, "We keep order records for 3 years.", KEEP};
    for (size_t k = 0; k < 4; k++)
        assert_string_equal(r->items[m->orphans[k]].key, want[k]);
    assert_null(pc_review_map_clause(m, 0, (size_t)clause_index(w.pol[0], KEEP), NULL));
    /* Orphans stay in the file. */
    pc_error err = {{0}};
    char *s = pc_review_dump(r, NULL, &err);
    assert_non_null(strstr(s, "clause: " COOKIES));
    assert_non_null(strstr(s, "finding: " CONTRA_KEY));
    free(s);
    pc_review_map_free(m);
    pc_review_free(r);
    world_close(&w);
}

/* ---- relabels and exports ---- */

static int covered(const world *w, const char *cat)
{
    return pc_comparison_cell(w->cmp, pc_tax_find_category(w->tax, cat), 0)->covered;
}

static void test_relabel(void **state)
{
    (void)state;
    world w;
    world_open(&w, base_md, 0);
    assert_false(covered(&w, "security"));
    assert_true(covered(&w, "cookies"));
    assert_true(covered(&w, "retention"));
    pc_review *r = pc_review_new("relabel.yaml");
    const char *sec[] = {"security", "no-such-category"};
    pc_decision_set_labels(pc_review_get(r, 0, "alpha", COOKIES, "3. Cookies"), sec, 2);
    pc_decision_set_labels(pc_review_get(r, 0, "alpha", KEEP, "2. Keeping data"), NULL, 0);
    pc_error err = {{0}}, warning = {{0}};
    const pc_classified *cls = w.pol[0]->cls;
    size_t nlabels = cls->nlabels;
    pc_overlay *o = pc_review_overlay(r, w.pol[0], &warning, &err);
    assert_non_null(o);
    assert_non_null(strstr(warning.msg, "no-such-category"));
    assert_int_equal(pc_overlay_count(o), 2);
    pc_policy_set_overlay(w.pol[0], o);
    pc_comparison_free(w.cmp);
    w.cmp = pc_compare(w.tax, w.pol, 1, 0, &err);
    assert_non_null(w.cmp);
    assert_true(covered(&w, "security"));
    assert_false(covered(&w, "cookies"));
    assert_false(covered(&w, "retention"));
    assert_true(covered(&w, "sharing")); /* untouched clauses keep the classifier's labels */
    /* The clause reads as the reviewer set it, marked as the reviewer's... */
    size_t ci = (size_t)clause_index(w.pol[0], COOKIES);
    int security = pc_tax_find_category(w.tax, "security");
    assert_true(pc_policy_clause_relabelled(w.pol[0], ci));
    assert_int_equal(pc_policy_clause_nlabels(w.pol[0], ci), 1);
    pc_eff_label l = pc_policy_clause_label(w.pol[0], ci, 0);
    assert_int_equal(l.category, security);
    assert_true(l.reviewer);
    assert_null(l.label); /* the classifier never said "security" here */
    /* ...while the classifier's output is exactly as it was. */
    assert_ptr_equal(w.pol[0]->cls, cls);
    assert_int_equal(cls->nlabels, nlabels);
    assert_null(pc_classified_label(cls, ci, security));
    assert_non_null(pc_classified_label(cls, ci, pc_tax_find_category(w.tax, "cookies")));
    /* Withdrawing the relabels re-runs nothing: the same classification shows through. */
    pc_policy_set_overlay(w.pol[0], NULL);
    assert_false(pc_policy_clause_relabelled(w.pol[0], ci));
    assert_ptr_equal(w.pol[0]->cls, cls);
    pc_comparison_free(w.cmp);
    w.cmp = pc_compare(w.tax, w.pol, 1, 0, &err);
    assert_false(covered(&w, "security"));
    assert_true(covered(&w, "cookies"));
    assert_true(covered(&w, "retention"));
    pc_review_free(r);
    world_close(&w);
}

static const pc_table *table_named(const pc_report *rep, const char *name)
{
    for (size_t i = 0; i < rep->ntables; i++)
        if (strcmp(rep->tables[i].name, name) == 0)
            return &rep->tables[i];
    return NULL;
}

static void test_report(void **state)
{
    (void)state;
    world w;
    world_open(&w, edited_md, 0);
    pc_review *r = base_review();
    pc_review_get(r, 0, "alpha", "A sentence that was deleted.", "1. Sharing");
    pc_review_map *m = map_of(r, &w);
    pc_report *plain = pc_present_report(w.cmp, NULL);
    assert_int_equal(table_named(plain, "Findings")->ncols, 6);
    assert_null(table_named(plain, "Review notes"));
    pc_report *rep = pc_present_report(w.cmp, m);
    const pc_table *f = table_named(rep, "Findings");
    assert_int_equal(f->ncols, 8);
    assert_string_equal(pc_table_cell(f, 0, 6)->text, "Review");
    long fi = contradiction(&w);
    assert_string_equal(pc_table_cell(f, (size_t)fi + 1, 6)->text, "needs review again");
    const pc_table *t = table_named(rep, "Review notes");
    assert_non_null(t);
    assert_int_equal(t->nrows, 4); /* header, two clause decisions, one orphan */
    int stale = 0, orphan = 0;
    for (size_t row = 1; row < t->nrows; row++) {
        const char *fit = pc_table_cell(t, row, 6)->text;
        stale += strncmp(fit, "needs review again", 18) == 0;
        orphan += strcmp(fit, "clause no longer in the policy") == 0;
    }
    assert_int_equal(stale, 1);
    assert_int_equal(orphan, 1);
    pc_report_free(plain);
    pc_report_free(rep);
    pc_review_map_free(m);
    pc_review_free(r);
    world_close(&w);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clause_key),     cmocka_unit_test(test_default_path),
        cmocka_unit_test(test_round_trip),     cmocka_unit_test(test_sorted),
        cmocka_unit_test(test_missing_file),   cmocka_unit_test(test_parse_errors),
        cmocka_unit_test(test_save_fails_cleanly), cmocka_unit_test(test_finding_keys),
        cmocka_unit_test(test_map_current),    cmocka_unit_test(test_map_stale),
        cmocka_unit_test(test_map_inserted),   cmocka_unit_test(test_map_orphans),
        cmocka_unit_test(test_relabel),        cmocka_unit_test(test_report),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
