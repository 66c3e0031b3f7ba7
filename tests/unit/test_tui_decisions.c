/* test_tui_decisions.c: decisions readable everywhere and exports that match the screen, on the
 * UI tests' own taxonomy with Alpha (one contradiction on selling data) and Delta (two: it
 * does not sell personal information, nor addresses, and sells customer lists and addresses):
 * dismissing one of Delta's two shows in the
 * cell ("! 1 of 2"), the info line, the status line and the exported matrix; the findings view
 * exports exactly the rows its filter shows; an existing file is replaced only when the reviewer
 *  says so; `~` and a relative name land where they should; search says "match 1/2"; the
 * relabel prompt completes ids; the hints name the keys bound. */
#include "tui_fixture.h"

#include <jansson.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

static tuif fx;

static int setup(void **state)
{
    (void)state;
    static const char *const paths[] = {POLCMP_TEST_DATA "/tui/alpha.txt",
                                        POLCMP_TEST_DATA "/tui/delta.txt"};
    return tuif_open_with(&fx, POLCMP_TEST_DATA "/tui/taxonomy.yaml", paths, 2, 0, NULL);
}

static int teardown(void **state)
{
    (void)state;
    tuif_close(&fx);
    return 0;
}

/* The top view's selection. */
/* Put the matrix cursor on (category id, policy) by searching for the category. */
static void matrix_at(const char *id, const char *policy)
{
    tuif_keys(&fx, "/");
    tuif_type(&fx, id);
    tuif_keys(&fx, "Enter");
    int p = strcmp(policy, "alpha") == 0 ? 0 : 1;
    tuif_keys(&fx, p ? "l" : "h");
    assert_string_equal(fx.tax->cats[tuif_selected(&fx).category].id, id);
    assert_int_equal(tuif_selected(&fx).policy, p);
}

/* A file's bytes (malloc'd). */
static char *slurp(const char *path)
{
    size_t len;
    char *s = test_read_file(path, &len);
    assert_non_null(s);
    return s;
}

/* The rows of a CSV file: its CRLF line ends (a line break inside a cell is a lone LF). */
static size_t rows_of(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += s[0] == '\r' && s[1] == '\n';
    return n;
}

/* Answer the export prompt with `name` (the offered path erased first). */
static void export_as(const char *name)
{
    tuif_keys(&fx, "e C-u");
    assert_int_equal(fx.app.prompt, TUI_PROMPT_EXPORT);
    tuif_type(&fx, name);
    tuif_keys(&fx, "Enter");
}

static void test_dismissed_one_of_two(void **state)
{
    (void)state;
    matrix_at("sale", "delta");
    char *dump = tuif_render(&fx, 100, 30, 0);
    assert_non_null(strstr(dump, "! 4")); /* Delta's four clauses on sale, contradicted */
    free(dump);
    /* Findings of kind contradiction: Alpha's, then Delta's two; dismiss Delta's first. */
    tuif_keys(&fx, "f t");
    tuif_keys(&fx, "g j d");
    assert_true(tui_model_dismissed(&fx.app, (size_t)tuif_selected(&fx).finding));
    dump = tuif_render(&fx, 100, 30, 0);
    assert_non_null(strstr(dump, "⊘")); /* its own mark */
    assert_non_null(strstr(fx.app.status, "finding dismissed"));
    free(dump);
    tuif_keys(&fx, "q");
    dump = tuif_render(&fx, 130, 30, 0);
    assert_non_null(strstr(dump, "! 1 of 2"));
    assert_non_null(strstr(dump, "1 of 2 findings open, 1 dismissed"));
    assert_non_null(strstr(dump, "2 contradictions"));
    assert_non_null(strstr(dump, "1 dismissed"));
    free(dump);
    /* A clause of the cell marked reviewed (side by side) shows in the info line. */
    tuif_keys(&fx, "Enter Space q");
    dump = tuif_render(&fx, 160, 30, 0);
    assert_non_null(strstr(dump, "4 clauses (1 reviewed, 0 relabelled)"));
    free(dump);
    /* The exported matrix says both too. */
    export_as("matrix.csv");
    assert_non_null(strstr(fx.app.status, "matrix.csv"));
    char path[1400];
    snprintf(path, sizeof path, "%s/matrix.csv", fx.dir);
    char *csv = slurp(path);
    assert_non_null(strstr(csv, "[1 reviewed, 0 relabelled] [contradiction] [1 of 2 findings "
                                "dismissed]"));
    free(csv);
}

