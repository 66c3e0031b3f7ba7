/* test_tui_explain.c: the explain view on the bundled examples (examples/README.md): a clause's
 * labels with the rules from taxonomy/privacy.yaml that fired, their patterns and matched
 * spans; a finding with all its clauses, Enter switching the explained clause; the reviewer's
 * decision shown after a change. */
#include "tui_fixture.h"

#include <cmocka.h>

/* The index of the clause of policy p whose text starts with prefix. */
static size_t clause_of(const pc_policy *p, const char *prefix)
{
    for (size_t i = 0; i < p->outline->nclauses; i++) {
        size_t len;
        const char *t = pc_policy_clause_text(p, i, &len);
        if (len >= strlen(prefix) && strncmp(t, prefix, strlen(prefix)) == 0)
            return i;
    }
    fail_msg("no clause starts with \"%s\"", prefix);
    return PC_NO_CLAUSE;
}

static void explain_clause(tuif *f, int policy, size_t clause)
{
    tui_selection sel = tui_sel_none();
    sel.kind = TUI_SEL_CLAUSE;
    sel.policy = policy;
    sel.clause = clause;
    assert_int_equal(tui_app_push(&f->app, &tui_view_explain, &sel), 0);
}

/* FreshBox's contradiction (examples/README.md): the one finding of that kind. */
static long contradiction(tuif *f)
{
    for (size_t i = 0; i < f->app.s->cmp->nfindings; i++)
        if (f->app.s->cmp->findings[i].kind == PC_FIND_CONTRADICTION)
            return (long)i;
    fail_msg("no contradiction");
    return -1;
}

static void test_clause_rules_and_spans(void **state)
{
    (void)state;
    tuif f;
    assert_int_equal(tuif_open_examples(&f, 0), 0);
    const char *sentence = "We never sell your personal information.";
    size_t c = clause_of(f.pols[0], sentence);
    explain_clause(&f, 0, c);
    char *dump = tuif_render(&f, 200, 60, 0);
    /* sale.sell-data is a rule of the sale category in taxonomy/privacy.yaml ... */
    int sale = pc_tax_find_category(f.tax, "sale");
    const pc_category *cat = &f.tax->cats[sale];
    int in_tax = 0;
    for (size_t r = 0; r < cat->nrules; r++)
        in_tax |= strcmp(cat->rules[r].id, "sale.sell-data") == 0;
    assert_true(in_tax);
    /* ... and it fired here on "sell" up to "information" (its pattern's two ends). */
    assert_non_null(strstr(dump, "Sale of personal data (sale): score"));
    assert_non_null(strstr(dump, "rule sale.sell-data"));
    assert_non_null(strstr(dump, "pattern \\b(?:sell|sells|sold"));
    const char *text = f.pols[0]->doc->text;
    size_t start = (size_t)(strstr(text, sentence) - text) + strlen("We never ");
    size_t end = start + strlen("sell your personal information");
    char want[128];
    snprintf(want, sizeof want, "matched \"sell your personal information\" at bytes %zu-%zu",
             start, end);
    assert_non_null(strstr(dump, want));
    /* The clause itself, under its section. */
    assert_non_null(strstr(dump, "of 01-freshbox · 4. Sharing Your Information"));
    assert_non_null(strstr(dump, sentence));
    assert_non_null(strstr(dump, "no decision yet"));
    free(dump);
    assert_int_equal(tuif_selected(&f).kind, TUI_SEL_CLAUSE);
    assert_int_equal(tuif_selected(&f).clause, c);
    tuif_close(&f);
}

static void test_match_emphasised(void **state)
{
    (void)state;
    tuif f;
    assert_int_equal(tuif_open_examples(&f, 0), 0);
    explain_clause(&f, 0, clause_of(f.pols[0], "We never sell"));
    tui_screen *s = tui_screen_new(80, 24);
    tui_app_render(&f.app, s);
    /* Row 2 is the clause, indented by two: "We never " plain, then the matched "sell". */
    assert_string_equal(tui_screen_cell(s, 2, 2)->ch, "W");
    assert_int_equal(tui_screen_cell(s, 2, 2)->style, TUI_S_NORMAL);
    assert_string_equal(tui_screen_cell(s, 2, 11)->ch, "s");
    assert_int_equal(tui_screen_cell(s, 2, 11)->style, TUI_S_MATCH);
    tui_screen_free(s);
    tuif_close(&f);
}

