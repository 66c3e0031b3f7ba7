/* test_tui_matrix.c: the matrix view: moving, folding, columns, finding jumps, search, and
 * golden renderings at several sizes, on the UI tests' own taxonomy and policies
 * (tests/data/tui/), whose rows are, in order: the group First Party Collection/Use with
 * first-party and its child cookies; Third Party Sharing/Collection with third-party and sale;
 * User Choice/Control (empty); User Access, Edit and Deletion with access; Data Retention with
 * retention; Data Security with security; then four empty groups, Other last. */
#include "tui_fixture.h"

#include <cmocka.h>

static tuif fx;

/* Every test starts from a fresh matrix. */
static int setup(void **state)
{
    (void)state;
    return tuif_open_fixture(&fx, PC_REGIME_GDPR);
}

static const char *selected_id(void);

/* Whether the row starting with `name` is drawn as the cursor's (its style line, after it in a
 * styled dump, has reversed cells: upper-case letters). */
static int row_selected(const char *name)
{
    char *dump = tuif_render(&fx, 80, 30, 1);
    const char *row = dump ? strstr(dump, name) : NULL;
    const char *styles = row ? strchr(row, '\n') : NULL;
    int reversed = 0;
    for (const char *c = styles ? styles + 1 : ""; *c && *c != '\n'; c++)
        reversed |= *c >= 'A' && *c <= 'Z';
    free(dump);
    return reversed;
}

static int teardown(void **state)
{
    (void)state;
    tuif_close(&fx);
    return 0;
}

static void test_moves_and_columns(void **state)
{
    (void)state;
    /* Row 0 is the first group; j reaches the first category, the top of First Party. */
    tuif_keys(&fx, "g j");
    tui_selection sel = tuif_selected(&fx);
    assert_int_equal(sel.kind, TUI_SEL_CATEGORY);
    assert_string_equal(fx.tax->cats[sel.category].id, "first-party");
    assert_int_equal(sel.policy, 0);
    tuif_keys(&fx, "l l l");
    assert_int_equal(tuif_selected(&fx).policy, 2); /* stops at the last policy */
    tuif_keys(&fx, "h");
    assert_int_equal(tuif_selected(&fx).policy, 1);
    /* G goes to the last row, the empty group Other; four rows up is Security. */
    tuif_keys(&fx, "G");
    assert_int_equal(tuif_selected(&fx).category, -1);
    assert_true(row_selected("▾ Other"));
    assert_false(row_selected("▾ Do Not Track"));
    tuif_keys(&fx, "k k k k");
    assert_string_equal(selected_id(), "security");
    tuif_keys(&fx, "g");
    assert_int_equal(tuif_selected(&fx).category, -1); /* the first group's row */
    tuif_keys(&fx, "j");
    assert_string_equal(selected_id(), "first-party");
}

static const char *selected_id(void)
{
    tui_selection sel = tuif_selected(&fx);
    return sel.category >= 0 ? fx.tax->cats[sel.category].id : "(a group)";
}

static void test_fold_hides_group(void **state)
{
    (void)state;
    tuif_keys(&fx, "g z");
    char *dump = tuif_render(&fx, 100, 30, 0);
    assert_non_null(strstr(dump, "▸ First Party Collection/Use"));
    assert_null(strstr(dump, "Cookies and tracking"));
    assert_non_null(strstr(dump, "Third-party sharing"));
    free(dump);
    tuif_keys(&fx, "Z"); /* some open: fold all */
    dump = tuif_render(&fx, 100, 30, 0);
    assert_null(strstr(dump, "Third-party sharing"));
    free(dump);
    tuif_keys(&fx, "Z g"); /* all folded: unfold all */
    dump = tuif_render(&fx, 100, 30, 0);
    assert_non_null(strstr(dump, "Third-party sharing"));
    assert_non_null(strstr(dump, "Cookies and tracking"));
    free(dump);
}

static void test_next_finding_reaches_contradiction(void **state)
{
    (void)state;
    /* From the top, } visits cells with a gap or worse; Alpha's sale contradiction is among
     * them. */
    int sale = pc_tax_find_category(fx.tax, "sale");
    tuif_keys(&fx, "g");
    int found = 0;
    for (int i = 0; i < 200 && !found; i++) {
        tuif_keys(&fx, "}");
        tui_selection sel = tuif_selected(&fx);
        found = sel.category == sale && sel.policy == 0;
        assert_true(tui_model_cell(&fx.app, sel.category, (size_t)sel.policy, NULL) >= TUI_ST_GAP);
    }
    assert_true(found);
}

static void test_search_unfolds(void **state)
{
    (void)state;
    tuif_keys(&fx, "Z"); /* everything folded */
    tuif_keys(&fx, "/");
    tuif_type(&fx, "retention");
    tuif_keys(&fx, "Enter");
    assert_string_equal(selected_id(), "retention");
    char *dump = tuif_render(&fx, 80, 30, 0);
    assert_non_null(strstr(dump, "  Retention ")); /* its group unfolded to show it */
    free(dump);
    tuif_keys(&fx, "n"); /* the only match: n wraps around to it */
    assert_string_equal(selected_id(), "retention");
    /* "party" matches first-party and third-party (ids): n and N walk them both ways and
     * wrap around. */
    tuif_keys(&fx, "g /");
    tuif_type(&fx, "party");
    tuif_keys(&fx, "Enter");
    assert_string_equal(selected_id(), "first-party");
    tuif_keys(&fx, "n");
    assert_string_equal(selected_id(), "third-party");
    tuif_keys(&fx, "n");
    assert_string_equal(selected_id(), "first-party");
    tuif_keys(&fx, "N");
    assert_string_equal(selected_id(), "third-party");
}

static void test_goldens(void **state)
{
    (void)state;
    tuif_keys(&fx, "g j l");
    char *dump = tuif_render(&fx, 80, 24, 0);
    assert_int_equal(tuif_golden("matrix-80x24", dump), 0);
    free(dump);
    dump = tuif_render(&fx, 80, 24, 1);
    assert_int_equal(tuif_golden("matrix-80x24-styles", dump), 0);
    free(dump);
    dump = tuif_render(&fx, 40, 8, 0);
    assert_int_equal(tuif_golden("matrix-40x8", dump), 0);
    free(dump);
    dump = tuif_render(&fx, 160, 50, 1);
    assert_int_equal(tuif_golden("matrix-160x50-styles", dump), 0);
    free(dump);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_moves_and_columns, setup, teardown),
        cmocka_unit_test_setup_teardown(test_fold_hides_group, setup, teardown),
        cmocka_unit_test_setup_teardown(test_next_finding_reaches_contradiction, setup, teardown),
        cmocka_unit_test_setup_teardown(test_search_unfolds, setup, teardown),
        cmocka_unit_test_setup_teardown(test_goldens, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
