/* test_tui_document.c: the document view on the bundled examples (examples/README.md):
 * FreshBox's outline, moving by section, clause and finding, the contradiction's marks,
 * switching policy, panes, search, a narrow terminal, and golden renderings. */
#include "tui_fixture.h"

#include <cmocka.h>

static tui_selection top_selection(tuif *f)
{
    tui_selection sel = tui_sel_none();
    tui_view *top = tui_app_top(&f->app);
    tui_view_selection(top, &sel);
    return sel;
}

/* Whether the selected clause's text starts with `prefix` (the source's line breaks are
 * spaces in the comparison). */
static int selected_starts(tuif *f, const char *prefix)
{
    tui_selection sel = top_selection(f);
    if (sel.kind != TUI_SEL_CLAUSE || sel.policy < 0 || sel.clause == PC_NO_CLAUSE)
        return 0;
    size_t len;
    const char *t = pc_policy_clause_text(f->pols[sel.policy], sel.clause, &len);
    return len >= strlen(prefix) && memcmp(t, prefix, strlen(prefix)) == 0;
}

/* Open FreshBox's document from the matrix (its first column). */
static void open_freshbox(tuif *f)
{
    assert_int_equal(tuif_open_examples(f, 0), 0);
    assert_int_equal(tuif_keys(f, "o"), 0);
    assert_string_equal(tui_app_top(&f->app)->ops->name, "document");
}

static void test_outline_lists_sections(void **state)
{
    (void)state;
    tuif f;
    open_freshbox(&f);
    char *dump = tuif_render(&f, 100, 30, 0);
    assert_true(tuif_row_has(dump, 1, "01-freshbox: FreshBox Privacy Policy"));
    assert_true(tuif_row_has(dump, 1, "1/3"));
    /* The outline, one section a row in document order: the title, then 1. to 12. with the
     * numbered subsections 2.1, 2.2, 8.1, 8.2 indented under theirs. */
    static const char *const outline[] = {
        "FreshBox Privacy Policy", "1. Who We Are", "2. Information We",
        "  2.1 Information", "  2.2 Information", "3. How We Use",
        "4. Sharing Your", "5. Cookies and", "6. Data Retention", "7. Security",
        "8. Your Rights", "  8.1 Access and", "  8.2 Marketing", "9. Children",
        "10. Partner Offers", "11. Changes to", "12. Contact Us"};
    for (size_t i = 0; i < sizeof outline / sizeof outline[0]; i++)
        if (!tuif_row_has(dump, 2 + (int)i, outline[i]))
            fail_msg("outline row %zu is not \"%s\":\n%s", i, outline[i], dump);
    /* The text starts with the first clause; the cursor is on it. */
    assert_true(selected_starts(&f, "Effective date: 1 March 2026"));
    assert_non_null(strstr(dump, "Effective date: 1 March 2026"));
    /* Hard-wrapped lines are joined: the sentence continues on the same row. */
    assert_non_null(strstr(dump, "recipes and pre-portioned ingredients."));
    free(dump);
    tuif_close(&f);
}

static void test_next_section(void **state)
{
    (void)state;
    tuif f;
    open_freshbox(&f);
    assert_int_equal(tuif_keys(&f, "]"), 0);
    assert_true(selected_starts(&f, "FreshBox Meal Co., 410 Harbour Street"));
    char *dump = tuif_render(&f, 100, 30, 0);
    /* The section's heading tops the text pane (right of the 25-column outline). */
    assert_true(tuif_row_has(dump, 2, "│ 1. Who We Are"));
    free(dump);
    /* "2." has no text of its own: its first clause is the first of 2.1. */
    assert_int_equal(tuif_keys(&f, "]"), 0);
    assert_true(selected_starts(&f, "When you create an account or place an order"));
    assert_int_equal(tuif_keys(&f, "] ["), 0);
    assert_true(selected_starts(&f, "When you create an account or place an order"));
    assert_int_equal(tuif_keys(&f, "["), 0);
    assert_true(selected_starts(&f, "FreshBox Meal Co., 410 Harbour Street"));
    assert_int_equal(tuif_keys(&f, "j"), 0);
    assert_true(selected_starts(&f, "You can reach our privacy team"));
    tuif_close(&f);
}