static void test_finding_and_enter(void **state)
{
    (void)state;
    tuif f;
    assert_int_equal(tuif_open_examples(&f, 0), 0);
    long fi = contradiction(&f);
    tui_selection sel = tui_sel_none();
    sel.kind = TUI_SEL_FINDING;
    sel.finding = fi;
    assert_int_equal(tui_app_push(&f.app, &tui_view_explain, &sel), 0);
    char *dump = tuif_render(&f, 200, 60, 0);
    char head[128];
    snprintf(head, sizeof head, "Finding %ld of %zu: contradiction · %s · sale", fi + 1,
             f.app.s->cmp->nfindings, pc_severity_name(f.app.s->cmp->findings[fi].severity));
    assert_non_null(strstr(dump, head));
    /* Both clauses are listed with the numbers people see; the first is the one explained. */
    const pc_finding *fd = &f.app.s->cmp->findings[fi];
    char line[160];
    snprintf(line, sizeof line, "→ 01-freshbox, clause %zu: We never sell your personal information.",
             fd->refs[0].clause + 1);
    assert_non_null(strstr(dump, line));
    snprintf(line, sizeof line, "· 01-freshbox, clause %zu: We may sell customer lists",
             fd->refs[1].clause + 1);
    assert_non_null(strstr(dump, line));
    assert_non_null(strstr(dump, "4. Sharing Your Information"));
    free(dump);
    assert_int_equal(tuif_selected(&f).kind, TUI_SEL_FINDING);
    /* Enter on the second clause's line explains it instead. */
    assert_int_equal(tuif_keys(&f, "/"), 0);
    tuif_type(&f, "^· 01-freshbox, clause [0-9]+: We may");
    assert_int_equal(tuif_keys(&f, "Enter Enter"), 0);
    dump = tuif_render(&f, 200, 60, 0);
    snprintf(line, sizeof line, "→ 01-freshbox, clause %zu: We may sell customer lists",
             fd->refs[1].clause + 1);
    assert_non_null(strstr(dump, line));
    assert_non_null(strstr(dump, "of 01-freshbox · 10. Partner Offers"));
    free(dump);
    /* Past the finding's lines the selection is the explained clause. */
    assert_int_equal(tuif_keys(&f, "G"), 0);
    sel = tuif_selected(&f);
    assert_int_equal(sel.kind, TUI_SEL_CLAUSE);
    assert_int_equal(sel.clause, clause_of(f.pols[0], "We may sell customer lists"));
    tuif_close(&f);
}

static void test_decision_shown(void **state)
{
    (void)state;
    tuif f;
    assert_int_equal(tuif_open_examples(&f, 0), 0);
    explain_clause(&f, 0, clause_of(f.pols[0], "We never sell"));
    assert_int_equal(tuif_keys(&f, "Space"), 0);
    char *dump = tuif_render(&f, 120, 60, 0);
    assert_non_null(strstr(dump, "status reviewed"));
    assert_null(strstr(dump, "no decision yet"));
    free(dump);
    tuif_close(&f);
}

static void test_explain_needs_a_clause(void **state)
{
    (void)state;
    tuif f;
    assert_int_equal(tuif_open_examples(&f, 0), 0);
    /* On the matrix a category is selected: nothing to explain. */
    assert_int_equal(tuif_keys(&f, "x"), 0);
    assert_string_equal(tui_app_top(&f.app)->ops->name, "matrix");
    tui_selection sel = tui_sel_none();
    sel.kind = TUI_SEL_CLAUSE;
    sel.policy = 0;
    sel.clause = f.pols[0]->outline->nclauses; /* out of range */
    assert_int_equal(tui_app_push(&f.app, &tui_view_explain, &sel), -1);
    tuif_close(&f);
}

static void test_goldens(void **state)
{
    (void)state;
    tuif f;
    assert_int_equal(tuif_open_fixture(&f, 0), 0);
    tui_selection sel = tui_sel_none();
    sel.kind = TUI_SEL_FINDING;
    sel.finding = contradiction(&f);
    assert_int_equal(tui_app_push(&f.app, &tui_view_explain, &sel), 0);
    char *dump = tuif_render(&f, 80, 24, 0);
    assert_int_equal(tuif_golden("explain-80x24", dump), 0);
    free(dump);
    tuif_close(&f);
    assert_int_equal(tuif_open_fixture(&f, 0), 0);
    explain_clause(&f, 1, clause_of(f.pols[1], "We do not sell children"));
    dump = tuif_render(&f, 40, 10, 1);
    assert_int_equal(tuif_golden("explain-40x10-styles", dump), 0);
    free(dump);
    tuif_close(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_clause_rules_and_spans),
        cmocka_unit_test(test_match_emphasised),
        cmocka_unit_test(test_finding_and_enter),
        cmocka_unit_test(test_decision_shown),
        cmocka_unit_test(test_explain_needs_a_clause),
        cmocka_unit_test(test_goldens),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
