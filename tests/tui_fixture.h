/* tui_fixture.h: what the UI's tests share (header-only, included by tests/unit/test_tui*.c).
 *
 * A fixture opens a session (session/session.h) on policies with a taxonomy and a review file
 * in a fresh temporary directory, and starts a tui_app on it, without a terminal. Tests feed keys
 * with tuif_keys() ("j j Enter / r e t e n t i o n Enter") and render the screen at any size
 * with tuif_render(); tuif_golden() compares a rendering with tests/data/golden/NAME.txt and,
 * when it differs, prints the first difference and how to regenerate the file
 * (POLCMP_UPDATE_GOLDEN=1). Goldens are reviewed by hand when they change.
 */
#ifndef POLCMP_TUI_FIXTURE_H
#define POLCMP_TUI_FIXTURE_H

#include "app.h"
#include "keys.h"
#include "screen.h"
#include "session/session.h"
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* tuif: owns everything it opened. `pols` and `tax` are the session's, for the tests' ease. */
typedef struct tuif {
    pc_session *s;
    pc_taxonomy *tax;
    pc_policy **pols;
    size_t n;
    tui_app app;
    char *dir;         /* the temporary directory holding the review file */
    char review[1200]; /* the review file's path */
} tuif;

/* Open a session on the given policy files with `taxonomy` and the review file in a temporary
 * directory (or `review`, when not NULL), and start the app on it. Returns 0 or -1 (printing
 * why). */
static inline int tuif_open_with(tuif *f, const char *taxonomy, const char *const *paths,
                                 size_t n, unsigned regimes, const char *review)
{
    pc_error err = {{0}};
    memset(f, 0, sizeof *f);
    char tmpl[1024];
    snprintf(tmpl, sizeof tmpl, "%s/tuiXXXXXX", test_temp_dir());
    f->dir = mkdtemp(tmpl) ? pc_strdup(tmpl) : NULL;
    if (!f->dir)
        return -1;
    snprintf(f->review, sizeof f->review, "%s/polcmp-review.yaml", f->dir);
    if (review)
        snprintf(f->review, sizeof f->review, "%s", review);
    /* the UI under test, on the rules' labels: the learned model has tests of its own */
    pc_session_opts o = {.taxonomy = taxonomy, .regimes = regimes, .review = f->review,
                         .no_model = 1};
    f->s = pc_session_open(&o, (char *const *)paths, n, &err);
    if (!f->s || f->s->skipped) {
        fprintf(stderr, "%s\n", f->s ? "a policy could not be opened" : err.msg);
        return -1;
    }
    f->tax = f->s->tax;
    f->pols = f->s->pols;
    f->n = f->s->npols;
    if (tui_app_init(&f->app, f->s, &err) < 0) {
        fprintf(stderr, "%s\n", err.msg);
        return -1;
    }
    return 0;
}

static inline int tuif_open_review(tuif *f, const char *const *paths, size_t n, unsigned regimes,
                                   const char *review)
{
    return tuif_open_with(f, POLCMP_TAXONOMY, paths, n, regimes, review);
}

static inline int tuif_open(tuif *f, const char *const *paths, size_t n, unsigned regimes)
{
    return tuif_open_review(f, paths, n, regimes, NULL);
}

/* The golden screens' own small world (tests/data/tui/): its taxonomy and three policies,
 * Alpha (sections 1. to 7.: a contradiction on sale, a placeholder, vague wording), Beta
 * (Markdown: the one policy covering access and deletion) and Gamma (no retention, no
 * security), so that a change to taxonomy/privacy.yaml or examples/ never rewrites a golden. */
static inline int tuif_open_fixture(tuif *f, unsigned regimes)
{
    static const char *const paths[] = {POLCMP_TEST_DATA "/tui/alpha.txt",
                                        POLCMP_TEST_DATA "/tui/beta.md",
                                        POLCMP_TEST_DATA "/tui/gamma.txt"};
    return tuif_open_with(f, POLCMP_TEST_DATA "/tui/taxonomy.yaml", paths, 3, regimes, NULL);
}

/* The bundled examples a test opens most: FreshBox, KidQuest, Stridely. */
static inline int tuif_open_examples(tuif *f, unsigned regimes)
{
    static const char *const paths[] = {POLCMP_EXAMPLES "/01-freshbox.txt",
                                        POLCMP_EXAMPLES "/02-kidquest.md",
                                        POLCMP_EXAMPLES "/03-stridely.txt"};
    return tuif_open(f, paths, 3, regimes);
}

