/* test_tui_findings.c: the findings view on the bundled examples (examples/README.md lists
 * every planted finding): order, the kind and severity filters, opening on a matrix cell,
 * Enter to the evidence, a dismissal that survives a restart, and golden renderings. */
#include "tui_fixture.h"

#include <unistd.h>

#include <cmocka.h>

/* The selection of the top view. */
static tui_selection top_selection(tuif *f)
{
    tui_selection sel = tui_sel_none();
    tui_view *top = tui_app_top(&f->app);
    tui_view_selection(top, &sel);
    return sel;
}

static const pc_finding *selected_finding(tuif *f)
{
    tui_selection sel = top_selection(f);
    assert_int_equal(sel.kind, TUI_SEL_FINDING);
    assert_true(sel.finding >= 0 && (size_t)sel.finding < f->app.s->cmp->nfindings);
    return &f->app.s->cmp->findings[sel.finding];
}

static void test_contradiction_first(void **state)
{
    (void)state;
    tuif f;
    assert_int_equal(tuif_open_examples(&f, 0), 0);
    assert_int_equal(tuif_keys(&f, "f"), 0);
    assert_string_equal(tui_app_top(&f.app)->ops->name, "findings");
    /* FreshBox says it never sells personal information and that it may sell customer lists:
     * the one high-severity finding among the three examples, listed first. */
    const pc_finding *fd = selected_finding(&f);
    assert_int_equal(fd->kind, PC_FIND_CONTRADICTION);
    assert_int_equal(fd->severity, PC_SEV_HIGH);
    assert_int_equal(fd->category, pc_tax_find_category(f.tax, "sale"));
    char *dump = tuif_render(&f, 120, 30, 0);
    assert_true(tuif_row_has(dump, 1, "kind: all"));
    assert_true(tuif_row_has(dump, 3, "high"));
    assert_true(tuif_row_has(dump, 3, "! contradiction"));
    assert_true(tuif_row_has(dump, 3, "01-freshbox"));
    assert_true(tuif_row_has(dump, 3, "Sale of personal data"));
    /* The detail pane quotes both clauses, with the numbers people see everywhere. */
    char line[160];
    snprintf(line, sizeof line, "01-freshbox, clause %zu: We never sell your personal information.",
             fd->refs[0].clause + 1);
    assert_non_null(strstr(dump, line));
    snprintf(line, sizeof line, "01-freshbox, clause %zu: We may sell customer lists to selected "
             "partners.", fd->refs[1].clause + 1);
    assert_non_null(strstr(dump, line));
    free(dump);
    /* } and j both go to the next finding, which is not high. */
    assert_int_equal(tuif_keys(&f, "}"), 0);
    assert_int_not_equal(selected_finding(&f)->severity, PC_SEV_HIGH);
    assert_int_equal(tuif_keys(&f, "{"), 0);
    assert_int_equal(selected_finding(&f)->kind, PC_FIND_CONTRADICTION);
    tuif_close(&f);
}

/* Walk every row shown and check each has kind `kind`; returns how many there are. */
static size_t rows_of_kind(tuif *f, pc_finding_kind kind)
{
    size_t n = 0;
    long last = -1;
    tuif_keys(f, "g");
    for (;;) {
        tui_selection sel = top_selection(f);
        if (sel.finding == last)
            break;
        assert_int_equal(f->app.s->cmp->findings[sel.finding].kind, kind);
        last = sel.finding;
        n++;
        tuif_keys(f, "j");
    }
    return n;
}

