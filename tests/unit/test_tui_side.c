/* test_tui_side.c: the side-by-side view on the bundled examples (examples/README.md): the
 * FreshBox contradiction on selling data marks both of its clauses, policies without a clause
 * get an explicit gap or missing cell, columns scroll together or one at a time, and the keys
 * that move between columns, categories and cited clauses. */
#include "tui_fixture.h"

#include <cmocka.h>

/* The text of n cells of row y from column x (wide characters' tails skipped). */
static void cells(const tui_screen *s, int y, int x, int n, char *buf, size_t size)
{
    size_t len = 0;
    buf[0] = '\0';
    for (int i = 0; i < n && x + i < s->w; i++) {
        const char *ch = tui_screen_cell(s, y, x + i)->ch;
        size_t k = strlen(ch);
        if (len + k + 1 > size)
            break;
        memcpy(buf + len, ch, k);
        len += k;
        buf[len] = '\0';
    }
}

/* Where needle starts on screen (row and column), or 0 when it is nowhere. */
static int find(const tui_screen *s, const char *needle, int *y, int *x)
{
    size_t n = strlen(needle);
    char buf[512];
    for (*y = 0; *y < s->h; (*y)++)
        for (*x = 0; *x < s->w; (*x)++) {
            cells(s, *y, *x, (int)n, buf, sizeof buf);
            if (strncmp(buf, needle, n) == 0)
                return 1;
        }
    return 0;
}

static tui_screen *render(tuif *f, int w, int h)
{
    tui_screen *s = tui_screen_new(w, h);
    assert_non_null(s);
    tui_app_render(&f->app, s);
    return s;
}

/* Open the side view on a category, the cursor in column `policy`. */
static void open_side(tuif *f, const char *cat, int policy)
{
    tui_selection sel = tui_sel_none();
    sel.kind = TUI_SEL_CATEGORY;
    sel.category = pc_tax_find_category(f->tax, cat);
    sel.policy = policy;
    assert_true(sel.category >= 0);
    assert_int_equal(tui_app_push(&f->app, &tui_view_side, &sel), 0);
}

static int selected_starts(tuif *f, const char *prefix)
{
    tui_selection sel = tuif_selected(f);
    if (sel.kind != TUI_SEL_CLAUSE)
        return 0;
    size_t len;
    const char *text = pc_policy_clause_text(f->pols[sel.policy], sel.clause, &len);
    return len >= strlen(prefix) && strncmp(text, prefix, strlen(prefix)) == 0;
}

static void test_enter_opens_side(void **state)
{
    (void)state;
    tuif f;
    assert_int_equal(tuif_open_examples(&f, 0), 0);
    /* The first row the matrix search finds for "sale" is the sale category. */
    assert_int_equal(tuif_keys(&f, "/"), 0);
    tuif_type(&f, "^sale of personal");
    assert_int_equal(tuif_keys(&f, "Enter l Enter"), 0);
    assert_string_equal(tui_app_top(&f.app)->ops->name, "side");
    tui_selection sel = tuif_selected(&f);
    assert_int_equal(sel.category, pc_tax_find_category(f.tax, "sale"));
    assert_int_equal(sel.policy, 1); /* the column the matrix cursor was on */
    assert_true(selected_starts(&f, "We do not sell children"));
    tuif_close(&f);
}

