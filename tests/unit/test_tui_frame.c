/* test_tui_frame.c: the UI's frame without a terminal: the screen grid, keys and the command
 * table, the matrix view, help, too-small terminals, and decisions that survive a restart. */
#include "command.h"
#include "tui_fixture.h"

#include <cmocka.h>
#include <sys/stat.h>

static void test_screen_sanitizes(void **state)
{
    (void)state;
    tui_screen *s = tui_screen_new(20, 2);
    assert_non_null(s);
    /* ESC, a C1 control and a bidi override never reach a cell. */
    tui_puts(s, 0, 0, 20, TUI_S_NORMAL, "a\x1b[31mb\xc2\x9b\xe2\x80\xae" "c");
    pc_buf b = {0};
    assert_int_equal(tui_screen_dump(s, 0, &b), 0);
    assert_null(strchr(b.data, '\x1b'));
    assert_null(strstr(b.data, "\xe2\x80\xae"));
    assert_non_null(strstr(b.data, "a\xef\xbf\xbd[31mb\xef\xbf\xbd" "c"));
    pc_buf_free(&b);
    tui_screen_free(s);
}

static void test_screen_wide(void **state)
{
    (void)state;
    tui_screen *s = tui_screen_new(5, 1);
    /* Two CJK characters take four columns; the third does not fit in the fifth. */
    int w = tui_puts(s, 0, 0, 5, TUI_S_NORMAL, "隐私政策");
    assert_int_equal(w, 4);
    assert_int_equal(tui_screen_cell(s, 0, 0)->width, 2);
    assert_int_equal(tui_screen_cell(s, 0, 1)->width, 0);
    assert_string_equal(tui_screen_cell(s, 0, 4)->ch, " ");
    tui_screen_clear(s);
    assert_int_equal(tui_puts_trunc(s, 0, 0, 5, TUI_S_NORMAL, "abcdefgh"), 5);
    assert_string_equal(tui_screen_cell(s, 0, 4)->ch, "…");
    tui_screen_free(s);
}

static void test_wrap(void **state)
{
    (void)state;
    const char *t = "We keep your data for two years.";
    pc_span lines[8];
    size_t n = tui_wrap(t, strlen(t), 10, lines, 8);
    /* "We keep" / "your data" / "for two" / "years." */
    assert_int_equal(n, 4);
    assert_int_equal(lines[1].end - lines[1].start, 9);
    assert_memory_equal(t + lines[1].start, "your data", 9);
    /* A hard line break inside a clause wraps like a space. */
    const char *hard = "which\nCalifornia law may treat as selling";
    n = tui_wrap(hard, strlen(hard), 19, lines, 8);
    assert_int_equal(n, 3); /* "which\nCalifornia" / "law may treat as" / "selling" */
    assert_int_equal(lines[0].end - lines[0].start, 16);
    tui_screen *s = tui_screen_new(30, 1);
    tui_put(s, 0, 0, 30, TUI_S_NORMAL, hard + lines[0].start, lines[0].end - lines[0].start);
    assert_string_equal(tui_screen_cell(s, 0, 5)->ch, " ");
    assert_string_equal(tui_screen_cell(s, 0, 6)->ch, "C");
    tui_screen_free(s);
    const char *cjk = "我们保存您的数据两年";
    n = tui_wrap(cjk, strlen(cjk), 6, lines, 8);
    assert_int_equal(n, 4); /* ten wide characters, three a line */
}

/* A pattern wraps where the width runs out, every space kept: its lines put together again
 * are the pattern, where word wrapping would drop the space between "ying)" and "out". */
static void test_wrap_exact(void **state)
{
    (void)state;
    const char *p = "carr(?:y|ies|ying) out  \\bdata";
    pc_span lines[8];
    assert_int_equal(tui_wrap(p, strlen(p), 19, lines, 8), 2);
    assert_int_equal(lines[1].start, 19); /* the space after ")" skipped */
    size_t n = tui_wrap_exact(p, strlen(p), 18, lines, 8);
    assert_int_equal(n, 2);
    assert_memory_equal(p + lines[1].start, " out  \\bdata", strlen(" out  \\bdata"));
    tui_lines l = {0};
    tui_lines_reset(&l, 12, NULL);
    l.exact = 1;
    tui_lines_add(&l, TUI_S_DIM, 2, -1, p, strlen(p));
    char joined[64] = "";
    for (size_t i = 0; i < l.n; i++) {
        size_t len;
        const char *t = tui_line_text(&l, i, &len);
        assert_true(len <= 10);
        strncat(joined, t, len);
    }
    assert_string_equal(joined, p);
    tui_lines_free(&l);
}