static void test_contradiction_marks(void **state)
{
    (void)state;
    tuif f;
    open_freshbox(&f);
    /* Search finds the first half of the contradiction (section 4). */
    assert_int_equal(tuif_keys(&f, "/"), 0);
    tuif_type(&f, "never sell");
    assert_int_equal(tuif_keys(&f, "Enter"), 0);
    assert_true(selected_starts(&f, "We never sell your personal information."));
    tui_selection sel = top_selection(&f);
    assert_true(tui_model_clause_kinds(&f.app, 0, sel.clause) & (1u << PC_FIND_CONTRADICTION));
    /* } goes on to the other half in section 10, past the clauses no finding cites. */
    int guard = 0;
    while (!selected_starts(&f, "We may sell customer lists") && guard++ < 20)
        tuif_keys(&f, "}");
    assert_true(selected_starts(&f, "We may sell customer lists to selected partners."));
    /* Both are marked with the contradiction's glyph at the left edge of the text pane and
     * tagged with the sale category. */
    char *dump = tuif_render(&f, 100, 40, 0);
    const char *row = strstr(dump, "│ !  We may sell customer lists to selected partners.  [");
    assert_non_null(row);
    const char *labels = strchr(row, '[');
    assert_true(strstr(labels, "sale") && strstr(labels, "sale") < strchr(row, '\n'));
    free(dump);
    /* Marking it reviewed shows the reviewer's mark beside the glyph. */
    assert_int_equal(tuif_keys(&f, "Space"), 0);
    dump = tuif_render(&f, 100, 40, 0);
    assert_non_null(strstr(dump, "│ !✓ We may sell customer lists"));
    free(dump);
    tuif_close(&f);
}

static void test_switch_policy_and_panes(void **state)
{
    (void)state;
    tuif f;
    open_freshbox(&f);
    assert_int_equal(tuif_keys(&f, "l"), 0);
    assert_int_equal(top_selection(&f).policy, 1);
    char *dump = tuif_render(&f, 100, 30, 0);
    assert_true(tuif_row_has(dump, 1, "02-kidquest"));
    assert_true(tuif_row_has(dump, 1, "2/3"));
    free(dump);
    assert_int_equal(tuif_keys(&f, "h h"), 0); /* the second h stops at the first policy */
    assert_int_equal(top_selection(&f).policy, 0);
    /* Tab to the outline, down to "4. Sharing Your Information", Enter jumps there. */
    assert_int_equal(tuif_keys(&f, "Tab j j j j j j Enter"), 0);
    assert_true(selected_starts(&f, "We never sell your personal information."));
    /* Back in the text pane, j moves clause by clause again. */
    assert_int_equal(tuif_keys(&f, "j"), 0);
    assert_true(selected_starts(&f, "We do not share your data with advertisers."));
    /* Search matches section titles too. */
    assert_int_equal(tuif_keys(&f, "/"), 0);
    tuif_type(&f, "partner offers");
    assert_int_equal(tuif_keys(&f, "Enter"), 0);
    assert_true(selected_starts(&f, "We work with other food and kitchen brands"));
    tuif_close(&f);
}

static void test_narrow_hides_outline(void **state)
{
    (void)state;
    tuif f;
    open_freshbox(&f);
    char *dump = tuif_render(&f, 50, 12, 0);
    assert_null(strstr(dump, "│"));
    assert_true(tuif_row_has(dump, 2, "Effective date"));
    free(dump);
    /* Tab says why nothing happens. */
    assert_int_equal(tuif_keys(&f, "Tab"), 0);
    dump = tuif_render(&f, 50, 12, 0);
    assert_non_null(strstr(dump, "outline is hidden"));
    free(dump);
    tuif_close(&f);
}

static void test_cjk_aligned(void **state)
{
    (void)state;
    static const char *const paths[] = {POLCMP_EXAMPLES "/05-kamiya.txt"};
    tuif f;
    assert_int_equal(tuif_open(&f, paths, 1, 0), 0);
    assert_int_equal(tuif_keys(&f, "o /"), 0);
    tuif_type(&f, "15営業日");
    assert_int_equal(tuif_keys(&f, "Enter"), 0);
    char *dump = tuif_render(&f, 80, 24, 0);
    /* The Japanese sentence is on screen and nothing past column 80 was written. */
    assert_non_null(strstr(dump, "15営業日以内"));
    for (const char *line = dump; *line;) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        assert_true(pc_utf8_width(line, len) <= 80);
        line = end ? end + 1 : line + len;
    }
    free(dump);
    tuif_close(&f);
}

static void test_golden(void **state)
{
    (void)state;
    tuif f;
    assert_int_equal(tuif_open_fixture(&f, 0), 0);
    assert_int_equal(tuif_keys(&f, "o ] ] ] ] ] j"), 0);
    char *dump = tuif_render(&f, 80, 24, 0);
    assert_int_equal(tuif_golden("document-80x24", dump), 0);
    free(dump);
    dump = tuif_render(&f, 40, 10, 1);
    assert_int_equal(tuif_golden("document-40x10-styles", dump), 0);
    free(dump);
    tuif_close(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_outline_lists_sections),
        cmocka_unit_test(test_next_section),
        cmocka_unit_test(test_contradiction_marks),
        cmocka_unit_test(test_switch_policy_and_panes),
        cmocka_unit_test(test_narrow_hides_outline),
        cmocka_unit_test(test_cjk_aligned),
        cmocka_unit_test(test_golden),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