static void test_contradiction_marks_both(void **state)
{
    (void)state;
    tuif f;
    assert_int_equal(tuif_open_examples(&f, 0), 0);
    open_side(&f, "sale", 0);
    tui_screen *s = render(&f, 80, 24);
    int y1, x1, y2, x2;
    assert_true(find(s, "We never sell your", &y1, &x1));
    assert_true(find(s, "We may sell customer", &y2, &x2));
    /* Both clauses sit in the first column, behind the contradiction's glyph and style. */
    assert_int_equal(x1, 2);
    assert_int_equal(x2, 2);
    assert_string_equal(tui_screen_cell(s, y1, 0)->ch, "!");
    assert_string_equal(tui_screen_cell(s, y2, 0)->ch, "!");
    assert_int_equal(tui_screen_cell(s, y1, 0)->style, TUI_S_CONTRADICTION);
    assert_int_equal(tui_screen_cell(s, y2, 0)->style, TUI_S_CONTRADICTION);
    /* sale.sell-data matched "sell your personal information": "sell" is emphasised, "We" not. */
    assert_int_equal(tui_screen_cell(s, y1, x1 + 9)->style, TUI_S_MATCH);
    assert_int_equal(tui_screen_cell(s, y1, x1)->style, TUI_S_NORMAL);
    /* The first clause is selected (reversed); the second is not. */
    assert_true(tui_screen_cell(s, y1, x1)->flags & TUI_F_REVERSE);
    assert_false(tui_screen_cell(s, y2, x2)->flags & TUI_F_REVERSE);
    /* Section titles: 4. Sharing and 10. Partner Offers. */
    assert_true(find(s, "4. Sharing", &y1, &x1));
    assert_int_equal(tui_screen_cell(s, y1, x1)->style, TUI_S_DIM);
    assert_true(find(s, "10. Partner Offers", &y1, &x1));
    /* The bottom line names the finding citing the selected clause. */
    char row[256];
    cells(s, 22, 0, 80, row, sizeof row);
    assert_non_null(strstr(row, "contradiction"));
    assert_non_null(strstr(row, "labels: sale"));
    tui_screen_free(s);
    tuif_close(&f);
}

static void test_gap_cell(void **state)
{
    (void)state;
    tuif f;
    assert_int_equal(tuif_open_examples(&f, 0), 0);
    /* Do Not Track: FreshBox covers it (section 5), KidQuest and Stridely do not. */
    open_side(&f, "dnt", 1);
    tui_screen *s = render(&f, 120, 24);
    int y, x;
    assert_true(find(s, "nothing on this topic", &y, &x));
    assert_int_equal(tui_screen_cell(s, y, x)->style, TUI_S_GAP);
    assert_true(find(s, "gap: 1 other policy covers it", &y, &x));
    tui_selection sel = tuif_selected(&f);
    assert_int_equal(sel.kind, TUI_SEL_CATEGORY); /* no clause to select in a gap */
    assert_int_equal(sel.policy, 1);
    sel.category = -1; /* a group row, not a category: nothing to open */
    assert_int_equal(tui_app_push(&f.app, &tui_view_side, &sel), -1);
    tui_screen_free(s);
    tuif_close(&f);
}

static void test_missing_cell(void **state)
{
    (void)state;
    tuif f;
    assert_int_equal(tuif_open_examples(&f, PC_REGIME_GDPR), 0);
    /* None of the three names a data protection officer, which GDPR Art. 13(1)(b) requires. */
    open_side(&f, "dpo", 0);
    tui_screen *s = render(&f, 120, 24);
    int y, x;
    assert_true(find(s, "missing: GDPR Art. 13(1)(b)", &y, &x));
    assert_int_equal(tui_screen_cell(s, y, x)->style, TUI_S_MISSING);
    tui_screen_free(s);
    tuif_close(&f);
}

/* The first body row of the KidQuest column (x 29 at 80 columns) shows its section title
 * "Sharing" until the view scrolls. */
static int kidquest_title_on_top(tuif *f)
{
    tui_screen *s = render(f, 80, 12);
    char buf[64];
    cells(s, 3, 29, 7, buf, sizeof buf);
    tui_screen_free(s);
    return strcmp(buf, "Sharing") == 0;
}

static void test_sync_toggles(void **state)
{
    (void)state;
    tuif f;
    assert_int_equal(tuif_open_examples(&f, 0), 0);
    open_side(&f, "sale", 0);
    assert_true(kidquest_title_on_top(&f));
    /* FreshBox's second clause lies below the 7 body rows: together, every column scrolls. */
    assert_int_equal(tuif_keys(&f, "j"), 0);
    assert_true(selected_starts(&f, "We may sell"));
    assert_false(kidquest_title_on_top(&f));
    /* One at a time: only FreshBox's column scrolls. */
    assert_int_equal(tuif_keys(&f, "k s"), 0);
    assert_true(kidquest_title_on_top(&f));
    assert_int_equal(tuif_keys(&f, "j"), 0);
    assert_true(kidquest_title_on_top(&f));
    char *dump = tuif_render(&f, 80, 12, 0);
    assert_true(tuif_row_has(dump, 1, "scrolling one at a time"));
    free(dump);
    assert_int_equal(tuif_keys(&f, "s"), 0);
    dump = tuif_render(&f, 80, 12, 0);
    assert_true(tuif_row_has(dump, 1, "scrolling together"));
    free(dump);
    /* A page down (6 of the 7 body rows) reaches FreshBox's second clause; a page up returns. */
    assert_int_equal(tuif_keys(&f, "g PgDn"), 0);
    assert_true(selected_starts(&f, "We may sell"));
    assert_int_equal(tuif_keys(&f, "PgUp"), 0);
    assert_true(selected_starts(&f, "We never sell"));
    tuif_close(&f);
}