static void test_kind_filter(void **state)
{
    (void)state;
    tuif f;
    assert_int_equal(tuif_open_examples(&f, 0), 0);
    /* Without --regime there is no missing-required finding: the first kind is contradiction. */
    assert_int_equal(tuif_keys(&f, "f t"), 0);
    char *dump = tuif_render(&f, 100, 30, 0);
    assert_true(tuif_row_has(dump, 1, "1 of "));
    assert_true(tuif_row_has(dump, 1, "kind: contradiction"));
    free(dump);
    assert_int_equal(rows_of_kind(&f, PC_FIND_CONTRADICTION), 1);
    /* Then disagreements: retention (90 days / 12 months) and minimum age (13 / 16) at least. */
    assert_int_equal(tuif_keys(&f, "t"), 0);
    assert_true(rows_of_kind(&f, PC_FIND_DISAGREEMENT) >= 2);
    dump = tuif_render(&f, 100, 30, 0);
    assert_true(tuif_row_has(dump, 1, "kind: disagreement"));
    free(dump);
    tuif_close(&f);
}

static void test_severity_filter(void **state)
{
    (void)state;
    tuif f;
    assert_int_equal(tuif_open_examples(&f, 0), 0);
    assert_int_equal(tuif_keys(&f, "f G v"), 0);
    char *dump = tuif_render(&f, 100, 30, 0);
    assert_true(tuif_row_has(dump, 1, "severity: medium+"));
    /* The vague "from time to time" (low) is gone. */
    assert_null(strstr(dump, "from time to time"));
    free(dump);
    assert_int_not_equal(selected_finding(&f)->severity, PC_SEV_LOW);
    assert_int_equal(tuif_keys(&f, "v"), 0);
    assert_int_equal(rows_of_kind(&f, PC_FIND_CONTRADICTION), 1); /* high: only it */
    assert_int_equal(tuif_keys(&f, "v"), 0);
    dump = tuif_render(&f, 100, 30, 0);
    assert_true(tuif_row_has(dump, 1, "severity: all"));
    free(dump);
    tuif_close(&f);
}

static void test_opens_on_matrix_cell(void **state)
{
    (void)state;
    tuif f;
    assert_int_equal(tuif_open_examples(&f, 0), 0);
    /* KidQuest says nothing about Do Not Track, which FreshBox covers: a gap. */
    tui_selection sel = tui_sel_none();
    sel.kind = TUI_SEL_CATEGORY;
    sel.category = pc_tax_find_category(f.tax, "dnt");
    sel.policy = 1;
    assert_true(sel.category >= 0);
    assert_int_equal(tui_app_push(&f.app, &tui_view_findings, &sel), 0);
    const pc_finding *fd = selected_finding(&f);
    assert_int_equal(fd->kind, PC_FIND_GAP);
    assert_int_equal(fd->category, sel.category);
    assert_true(fd->policies & (1UL << 1));
    /* Enter shows the category side by side. */
    assert_int_equal(tuif_keys(&f, "Enter"), 0);
    assert_string_equal(tui_app_top(&f.app)->ops->name, "side");
    tuif_close(&f);
}

static void test_empty_section_opens_document(void **state)
{
    (void)state;
    tuif f;
    assert_int_equal(tuif_open_examples(&f, 0), 0);
    assert_int_equal(tuif_keys(&f, "f"), 0);
    /* Cycle the kind filter to empty-section: KidQuest's "## Advertising" has no text. */
    int found = 0;
    for (int i = 0; i < PC_FIND_COUNT && !found; i++) {
        tuif_keys(&f, "t");
        tui_selection sel = top_selection(&f);
        found =
            sel.finding >= 0 && f.app.s->cmp->findings[sel.finding].kind == PC_FIND_EMPTY_SECTION;
    }
    assert_true(found);
    assert_int_equal(tuif_keys(&f, "Enter"), 0);
    assert_string_equal(tui_app_top(&f.app)->ops->name, "document");
    char *dump = tuif_render(&f, 100, 30, 0);
    assert_true(tuif_row_has(dump, 1, "02-kidquest"));
    assert_true(tuif_row_has(dump, 2, "Advertising")); /* the section's heading on top */
    free(dump);
    tuif_close(&f);
}