static void test_every_command_has_a_key(void **state)
{
    (void)state;
    for (int c = TUI_CMD_NONE + 1; c < TUI_CMD_COUNT; c++) {
        char keys[64];
        tui_cmd_keys((tui_cmd)c, keys, sizeof keys);
        if (!keys[0])
            fail_msg("command %s has no key", tui_cmd_info_of((tui_cmd)c)->name);
    }
    assert_int_equal(tui_cmd_for_key('j', "matrix"), TUI_CMD_DOWN);
    assert_int_equal(tui_cmd_for_key('s', "side"), TUI_CMD_SYNC);
    assert_int_equal(tui_cmd_for_key('s', "matrix"), TUI_CMD_NONE);
    assert_int_equal(tui_key_parse("C-l"), TUI_CTRL('l'));
    assert_int_equal(tui_key_parse("S-Tab"), TUI_KEY_BTAB);
}

static void test_matrix_shows_states(void **state)
{
    (void)state;
    tuif f;
    assert_int_equal(tuif_open_examples(&f, 0), 0);
    char *dump = tuif_render(&f, 100, 30, 0);
    assert_non_null(dump);
    /* Row 1 holds the column headings: the three policies, by the names in their titles. */
    assert_true(tuif_row_has(dump, 1, "FreshBox"));
    assert_true(tuif_row_has(dump, 1, "KidQuest"));
    assert_true(tuif_row_has(dump, 1, "STRIDELY"));
    /* FreshBox contradicts itself on selling data (examples/README.md). */
    int sale = pc_tax_find_category(f.tax, "sale");
    assert_true(sale >= 0);
    assert_int_equal(tui_model_cell(&f.app, sale, 0, NULL), TUI_ST_CONTRADICTION);
    assert_non_null(strstr(dump, "! "));
    free(dump);
    tuif_close(&f);
}

static void test_too_small(void **state)
{
    (void)state;
    tuif f;
    assert_int_equal(tuif_open_examples(&f, 0), 0);
    char *dump = tuif_render(&f, 20, 5, 0);
    assert_non_null(strstr(dump, "terminal too"));
    free(dump);
    tuif_close(&f);
}

static void test_help_lists_commands(void **state)
{
    (void)state;
    tuif f;
    assert_int_equal(tuif_open_examples(&f, 0), 0);
    assert_int_equal(tuif_keys(&f, "?"), 0);
    char *dump = tuif_render(&f, 100, 60, 0);
    assert_non_null(strstr(dump, "Reviewing"));
    assert_non_null(strstr(dump, "Mark the selected clause or finding reviewed"));
    assert_non_null(strstr(dump, "Space"));
    free(dump);
    assert_int_equal(tuif_keys(&f, "q"), 0); /* back to the matrix, not quit */
    assert_string_equal(tui_app_top(&f.app)->ops->name, "matrix");
    assert_int_equal(tuif_keys(&f, "q"), 1);
    tuif_close(&f);
}

/* A save that fails keeps the decision in memory, says so, and the next change saves both. */
static void test_failed_save_kept(void **state)
{
    (void)state;
    tuif f;
    char review[1100];
    snprintf(review, sizeof review, "%s/not-yet/polcmp-review.yaml", test_temp_dir());
    static const char *const paths[] = {POLCMP_EXAMPLES "/01-freshbox.txt",
                                        POLCMP_EXAMPLES "/02-kidquest.md"};
    assert_int_equal(tuif_open_review(&f, paths, 2, 0, review), 0);
    tuif_keys(&f, "f Space"); /* the first finding, marked reviewed */
    assert_true(f.app.s->dirty);
    assert_true(f.app.status_error);
    assert_non_null(strstr(f.app.status, "kept in memory"));
    char dir[1100];
    snprintf(dir, sizeof dir, "%s/not-yet", test_temp_dir());
    assert_int_equal(mkdir(dir, 0700), 0);
    tuif_keys(&f, "j a");
    tuif_type(&f, "second look");
    tuif_keys(&f, "Enter");
    assert_false(f.app.s->dirty);
    size_t len;
    char *saved = test_read_file(review, &len);
    assert_non_null(saved);
    assert_non_null(strstr(saved, "status: reviewed")); /* the decision from before the failure */
    assert_non_null(strstr(saved, "note: second look"));
    free(saved);
    tuif_close(&f);
}

