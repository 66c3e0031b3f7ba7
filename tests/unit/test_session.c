/* test_session.c: a session from files to a reviewed comparison (session/session.h) and the
 * table of writers it exports through (present/writer.h), on policies written here and the
 * small taxonomy of tests/data/compare/taxonomy.yaml. */
#include "testutil.h"

#include "session/session.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define TAXONOMY POLCMP_TEST_DATA "/compare/taxonomy.yaml"
#define KEEP     "We keep order records for 90 days."
#define SELL     "We may sell customer lists to selected partners."

static const char policy_a[] = "1. Sharing\n"
                               "We never sell your personal information.\n"
                               "2. Keeping data\n" KEEP "\n"
                               "3. Changes\n" SELL "\n";
static const char policy_b[] = "1. Sharing\n"
                               "We do not sell personal information.\n"
                               "2. Security\n"
                               "We encrypt data in transit with TLS.\n";

/* Messages the session told, one a line, "E " or "W " in front. */
static char told[4096];

static void note(void *ctx, int error, const char *msg)
{
    (void)ctx;
    size_t n = strlen(told);
    snprintf(told + n, sizeof told - n, "%c %s\n", error ? 'E' : 'W', msg);
}

/* A directory with the two policies (a.txt, b.txt) and, when review_yaml is given, review.yaml. */
static const char *world(const char *name, const char *review_yaml)
{
    static char dir[700];
    char path[800];
    snprintf(dir, sizeof dir, "%s/%s", test_temp_dir(), name);
    assert_int_equal(mkdir(dir, 0755), 0);
    const char *files[][2] = {
        {"a.txt", policy_a}, {"b.txt", policy_b}, {"review.yaml", review_yaml}};
    for (size_t i = 0; i < 3 && files[i][1]; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, files[i][0]);
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fputs(files[i][1], f);
        fclose(f);
    }
    return dir;
}

static pc_session *open_world(const char *dir, const char *review, int lenient, pc_error *err)
{
    char a[800], b[800], r[800];
    snprintf(a, sizeof a, "%s/a.txt", dir);
    snprintf(b, sizeof b, "%s/b.txt", dir);
    snprintf(r, sizeof r, "%s/%s", dir, review ? review : "");
    char *paths[] = {a, b};
    told[0] = '\0';
    pc_session_opts o = {
        .taxonomy = TAXONOMY, .review = review ? r : NULL, .review_lenient = lenient, .note = note};
    return pc_session_open(&o, paths, 2, err);
}

static int covered(const pc_session *s, const char *cat, size_t policy)
{
    return pc_comparison_cell(s->cmp, pc_tax_find_category(s->tax, cat), policy)->covered;
}

static size_t clause_of(const pc_policy *p, const char *prefix)
{
    for (size_t i = 0; i < p->outline->nclauses; i++) {
        size_t len;
        const char *t = pc_policy_clause_text(p, i, &len);
        if (len >= strlen(prefix) && !memcmp(t, prefix, strlen(prefix)))
            return i;
    }
    fail_msg("no clause starts with \"%s\"", prefix);
    return 0;
}

static long finding_of(const pc_session *s, pc_finding_kind kind)
{
    for (size_t i = 0; i < s->cmp->nfindings; i++)
        if (s->cmp->findings[i].kind == kind)
            return (long)i;
    return -1;
}

/* Without a review file nothing is placed and nothing can be saved. */
static void test_open_without_review(void **state)
{
    (void)state;
    pc_error err = {{0}};
    pc_session *s = open_world(world("plain", NULL), NULL, 0, &err);
    assert_non_null(s);
    assert_int_equal(s->npols, 2);
    assert_string_equal(s->pols[0]->id, "a");
    assert_null(s->map);
    assert_true(s->review_readonly);
    assert_true(covered(s, "retention", 0));
    assert_int_equal(pc_session_save(s, &err), -1);
    pc_session_free(s);
}

