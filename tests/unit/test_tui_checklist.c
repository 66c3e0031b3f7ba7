/* test_tui_checklist.c: the regime checklist (c) on the bundled examples with GDPR selected:
 * every requirement in the taxonomy's order, a requirement met shows the clause that meets it
 * and Enter opens that clause, one not disclosed shows ✗ and can be dismissed as not
 * applicable (the cell, the finding, the status line, the CSV and the JSON say so), a met one
 * cannot; marks and notes are kept per requirement; the export holds the rows shown; a decision
 * written before a missing-required finding named its requirement still finds it (as needing
 * review again); without a regime the view says how to get one. The tests ask the model which
 * requirement is met where, so they follow the taxonomy and the examples as they change. */
#include "tui_fixture.h"

#include <jansson.h>
#include <unistd.h>

#include <cmocka.h>

static tuif fx;

static int setup(void **state)
{
    (void)state;
    return tuif_open_examples(&fx, PC_REGIME_GDPR);
}

static int teardown(void **state)
{
    (void)state;
    tuif_close(&fx);
    return 0;
}

/* The first requirement whose check on policy 0 is `want` (with a clause, for MET). */
static int first_with(tui_check want, tui_check_info *ci)
{
    for (size_t r = 0; r < fx.tax->nreqs; r++)
        if (tui_model_check(&fx.app, 0, (int)r, ci) == want &&
            (want != TUI_CHECK_MET || ci->at.clause != PC_NO_CLAUSE))
            return (int)r;
    return -1;
}

/* Open the checklist on requirement r (searching for its id), on policy 0. */
static void checklist_at(int r)
{
    char re[64];
    snprintf(re, sizeof re, "^%s$", fx.tax->reqs[r].id);
    tuif_keys(&fx, "c");
    assert_string_equal(tui_app_top(&fx.app)->ops->name, "checklist");
    tuif_keys(&fx, "/");
    tuif_type(&fx, re);
    tuif_keys(&fx, "Enter");
    assert_int_equal(tuif_selected(&fx).kind, TUI_SEL_REQUIREMENT);
    assert_int_equal(tuif_selected(&fx).requirement, r);
    assert_int_equal(tuif_selected(&fx).policy, 0);
}

/* The row of the rendering naming requirement r ("G5 the categories..."), malloc'd. */
static char *row_of(const char *dump, int r)
{
    char name[200];
    snprintf(name, sizeof name, "  %s %.20s", fx.tax->reqs[r].id, fx.tax->reqs[r].name);
    const char *p = strstr(dump, name);
    assert_non_null(p);
    const char *end = strchr(p, '\n');
    return pc_strndup(p, end ? (size_t)(end - p) : strlen(p));
}

static void test_every_requirement_in_order(void **state)
{
    (void)state;
    tuif_keys(&fx, "c");
    char *dump = tuif_render(&fx, 200, 40, 0);
    const char *at = dump;
    size_t gdpr = 0;
    for (size_t r = 0; r < fx.tax->nreqs; r++) {
        if (fx.tax->reqs[r].regime != PC_REGIME_GDPR)
            continue;
        char name[200];
        snprintf(name, sizeof name, "%s %.20s", fx.tax->reqs[r].id, fx.tax->reqs[r].name);
        const char *p = strstr(at, name);
        assert_non_null(p); /* present, after the one before it */
        at = p;
        gdpr++;
    }
    assert_true(gdpr >= 10);
    assert_null(strstr(dump, "C1 ")); /* CCPA was not selected */
    assert_non_null(strstr(dump, "✓ met  ✗ not disclosed  ⊘ n/a: dismissed")); /* the legend */
    free(dump);
}

static void test_met_shows_and_opens_its_clause(void **state)
{
    (void)state;
    tui_check_info ci;
    int r = first_with(TUI_CHECK_MET, &ci);
    assert_true(r >= 0);
    checklist_at(r);
    char *dump = tuif_render(&fx, 200, 40, 0);
    char *row = row_of(dump, r), want[32];
    snprintf(want, sizeof want, "✓ %zu", ci.at.clause + 1);
    assert_non_null(strstr(row, want));
    snprintf(want, sizeof want, "met by clause %zu", ci.at.clause + 1);
    assert_non_null(strstr(dump, want)); /* the info line */
    free(row);
    free(dump);
    tuif_keys(&fx, "Enter");
    assert_string_equal(tui_app_top(&fx.app)->ops->name, "document");
    assert_int_equal(tuif_selected(&fx).clause, ci.at.clause);
    /* A met requirement is not dismissed; it is marked reviewed, with a note. */
    tuif_keys(&fx, "q d");
    assert_non_null(strstr(fx.app.status, "only a requirement the policy does not disclose"));
    tuif_keys(&fx, "Space");
    assert_string_equal(fx.app.status, "marked reviewed");
    tuif_keys(&fx, "a");
    tuif_type(&fx, "checked");
    tuif_keys(&fx, "Enter");
    tui_model_check(&fx.app, 0, r, &ci);
    assert_int_equal(ci.mark, TUI_MARK_REVIEWED);
    pc_target t = pc_target_requirement(0, r);
    const pc_decision *d = pc_session_decision(fx.s, &t);
    assert_non_null(d);
    assert_string_equal(d->note, "checked");
    /* Its decision fits its requirement, so it is no orphan. */
    assert_int_equal(fx.s->map->norphans, 0);
}