/* Quitting with unsaved decisions asks first. */
static void test_quit_with_unsaved(void **state)
{
    (void)state;
    tuif f;
    char review[1100];
    snprintf(review, sizeof review, "%s/missing-dir/polcmp-review.yaml", test_temp_dir());
    static const char *const paths[] = {POLCMP_EXAMPLES "/01-freshbox.txt",
                                        POLCMP_EXAMPLES "/02-kidquest.md"};
    assert_int_equal(tuif_open_review(&f, paths, 2, 0, review), 0);
    tuif_keys(&f, "f Space");
    assert_int_equal(tuif_keys(&f, "Q"), 0);
    assert_non_null(strstr(f.app.status, "Q quits anyway"));
    assert_int_equal(tuif_keys(&f, "Q"), 1);
    tuif_close(&f);
}

/* The clause of `p` whose text starts with `start`, or PC_NO_CLAUSE. */
static size_t clause_starting(const pc_policy *p, const char *start)
{
    for (size_t c = 0; c < p->outline->nclauses; c++) {
        size_t len;
        const char *t = pc_policy_clause_text(p, c, &len);
        if (len >= strlen(start) && memcmp(t, start, strlen(start)) == 0)
            return c;
    }
    return PC_NO_CLAUSE;
}

/* A decision on a clause survives a restart; when the clause's text is edited, the reopened
 * UI shows it as "needs review again" on the edited clause. */
static void test_decision_survives_and_goes_stale(void **state)
{
    (void)state;
    size_t len;
    char *text = test_read_file(POLCMP_EXAMPLES "/01-freshbox.txt", &len);
    assert_non_null(text);
    char dir[1100], policy[1200], review[1200];
    snprintf(dir, sizeof dir, "%s/stale", test_temp_dir());
    mkdir(dir, 0700);
    snprintf(policy, sizeof policy, "%s/freshbox.txt", dir);
    snprintf(review, sizeof review, "%s/polcmp-review.yaml", dir);
    FILE *f = fopen(policy, "w");
    fputs(text, f);
    fclose(f);

    tuif fx;
    const char *paths[] = {policy, POLCMP_EXAMPLES "/02-kidquest.md"};
    assert_int_equal(tuif_open_review(&fx, paths, 2, 0, review), 0);
    size_t c = clause_starting(fx.pols[0], "We may sell customer lists");
    assert_true(c != PC_NO_CLAUSE);
    /* The document view at that clause, marked reviewed with Space. */
    tui_selection sel = tui_sel_none();
    sel.kind = TUI_SEL_CLAUSE;
    sel.policy = 0;
    sel.clause = c;
    assert_int_equal(tui_app_push(&fx.app, &tui_view_document, &sel), 0);
    tuif_keys(&fx, "Space");
    assert_int_equal(tui_model_clause_mark(&fx.app, 0, c), TUI_MARK_REVIEWED);
    tuif_close(&fx);

    /* Reopened unchanged: still reviewed. */
    assert_int_equal(tuif_open_review(&fx, paths, 2, 0, review), 0);
    assert_int_equal(tui_model_clause_mark(&fx.app, 0, c), TUI_MARK_REVIEWED);
    tuif_close(&fx);

    /* The clause edited: the decision moves to it as "needs review again". */
    char *at = strstr(text, "selected partners");
    assert_non_null(at);
    memcpy(at, "selected insurers", strlen("selected insurers"));
    f = fopen(policy, "w");
    fputs(text, f);
    fclose(f);
    assert_int_equal(tuif_open_review(&fx, paths, 2, 0, review), 0);
    size_t c2 = clause_starting(fx.pols[0], "We may sell customer lists");
    assert_int_equal(tui_model_clause_mark(&fx.app, 0, c2), TUI_MARK_STALE);
    /* ) goes to it from the top of the document, ( comes back to it around the end. */
    sel.clause = 0;
    assert_int_equal(tui_app_push(&fx.app, &tui_view_document, &sel), 0);
    tuif_keys(&fx, ")");
    tui_view_selection(tui_app_top(&fx.app), &sel);
    assert_int_equal(sel.clause, c2);
    assert_string_equal(fx.app.status, "decision needing review again 1/1");
    tuif_keys(&fx, "g (");
    tui_view_selection(tui_app_top(&fx.app), &sel);
    assert_int_equal(sel.clause, c2);
    assert_string_equal(fx.app.status, "decision needing review again 1/1 (from the bottom)");
    tuif_close(&fx);
    free(text);
}