static void test_filtered_export_and_overwrite(void **state)
{
    (void)state;
    tuif_keys(&fx, "f t"); /* contradictions: 3 of 10 */
    char *dump = tuif_render(&fx, 100, 30, 0);
    assert_non_null(strstr(dump, "3 of 10 findings · kind: contradiction"));
    free(dump);
    export_as("shown.csv");
    assert_string_equal(fx.app.status, "3 findings (kind: contradiction) -> shown.csv");
    char path[1400];
    snprintf(path, sizeof path, "%s/shown.csv", fx.dir);
    char *csv = slurp(path);
    assert_int_equal(rows_of(csv), 4); /* the header and exactly the three rows shown */
    assert_null(strstr(csv, "vague"));
    free(csv);
    /* Again to the same file, with a wider filter: asked first; n leaves it, y replaces it. */
    tuif_keys(&fx, "t"); /* the next kind: gaps (3) */
    export_as("shown.csv");
    assert_int_equal(fx.app.prompt, TUI_PROMPT_OVERWRITE);
    assert_non_null(strstr(fx.app.prompt_label, "shown.csv exists"));
    tuif_keys(&fx, "n");
    assert_non_null(strstr(fx.app.status, "not exported"));
    csv = slurp(path);
    assert_non_null(strstr(csv, "contradiction"));
    free(csv);
    export_as("shown.csv");
    tuif_keys(&fx, "y");
    assert_string_equal(fx.app.status, "3 findings (kind: gap) -> shown.csv");
    csv = slurp(path);
    assert_null(strstr(csv, "contradiction"));
    assert_non_null(strstr(csv, "gap"));
    free(csv);
    /* The explain view exports the finding it explains; help has nothing to export. */
    tuif_keys(&fx, "x");
    export_as("one.csv");
    assert_non_null(strstr(fx.app.status, "-> one.csv"));
    snprintf(path, sizeof path, "%s/one.csv", fx.dir);
    csv = slurp(path);
    assert_int_equal(rows_of(csv), 2);
    free(csv);
    tuif_keys(&fx, "? e");
    assert_string_equal(fx.app.status, "nothing to export here");
    assert_int_equal(fx.app.prompt, TUI_PROMPT_NONE);
}

static void test_export_paths_and_json(void **state)
{
    (void)state;
    char *home = getenv("HOME") ? pc_strdup(getenv("HOME")) : NULL;
    setenv("HOME", fx.dir, 1);
    tuif_keys(&fx, "e");
    /* The offered file is in the review file's folder, written with ~. */
    assert_string_equal(fx.app.prompt_text.data, "~/polcmp-matrix.xlsx");
    tuif_keys(&fx, "Esc f");
    export_as("~/found.json");
    char path[1400];
    snprintf(path, sizeof path, "%s/found.json", fx.dir);
    json_error_t jerr;
    json_t *root = json_load_file(path, 0, &jerr);
    assert_non_null(root);
    json_t *found = json_object_get(root, "findings");
    assert_int_equal(json_array_size(found), fx.app.s->cmp->nfindings);
    json_t *clause = json_array_get(json_object_get(json_array_get(found, 0), "clauses"), 0);
    assert_int_equal(json_integer_value(json_object_get(clause, "number")),
                     json_integer_value(json_object_get(clause, "clause")) + 1);
    assert_null(json_object_get(root, "cells")); /* only what the view shows */
    json_decref(root);
    if (home)
        setenv("HOME", home, 1);
    free(home);
}

static void test_search_counts_and_hints(void **state)
{
    (void)state;
    tuif_keys(&fx, "o /"); /* Alpha's document: "sell" in two clauses and "Selling" nowhere */
    tuif_type(&fx, "sell");
    tuif_keys(&fx, "Enter");
    assert_string_equal(fx.app.status, "/sell: match 1/2");
    tuif_keys(&fx, "n");
    assert_string_equal(fx.app.status, "/sell: match 2/2");
    tuif_keys(&fx, "n");
    assert_string_equal(fx.app.status, "/sell: match 1/2 (from the top)");
    /* The match is highlighted in the clause's text. */
    tui_screen *s = tui_screen_new(100, 30);
    tui_app_render(&fx.app, s);
    int found = 0;
    for (int y = 0; y < s->h; y++)
        for (int x = 0; x < s->w; x++)
            found += tui_screen_cell(s, y, x)->style == TUI_S_SEARCH;
    assert_int_equal(found, 8); /* "sell" twice on screen */
    tui_screen_free(s);
    tuif_keys(&fx, "q");
    fx.app.status[0] = '\0';
    char *dump = tuif_render(&fx, 200, 30, 0);
    assert_non_null(strstr(dump, "Enter:open }:next finding f:findings o:document ?:help"));
    free(dump);
}

static void test_relabel_completes(void **state)
{
    (void)state;
    tuif_keys(&fx, "o r C-u");
    assert_int_equal(fx.app.prompt, TUI_PROMPT_RELABEL);
    char *dump = tuif_render(&fx, 100, 30, 0);
    assert_non_null(strstr(dump, "categories fit (Tab completes"));
    assert_non_null(strstr(dump, "retention"));
    free(dump);
    tuif_type(&fx, "re");
    tuif_keys(&fx, "Tab");
    assert_string_equal(fx.app.prompt_text.data, "retention ");
    tuif_type(&fx, "s");
    tuif_keys(&fx, "Tab"); /* sale, security: as far as they agree */
    assert_string_equal(fx.app.prompt_text.data, "retention s");
    tuif_type(&fx, "ec");
    tuif_keys(&fx, "Tab Enter");
    assert_string_equal(fx.app.status, "relabelled");
    pc_buf b = {0};
    tui_model_labels(fx.pols[0], tuif_selected(&fx).clause, " ", 0, &b);
    assert_string_equal(b.data, "retention security");
    pc_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_dismissed_one_of_two, setup, teardown),
        cmocka_unit_test_setup_teardown(test_filtered_export_and_overwrite, setup, teardown),
        cmocka_unit_test_setup_teardown(test_export_paths_and_json, setup, teardown),
        cmocka_unit_test_setup_teardown(test_search_counts_and_hints, setup, teardown),
        cmocka_unit_test_setup_teardown(test_relabel_completes, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