/* Files that cannot be read are told and skipped; with none left the open fails. */
static void test_open_skips(void **state)
{
    (void)state;
    pc_error err = {{0}};
    char *paths[] = {"/nonexistent/x.txt", (char *)POLCMP_EXAMPLES "/01-freshbox.txt"};
    pc_session_opts o = {.taxonomy = TAXONOMY, .note = note};
    told[0] = '\0';
    pc_session *s = pc_session_open(&o, paths, 2, &err);
    assert_non_null(s);
    assert_int_equal(s->skipped, 1);
    assert_int_equal(s->npols, 1);
    assert_non_null(strstr(told, "E /nonexistent/x.txt"));
    pc_session_free(s);
    assert_null(pc_session_open(&o, paths, 1, &err));
    assert_string_equal(err.msg, "no policy could be read");
}

/* A review file that does not parse fails a strict open; a lenient one goes on read-only and
 * never writes it. */
static void test_bad_review(void **state)
{
    (void)state;
    const char *dir = world("bad", "polcmp-review: 1\ndecisions: [\n");
    pc_error err = {{0}};
    assert_null(open_world(dir, "review.yaml", 0, &err));
    assert_non_null(strstr(err.msg, "review.yaml:"));
    pc_session *s = open_world(dir, "review.yaml", 1, &err);
    assert_non_null(s);
    assert_true(s->review_readonly);
    assert_non_null(strstr(s->review_error, "review.yaml:"));
    assert_non_null(strstr(told, "(the review file is left untouched)"));
    pc_target t = pc_target_clause(0, clause_of(s->pols[0], KEEP));
    assert_int_equal(pc_session_decide(s, &t, PC_REV_REVIEWED, &err), 0);
    assert_true(s->dirty);
    assert_int_equal(pc_session_save(s, &err), -1);
    char path[800];
    snprintf(path, sizeof path, "%s/review.yaml", dir);
    size_t len;
    char *still = test_read_file(path, &len);
    assert_string_equal(still, "polcmp-review: 1\ndecisions: [\n");
    free(still);
    /* Save-as writes the decisions elsewhere, and that file is the review file from then on. */
    snprintf(path, sizeof path, "%s/recovered.yaml", dir);
    assert_int_equal(pc_session_save_as(s, path, &err), 0);
    assert_false(s->dirty);
    assert_false(s->review_readonly);
    assert_string_equal(s->review->path, path);
    pc_session_free(s);
    pc_review *back = pc_review_load(path, &err);
    assert_non_null(back);
    assert_int_equal(back->n, 1);
    pc_review_free(back);
}

/* Decisions are placed at once, saved when asked, and an emptied decision disappears. */
static void test_decide_and_save(void **state)
{
    (void)state;
    const char *dir = world("decide", NULL);
    pc_error err = {{0}};
    pc_session *s = open_world(dir, "review.yaml", 0, &err);
    assert_non_null(s);
    assert_non_null(s->map);
    pc_target t = pc_target_clause(0, clause_of(s->pols[0], KEEP));
    assert_int_equal(pc_session_note(s, &t, "Checked.", &err), 0);
    assert_int_equal(pc_session_decide(s, &t, PC_REV_REVIEWED, &err), 0);
    pc_review_fit fit;
    const pc_decision *d = pc_review_map_clause(s->map, t.policy, t.clause, &fit);
    assert_non_null(d);
    assert_int_equal(fit, PC_FIT_CURRENT);
    assert_string_equal(d->note, "Checked.");
    assert_ptr_equal(pc_session_decision(s, &t), d);
    assert_true(s->dirty);
    assert_int_equal(pc_session_save(s, &err), 0);
    assert_false(s->dirty);
    /* A clause cannot be dismissed; a finding can, and --fail-on then ignores it. */
    assert_int_equal(pc_session_decide(s, &t, PC_REV_DISMISSED, &err), -1);
    long fi = finding_of(s, PC_FIND_CONTRADICTION);
    assert_true(fi >= 0);
    unsigned kinds = 1u << PC_FIND_CONTRADICTION;
    assert_true(pc_session_fails_on(s, kinds));
    pc_target ft = pc_target_finding((size_t)fi);
    assert_int_equal(pc_session_decide(s, &ft, PC_REV_DISMISSED, &err), 0);
    assert_false(pc_session_fails_on(s, kinds));
    /* Back to open without a note: the decision is gone from the review. */
    assert_int_equal(pc_session_note(s, &t, "", &err), 0);
    assert_int_equal(pc_session_decide(s, &t, PC_REV_OPEN, &err), 0);
    assert_null(pc_session_decision(s, &t));
    assert_int_equal(s->review->n, 1); /* the dismissal */
    pc_target none = pc_target_clause(5, 0);
    pc_error_clear(&err);
    assert_int_equal(pc_session_decide(s, &none, PC_REV_REVIEWED, &err), -1);
    assert_string_equal(err.msg, "no such clause");
    pc_session_free(s);
}

