/* app_internal.h: what app.c, app_review.c, export.c, prompt.c and frame.c share. Not for
 * views. */
#ifndef POLCMP_TUI_APP_INTERNAL_H
#define POLCMP_TUI_APP_INTERNAL_H

#include "app.h"

/* Build (and free) what is derived from cmp and the review: the review map and the per-clause
 * finding kinds. Returns 0 or -1 with err. */
int tui_app_index(tui_app *app, pc_error *err);
void tui_app_unindex(tui_app *app);

/* Save the review now. 0, or -1 with the error in the status bar (decisions stay in memory). */
int tui_app_save(tui_app *app);
/* Mark, note, relabel, dismiss, export: the reviewer's commands (app_review.c). */
void tui_app_review_command(tui_app *app, tui_cmd cmd);
/* The prompt's answer, by kind (app_review.c). */
void tui_app_prompt_done(tui_app *app, tui_prompt_kind kind, const char *text);

/* `e` (export.c): ask where to export what the top view shows, then (the prompt's answer, or
 * the answer to "replace it?") write it; free what is pending. */
void tui_export_start(tui_app *app);
void tui_export_done(tui_app *app, tui_prompt_kind kind, const char *text);
void tui_export_free(tui_app *app);

/* The prompt line (prompt.c). tui_prompt_key edits the answer in app->prompt_text; on Enter it
 * closes the prompt and returns 1 with the prompt's kind in *done (for tui_app_prompt_done). */
void tui_prompt_start(tui_app *app, tui_prompt_kind kind, const char *label, const char *text);
int tui_prompt_key(tui_app *app, int key, tui_prompt_kind *done);
/* The category ids (and "none") that the word being typed in the relabel prompt can become, in
 * the taxonomy's order: how many, the first max of them in out. */
size_t tui_prompt_candidates(const tui_app *app, const char **out, size_t max);
/* Compile the search pattern (case-insensitive; a bad pattern falls back to a literal). */
int tui_search_set(tui_app *app, const char *pattern);

#endif