static void test_missing_dismissed_as_not_applicable(void **state)
{
    (void)state;
    tui_check_info ci;
    int r = first_with(TUI_CHECK_MISSING, &ci);
    assert_true(r >= 0 && ci.finding >= 0);
    checklist_at(r);
    char *dump = tuif_render(&fx, 200, 40, 0);
    char *row = row_of(dump, r);
    assert_non_null(strstr(row, "✗"));
    free(row);
    free(dump);
    size_t open = fx.s->cmp->counts[PC_FIND_MISSING];
    tuif_keys(&fx, "d");
    assert_non_null(strstr(fx.app.status, "dismissed as not applicable"));
    assert_int_equal(tui_model_check(&fx.app, 0, r, &ci), TUI_CHECK_DISMISSED);
    assert_true(tui_model_dismissed(&fx.app, (size_t)ci.finding));
    fx.app.status[0] = '\0';
    dump = tuif_render(&fx, 200, 40, 0);
    row = row_of(dump, r);
    assert_non_null(strstr(row, "⊘ n/a"));
    char want[64];
    snprintf(want, sizeof want, "%zu missing required", open - 1);
    assert_non_null(strstr(dump, want));
    assert_non_null(strstr(dump, "1 dismissed"));
    free(row);
    free(dump);
    /* The export: every requirement shown on every policy, the decision in words. */
    tuif_keys(&fx, "e C-u");
    tuif_type(&fx, "ck.csv");
    tuif_keys(&fx, "Enter");
    assert_non_null(strstr(fx.app.status, "the checklist ("));
    char path[1400];
    snprintf(path, sizeof path, "%s/ck.csv", fx.dir);
    size_t len, rows = 0;
    char *csv = test_read_file(path, &len);
    assert_non_null(csv);
    for (const char *p = csv; *p; p++)
        rows += p[0] == '\r' && p[1] == '\n';
    assert_int_equal(rows, 1 + fx.s->cmp->nreqs);
    assert_non_null(strstr(csv, "not disclosed (dismissed by the reviewer: not applicable)"));
    assert_non_null(strstr(csv, ",dismissed,"));
    free(csv);
    /* The JSON carries the decision on the requirement. */
    tuif_keys(&fx, "e C-u");
    tuif_type(&fx, "ck.json");
    tuif_keys(&fx, "Enter");
    snprintf(path, sizeof path, "%s/ck.json", fx.dir);
    json_error_t jerr;
    json_t *root = json_load_file(path, 0, &jerr), *v;
    assert_non_null(root);
    size_t i, dismissed = 0;
    json_array_foreach(json_object_get(root, "requirements"), i, v)
    {
        const char *st = json_string_value(json_object_get(json_object_get(v, "review"), "status"));
        dismissed += st && strcmp(st, "dismissed") == 0 &&
                     strcmp(json_string_value(json_object_get(v, "requirement")),
                            fx.tax->reqs[r].id) == 0;
    }
    assert_int_equal(dismissed, 1);
    assert_null(json_object_get(root, "findings")); /* only what the view shows */
    json_decref(root);
    /* d again restores it. */
    tuif_keys(&fx, "d");
    assert_int_equal(tui_model_check(&fx.app, 0, r, &ci), TUI_CHECK_MISSING);
}

/* A decision on a missing-required finding keyed by its category alone (as before the finding
 * named its requirement) fits it again, as needing review. */
static void test_old_key_needs_review_again(void **state)
{
    (void)state;
    tuif_close(&fx);
    assert_int_equal(tuif_open_examples(&fx, PC_REGIME_GDPR), 0);
    tui_check_info ci;
    int r = first_with(TUI_CHECK_MISSING, &ci);
    assert_true(r >= 0 && fx.tax->reqs[r].category >= 0);
    FILE *f = fopen(fx.review, "w");
    assert_non_null(f);
    fprintf(f, "polcmp-review: 1\ndecisions:\n- policy: %s\n  finding: missing-required|%s\n"
               "  status: dismissed\n",
            fx.pols[0]->id, fx.tax->cats[fx.tax->reqs[r].category].id);
    fclose(f);
    char review[1200];
    snprintf(review, sizeof review, "%s", fx.review);
    char *dir = fx.dir;
    fx.dir = NULL; /* keep the file */
    tuif_close(&fx);
    static const char *const paths[] = {POLCMP_EXAMPLES "/01-freshbox.txt",
                                        POLCMP_EXAMPLES "/02-kidquest.md",
                                        POLCMP_EXAMPLES "/03-stridely.txt"};
    assert_int_equal(tuif_open_review(&fx, paths, 3, PC_REGIME_GDPR, review), 0);
    rmdir(fx.dir); /* the new session's directory, unused: the review is in the first one */
    free(fx.dir);
    fx.dir = dir;
    int first = -1; /* the first requirement on that category not disclosed: where it fits */
    for (size_t k = 0; first < 0 && k < fx.tax->nreqs; k++)
        if (fx.tax->reqs[k].category == fx.tax->reqs[r].category &&
            tui_model_check(&fx.app, 0, (int)k, &ci) == TUI_CHECK_MISSING)
            first = (int)k;
    assert_true(first >= 0);
    assert_int_equal(ci.mark, TUI_MARK_STALE);
    assert_int_equal(fx.s->map->norphans, 0);
    assert_false(tui_model_dismissed(&fx.app, (size_t)ci.finding)); /* stale: not counted */
}

static void test_no_regime(void **state)
{
    (void)state;
    tuif_close(&fx);
    assert_int_equal(tuif_open_examples(&fx, 0), 0);
    tuif_keys(&fx, "c");
    assert_string_equal(tui_app_top(&fx.app)->ops->name, "matrix");
    assert_non_null(strstr(fx.app.status, "--regime gdpr"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_every_requirement_in_order, setup, teardown),
        cmocka_unit_test_setup_teardown(test_met_shows_and_opens_its_clause, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_dismissed_as_not_applicable, setup, teardown),
        cmocka_unit_test_setup_teardown(test_old_key_needs_review_again, setup, teardown),
        cmocka_unit_test_setup_teardown(test_no_regime, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