/* A relabel is laid over the classification and compared at once; withdrawing it gives the
 * classifier's labels back from the very same classification. */
static void test_relabel_overlay(void **state)
{
    (void)state;
    pc_error err = {{0}};
    pc_session *s = open_world(world("relabel", NULL), "review.yaml", 0, &err);
    assert_non_null(s);
    const pc_classified *cls = s->pols[0]->cls;
    size_t nlabels = cls->nlabels;
    pc_target t = pc_target_clause(0, clause_of(s->pols[0], KEEP));
    assert_true(covered(s, "retention", 0));
    assert_false(covered(s, "security", 0));
    const char *unknown[] = {"no-such-category"};
    assert_int_equal(pc_session_relabel(s, &t, unknown, 1, &err), -1);
    assert_non_null(strstr(err.msg, "no-such-category"));
    assert_null(pc_session_decision(s, &t));
    const char *ids[] = {"security"};
    assert_int_equal(pc_session_relabel(s, &t, ids, 1, &err), 0);
    assert_false(covered(s, "retention", 0));
    assert_true(covered(s, "security", 0));
    assert_true(pc_policy_clause_relabelled(s->pols[0], t.clause));
    assert_ptr_equal(s->pols[0]->cls, cls);
    assert_int_equal(cls->nlabels, nlabels);
    /* A relabel to nothing. */
    assert_int_equal(pc_session_relabel(s, &t, ids, 0, &err), 0);
    assert_false(covered(s, "security", 0));
    assert_int_equal(pc_policy_clause_nlabels(s->pols[0], t.clause), 0);
    /* Withdrawn: the classifier's labels, from the same classification. */
    assert_int_equal(pc_session_relabel(s, &t, NULL, 0, &err), 0);
    assert_true(covered(s, "retention", 0));
    assert_false(pc_policy_clause_relabelled(s->pols[0], t.clause));
    assert_ptr_equal(s->pols[0]->cls, cls);
    assert_null(pc_session_decision(s, &t));
    pc_target ft = pc_target_finding(0);
    assert_int_equal(pc_session_relabel(s, &ft, ids, 1, &err), -1);
    pc_session_free(s);
}

/* A relabel saved in the review file is laid over the classification when a session opens; one
 * naming an unknown category is told and skipped. */
static void test_relabel_from_file(void **state)
{
    (void)state;
    const char *review = "polcmp-review: 1\n"
                         "decisions:\n"
                         "- policy: a\n"
                         "  clause: " KEEP "\n"
                         "  labels:\n"
                         "  - security\n"
                         "  - no-such-category\n";
    pc_error err = {{0}};
    pc_session *s = open_world(world("fromfile", review), "review.yaml", 0, &err);
    assert_non_null(s);
    assert_true(covered(s, "security", 0));
    assert_false(covered(s, "retention", 0));
    assert_non_null(strstr(told, "W "));
    assert_non_null(strstr(told, "unknown category 'no-such-category'"));
    pc_session_free(s);
}