static void test_dismissal_survives_restart(void **state)
{
    (void)state;
    char tmpl[1024];
    snprintf(tmpl, sizeof tmpl, "%s/tuifindXXXXXX", test_temp_dir());
    assert_non_null(mkdtemp(tmpl));
    char review[1100];
    snprintf(review, sizeof review, "%s/review.yaml", tmpl);
    static const char *const paths[] = {POLCMP_EXAMPLES "/01-freshbox.txt",
                                        POLCMP_EXAMPLES "/02-kidquest.md",
                                        POLCMP_EXAMPLES "/03-stridely.txt"};
    tuif f;
    assert_int_equal(tuif_open_review(&f, paths, 3, 0, review), 0);
    assert_int_equal(tuif_keys(&f, "f d"), 0);
    long fi = top_selection(&f).finding;
    assert_int_equal(f.app.s->cmp->findings[fi].kind, PC_FIND_CONTRADICTION);
    assert_true(tui_model_dismissed(&f.app, (size_t)fi));
    tuif_close(&f);

    assert_int_equal(tuif_open_review(&f, paths, 3, 0, review), 0);
    assert_true(tui_model_dismissed(&f.app, (size_t)fi));
    assert_int_equal(tuif_keys(&f, "f"), 0);
    char *dump = tuif_render(&f, 100, 30, 0);
    /* Dismissed has its own mark, not the matrix's "missing required" (✗). */
    assert_true(tuif_row_has(dump, 3, "⊘"));
    assert_false(tuif_row_has(dump, 3, "✗"));
    assert_true(tuif_row_has(dump, 3, "contradiction"));
    free(dump);
    dump = tuif_render(&f, 100, 30, 1);
    /* In a dump with styles, screen row 3 is line 6 and its styles line 7: the mark in the
     * reviewer's style, the rest dimmed (upper case: the cursor's reverse video; '#' a
     * reversed blank). */
    assert_true(tuif_row_has(dump, 6, "⊘"));
    assert_true(tuif_row_has(dump, 7, "R#DDDD###DDDDDDDDDDDDDDD")); /* "high", "! contradiction" */
    assert_false(tuif_row_has(dump, 7, "X")); /* the contradiction's own style is gone */
    assert_non_null(strstr(dump, "· dismissed"));
    free(dump);
    /* d again restores it. */
    assert_int_equal(tuif_keys(&f, "d"), 0);
    assert_false(tui_model_dismissed(&f.app, (size_t)fi));
    tuif_close(&f);
    remove(review);
    rmdir(tmpl);
}

static void test_search(void **state)
{
    (void)state;
    tuif f;
    assert_int_equal(tuif_open_examples(&f, 0), 0);
    assert_int_equal(tuif_keys(&f, "f /"), 0);
    tuif_type(&f, "placeholder|Company Name");
    assert_int_equal(tuif_keys(&f, "Enter"), 0);
    /* Stridely's "[Company Name]" placeholder, found by its message. */
    assert_int_equal(selected_finding(&f)->kind, PC_FIND_PLACEHOLDER);
    tuif_close(&f);
}

static void test_golden(void **state)
{
    (void)state;
    tuif f;
    assert_int_equal(tuif_open_fixture(&f, PC_REGIME_GDPR), 0);
    assert_int_equal(tuif_keys(&f, "f"), 0);
    char *dump = tuif_render(&f, 80, 24, 0);
    assert_int_equal(tuif_golden("findings-80x24", dump), 0);
    free(dump);
    assert_int_equal(tuif_keys(&f, "j t"), 0);
    dump = tuif_render(&f, 40, 10, 1);
    assert_int_equal(tuif_golden("findings-40x10-styles", dump), 0);
    free(dump);
    tuif_close(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_contradiction_first),
        cmocka_unit_test(test_kind_filter),
        cmocka_unit_test(test_severity_filter),
        cmocka_unit_test(test_opens_on_matrix_cell),
        cmocka_unit_test(test_empty_section_opens_document),
        cmocka_unit_test(test_dismissal_survives_restart),
        cmocka_unit_test(test_search),
        cmocka_unit_test(test_golden),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