static inline void tuif_close(tuif *f)
{
    tui_app_free(&f->app);
    pc_session_free(f->s);
    if (f->dir) {
        char cmd[1200];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
        if (system(cmd) != 0)
            fprintf(stderr, "could not remove %s\n", f->dir);
        free(f->dir);
    }
    memset(f, 0, sizeof *f);
}

/* What the top view has selected. */
static inline tui_selection tuif_selected(tuif *f)
{
    tui_selection sel;
    tui_view_selection(tui_app_top(&f->app), &sel);
    return sel;
}

/* Feed keys named as in the help ("j", "Enter", "C-l", "S-Tab", "Space"), separated by
 * spaces. Returns 1 when the app asked to quit, else 0. */
static inline int tuif_keys(tuif *f, const char *keys)
{
    char buf[4096];
    snprintf(buf, sizeof buf, "%s", keys);
    for (char *save = NULL, *k = strtok_r(buf, " ", &save); k; k = strtok_r(NULL, " ", &save)) {
        int key = tui_key_parse(k);
        if (key == TUI_KEY_NONE) {
            fprintf(stderr, "tuif_keys: unknown key name \"%s\"\n", k);
            return -1;
        }
        if (tui_app_key(&f->app, key))
            return 1;
    }
    return 0;
}

/* Type a string into the prompt, character by character (no key names). */
static inline void tuif_type(tuif *f, const char *text)
{
    size_t len = strlen(text);
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t k = pc_utf8_decode(text + i, len - i, &cp);
        if (!k)
            break;
        tui_app_key(&f->app, (int)cp);
        i += k;
    }
}

/* Render at w x h; returns the dump (malloc'd; styles as in tui_screen_dump) or NULL. */
static inline char *tuif_render(tuif *f, int w, int h, int styles)
{
    tui_screen *s = tui_screen_new(w, h);
    pc_buf b = {0};
    if (!s)
        return NULL;
    tui_app_render(&f->app, s);
    int rc = tui_screen_dump(s, styles, &b);
    tui_screen_free(s);
    if (rc < 0) {
        pc_buf_free(&b);
        return NULL;
    }
    return pc_buf_steal(&b);
}

/* Whether row y of the plain rendering contains needle. */
static inline int tuif_row_has(const char *dump, int y, const char *needle)
{
    const char *p = dump;
    for (int i = 0; i < y && p; i++) {
        p = strchr(p, '\n');
        if (p)
            p++;
    }
    if (!p)
        return 0;
    const char *end = strchr(p, '\n');
    size_t len = end ? (size_t)(end - p) : strlen(p);
    char *row = pc_strndup(p, len);
    int found = row && strstr(row, needle) != NULL;
    free(row);
    return found;
}

/* Compare a rendering with tests/data/golden/NAME.txt. With POLCMP_UPDATE_GOLDEN=1 the file is
 * (re)written instead. Returns 0 when equal. */
static inline int tuif_golden(const char *name, const char *dump)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/golden/%s.txt", POLCMP_TEST_DATA, name);
    const char *update = getenv("POLCMP_UPDATE_GOLDEN");
    if (update && strcmp(update, "1") == 0) {
        FILE *out = fopen(path, "w");
        if (!out || fputs(dump, out) < 0 || fclose(out) != 0) {
            fprintf(stderr, "cannot write %s\n", path);
            return -1;
        }
        return 0;
    }
    size_t len;
    char *want = test_read_file(path, &len);
    if (!want) {
        fprintf(stderr, "golden %s is missing: regenerate with POLCMP_UPDATE_GOLDEN=1 ctest -R unit.test_tui\n", path);
        return -1;
    }
    int rc = strcmp(want, dump) != 0;
    if (rc) {
        size_t line = 1, i = 0;
        while (want[i] && want[i] == dump[i]) {
            if (want[i] == '\n')
                line++;
            i++;
        }
        fprintf(stderr,
                "golden %s differs at line %zu.\n--- expected\n%s\n--- got\n%s\n"
                "If the new screen is right, regenerate it with\n"
                "  POLCMP_UPDATE_GOLDEN=1 ctest --test-dir build -R unit.test_tui\n"
                "and review the change with git diff.\n",
                path, line, want, dump);
    }
    free(want);
    return rc;
}

#endif