/* Relabelling a clause changes the matrix at once and shows as the reviewer's, and
 * withdrawing the relabel (an empty answer) gives the classifier's labels back without
 * classifying anything again. */
static void test_relabel_and_withdraw(void **state)
{
    (void)state;
    tuif f;
    static const char *const paths[] = {POLCMP_EXAMPLES "/01-freshbox.txt",
                                        POLCMP_EXAMPLES "/02-kidquest.md"};
    assert_int_equal(tuif_open(&f, paths, 2, 0), 0);
    int dnt = pc_tax_find_category(f.tax, "dnt");
    assert_true(dnt >= 0);
    /* KidQuest says nothing on Do Not Track (examples/README.md): a gap. */
    assert_int_equal(tui_model_cell(&f.app, dnt, 1, NULL), TUI_ST_GAP);
    tui_selection sel = tui_sel_none();
    sel.kind = TUI_SEL_CLAUSE;
    sel.policy = 1;
    sel.clause = 0;
    assert_int_equal(tui_app_push(&f.app, &tui_view_document, &sel), 0);
    tuif_keys(&f, "g r C-u");
    tuif_type(&f, "dnt");
    const pc_classified *cls = f.pols[1]->cls;
    tuif_keys(&f, "Enter");
    assert_string_equal(f.app.status, "relabelled");
    size_t n;
    assert_int_equal(tui_model_cell(&f.app, dnt, 1, &n), TUI_ST_COVERED);
    assert_int_equal(n, 1);
    char *dump = tuif_render(&f, 80, 24, 0);
    assert_non_null(strstr(dump, "[✎ dnt]"));
    free(dump);
    tuif_keys(&f, "r C-u Enter"); /* empty: back to the classifier's labels */
    assert_int_equal(tui_model_cell(&f.app, dnt, 1, NULL), TUI_ST_GAP);
    assert_ptr_equal(f.pols[1]->cls, cls);
    dump = tuif_render(&f, 80, 24, 0);
    assert_null(strstr(dump, "✎"));
    free(dump);
    /* An unknown id changes nothing and says so. */
    tuif_keys(&f, "r C-u");
    tuif_type(&f, "no-such-category");
    tuif_keys(&f, "Enter");
    assert_non_null(strstr(f.app.status, "no category \"no-such-category\""));
    assert_int_equal(tui_model_cell(&f.app, dnt, 1, NULL), TUI_ST_GAP);
    tuif_close(&f);
}

/* A catastrophic search pattern finishes (no match) instead of freezing the UI. */
static void test_search_has_limits(void **state)
{
    (void)state;
    pcre2_code *re;
    int rc;
    PCRE2_SIZE off;
    re = pcre2_compile((PCRE2_SPTR) "(a+)+$", PCRE2_ZERO_TERMINATED, 0, &rc, &off, NULL);
    assert_non_null(re);
    char text[4001];
    memset(text, 'a', 4000);
    text[3999] = 'b';
    text[4000] = '\0';
    assert_int_equal(tui_search_match(re, text, 4000), 0);
    assert_int_equal(tui_search_match(re, "aaa", 3), 1);
    pcre2_code_free(re);
    /* PCRE2's own default limit (ten million steps) would let this one search find its match
     * after a few hundred thousand steps; the UI's limit gives up first, so the assertion
     * fails if the search ever runs without it. */
    re = pcre2_compile((PCRE2_SPTR) "^(?:a|aa)+c|b", PCRE2_ZERO_TERMINATED, 0, &rc, &off, NULL);
    assert_non_null(re);
    memset(text, 'a', 28);
    text[28] = 'b';
    assert_int_equal(tui_search_match(re, text, 29), 0);
    assert_int_equal(tui_search_match(re, "aaab", 4), 1);
    pcre2_code_free(re);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_screen_sanitizes),
        cmocka_unit_test(test_screen_wide),
        cmocka_unit_test(test_wrap),
        cmocka_unit_test(test_wrap_exact),
        cmocka_unit_test(test_every_command_has_a_key),
        cmocka_unit_test(test_matrix_shows_states),
        cmocka_unit_test(test_too_small),
        cmocka_unit_test(test_help_lists_commands),
        cmocka_unit_test(test_failed_save_kept),
        cmocka_unit_test(test_quit_with_unsaved),
        cmocka_unit_test(test_decision_survives_and_goes_stale),
        cmocka_unit_test(test_search_has_limits),
        cmocka_unit_test(test_relabel_and_withdraw),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