static size_t count_dir_entries(const char *dir)
{
    DIR *d = opendir(dir);
    size_t n = 0;
    for (struct dirent *e; (e = readdir(d));)
        n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
    closedir(d);
    return n;
}

/* One table serves every format, by name, alias or extension. */
static void test_writer_table(void **state)
{
    (void)state;
    assert_string_equal(pc_writer_for_path("a/b/report.XLSX")->name, "xlsx");
    assert_string_equal(pc_writer_for_path("x.htm")->name, "html");
    assert_string_equal(pc_writer_for_path("x.md")->name, "md");
    assert_string_equal(pc_writer_for_path("x.json")->name, "json");
    assert_null(pc_writer_for_path(".csv"));
    assert_null(pc_writer_for_path("noext"));
    assert_string_equal(pc_writer_named("markdown")->name, "md");
    assert_string_equal(pc_writer_named("JSON")->name, "json");
    assert_null(pc_writer_named("pdf"));
    assert_false(pc_writer_named("xlsx")->stream);
    pc_buf b = {0};
    assert_int_equal(pc_writer_list(&b, 0), 0);
    assert_string_equal(b.data, "csv, tsv, md, html, xlsx or json");
    b.len = 0;
    assert_int_equal(pc_writer_list(&b, 1), 0);
    assert_string_equal(b.data, ".csv .tsv .md .html .xlsx .json");
    pc_buf_free(&b);
}

/* Every format is written whole through the session, with the decisions; a file that cannot
 * be written leaves nothing behind. */
static void test_export_every_format(void **state)
{
    (void)state;
    const char *dir = world("export", NULL);
    pc_error err = {{0}};
    pc_session *s = open_world(dir, "review.yaml", 0, &err);
    assert_non_null(s);
    pc_target t = pc_target_clause(0, clause_of(s->pols[0], KEEP));
    assert_int_equal(pc_session_note(s, &t, "Checked with legal.", &err), 0);
    static const char *const exts[] = {"csv", "tsv", "md", "html", "xlsx", "json"};
    char out[800], path[900];
    snprintf(out, sizeof out, "%s/out", dir);
    assert_int_equal(mkdir(out, 0755), 0);
    for (size_t i = 0; i < 6; i++) {
        snprintf(path, sizeof path, "%s/comparison.%s", out, exts[i]);
        assert_int_equal(pc_session_export(s, pc_writer_for_path(path), path, &err), 0);
        size_t len;
        char *data = test_read_file(path, &len);
        assert_non_null(data);
        if (strcmp(exts[i], "xlsx") == 0)
            assert_memory_equal(data, "PK\x03\x04", 4);
        else
            assert_non_null(strstr(data, "Checked with legal."));
        free(data);
    }
    assert_int_equal(count_dir_entries(out), 6); /* no temporary file left beside them */
    snprintf(path, sizeof path, "%s/no/such/dir/out.csv", out);
    assert_int_equal(pc_session_export(s, pc_writer_named("csv"), path, &err), -1);
    assert_non_null(strstr(err.msg, path));
    assert_int_equal(count_dir_entries(out), 6);
    /* XLSX cannot go to a stream. */
    assert_int_equal(pc_session_write(s, pc_writer_named("xlsx"), stdout, &err), -1);
    pc_session_free(s);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_open_without_review), cmocka_unit_test(test_open_skips),
        cmocka_unit_test(test_bad_review),          cmocka_unit_test(test_decide_and_save),
        cmocka_unit_test(test_relabel_overlay),     cmocka_unit_test(test_relabel_from_file),
        cmocka_unit_test(test_writer_table),        cmocka_unit_test(test_export_every_format),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