static void test_columns_categories_findings(void **state)
{
    (void)state;
    tuif f;
    assert_int_equal(tuif_open_examples(&f, 0), 0);
    open_side(&f, "sale", 0);
    assert_int_equal(tuif_keys(&f, "l"), 0);
    assert_int_equal(tuif_selected(&f).policy, 1);
    assert_int_equal(tuif_keys(&f, "Tab Tab"), 0); /* wraps round to the first column */
    assert_int_equal(tuif_selected(&f).policy, 0);
    assert_int_equal(tuif_keys(&f, "S-Tab"), 0);
    assert_int_equal(tuif_selected(&f).policy, 2);
    /* } from FreshBox's first clause: its other contradicting clause. */
    assert_int_equal(tuif_keys(&f, "h h }"), 0);
    assert_true(selected_starts(&f, "We may sell customer lists"));
    /* Search moves across columns: Stridely's answer names insurers. */
    assert_int_equal(tuif_keys(&f, "/"), 0);
    tuif_type(&f, "insurers");
    assert_int_equal(tuif_keys(&f, "Enter"), 0);
    assert_int_equal(tuif_selected(&f).policy, 2);
    assert_true(selected_starts(&f, "We do not sell your health data"));
    /* ] is the next row of the matrix: advertising partners follow sale in the taxonomy. */
    assert_int_equal(tuif_keys(&f, "]"), 0);
    assert_int_equal(tuif_selected(&f).category, pc_tax_find_category(f.tax, "ad-partners"));
    assert_int_equal(tuif_keys(&f, "["), 0);
    assert_int_equal(tuif_selected(&f).category, pc_tax_find_category(f.tax, "sale"));
    /* Enter opens the document at the clause; x explains it. */
    assert_int_equal(tuif_keys(&f, "Enter"), 0);
    assert_string_equal(tui_app_top(&f.app)->ops->name, "document");
    assert_int_equal(tuif_keys(&f, "q x"), 0);
    assert_string_equal(tui_app_top(&f.app)->ops->name, "explain");
    tuif_close(&f);
}

static void test_mark_shows(void **state)
{
    (void)state;
    tuif f;
    assert_int_equal(tuif_open_examples(&f, 0), 0);
    open_side(&f, "sale", 0);
    assert_int_equal(tuif_keys(&f, "Space"), 0);
    tui_screen *s = render(&f, 80, 24);
    int y, x;
    assert_true(find(s, "We never sell your", &y, &x));
    assert_string_equal(tui_screen_cell(s, y, 1)->ch, "✓");
    assert_int_equal(tui_screen_cell(s, y, 1)->style, TUI_S_REVIEWED);
    tui_screen_free(s);
    tuif_close(&f);
}

static void test_goldens(void **state)
{
    (void)state;
    tuif f;
    assert_int_equal(tuif_open_fixture(&f, 0), 0);
    open_side(&f, "sale", 0);
    char *dump = tuif_render(&f, 80, 24, 0);
    assert_int_equal(tuif_golden("side-80x24", dump), 0);
    free(dump);
    dump = tuif_render(&f, 40, 10, 1);
    assert_int_equal(tuif_golden("side-40x10-styles", dump), 0);
    free(dump);
    tuif_close(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_enter_opens_side),
        cmocka_unit_test(test_contradiction_marks_both),
        cmocka_unit_test(test_gap_cell),
        cmocka_unit_test(test_missing_cell),
        cmocka_unit_test(test_sync_toggles),
        cmocka_unit_test(test_columns_categories_findings),
        cmocka_unit_test(test_mark_shows),
        cmocka_unit_test(test_goldens),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
