/* app.c: starting the app, key dispatch and the global commands (see app.h). The view stack is
 * view.c (with the view base), the frame around the views frame.c, the prompt line prompt.c. */
#include "app.h"
#include "app_internal.h"
#include "keys.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Every view, by id: the only place that knows them all. */
static const tui_view_ops *const tui_views[TUI_VIEW_COUNT] = {
    [TUI_VIEW_MATRIX] = &tui_view_matrix,     [TUI_VIEW_SIDE] = &tui_view_side,
    [TUI_VIEW_DOCUMENT] = &tui_view_document, [TUI_VIEW_FINDINGS] = &tui_view_findings,
    [TUI_VIEW_EXPLAIN] = &tui_view_explain,   [TUI_VIEW_CHECKLIST] = &tui_view_checklist,
    [TUI_VIEW_HELP] = &tui_view_help,
};

int tui_app_init(tui_app *app, pc_session *s, pc_error *err)
{
    memset(app, 0, sizeof *app);
    app->s = s;
    app->ops_of = tui_views;
    app->running = 1;
    if (tui_app_index(app, err) < 0)
        return -1;
    if (s->review_error[0])
        tui_app_message(app, 1, "%s: decisions go to a separate file when you quit",
                        s->review_error);
    tui_selection none = tui_sel_none();
    if (tui_app_push(app, &tui_view_matrix, &none) < 0) {
        pc_error_set(err, "cannot open the matrix view");
        return -1;
    }
    return 0;
}

void tui_app_free(tui_app *app)
{
    while (app->depth > 0)
        tui_app_pop(app);
    tui_app_unindex(app);
    pc_buf_free(&app->prompt_text);
    tui_export_free(app);
    free(app->search);
    pcre2_code_free(app->search_re);
    memset(app, 0, sizeof *app);
}

/* Quit, unless decisions are unsaved and this is the first attempt. */
static int tui_app_quit(tui_app *app)
{
    if (app->s->dirty && !app->s->review_readonly && tui_app_save(app) < 0 &&
        !app->quit_confirm) {
        char why[sizeof app->status];
        snprintf(why, sizeof why, "%s", app->status); /* the save's error, from the status bar */
        app->quit_confirm = 1;
        tui_app_message(app, 1, "%s. Q quits anyway (decisions go to a separate file)", why);
        return 0;
    }
    app->running = 0;
    return 1;
}

/* Open a view on the top view's selection, unless the top view already is one. */
static void tui_app_open(tui_app *app, const tui_view_ops *ops)
{
    tui_view *top = tui_app_top(app);
    if (top->ops == ops)
        return;
    tui_selection sel;
    tui_view_selection(top, &sel);
    if (sel.kind == TUI_SEL_REQUIREMENT) /* explained by its finding, or the clause meeting it */
        sel.kind = sel.finding >= 0           ? TUI_SEL_FINDING
                   : sel.clause != PC_NO_CLAUSE ? TUI_SEL_CLAUSE
                                                : TUI_SEL_NONE;
    if (ops == &tui_view_explain && sel.kind != TUI_SEL_CLAUSE && sel.kind != TUI_SEL_FINDING) {
        tui_app_message(app, 0, "select a clause or a finding to explain");
        return;
    }
    if (ops == &tui_view_document && sel.policy < 0)
        sel.policy = 0;
    tui_app_push(app, ops, &sel);
}

/* The global meaning of a command the top view did not handle. Returns 1 to quit. */
static int tui_app_global(tui_app *app, tui_cmd cmd)
{
    switch (cmd) {
    case TUI_CMD_BACK:
        if (app->depth > 1) {
            tui_app_pop(app);
            return 0;
        }
        return tui_app_quit(app);
    case TUI_CMD_QUIT:
        return tui_app_quit(app);
    case TUI_CMD_HELP:
        tui_app_open(app, &tui_view_help);
        return 0;
    case TUI_CMD_FINDINGS:
        tui_app_open(app, &tui_view_findings);
        return 0;
    case TUI_CMD_DOCUMENT:
        tui_app_open(app, &tui_view_document);
        return 0;
    case TUI_CMD_EXPLAIN:
        tui_app_open(app, &tui_view_explain);
        return 0;
    case TUI_CMD_CHECKLIST:
        tui_app_open(app, &tui_view_checklist);
        return 0;
    case TUI_CMD_SEARCH:
        tui_prompt_start(app, TUI_PROMPT_SEARCH, "/", "");
        return 0;
    default:
        tui_app_review_command(app, cmd);
        return 0;
    }
}

/* The mouse: a click on a row of the view (again: open it), the wheel. */
static void tui_app_mouse(tui_app *app, int key)
{
    tui_view *top = tui_app_top(app);
    int y = app->mouse_y - 1;
    if (key == TUI_KEY_WHEEL_UP || key == TUI_KEY_WHEEL_DOWN)
        tui_view_wheel(top, key == TUI_KEY_WHEEL_DOWN ? 1 : -1);
    else if (y >= 0 && y < app->h - 2)
        tui_view_click(top, y, app->mouse_x);
}

/* A key while the prompt is open; an answer goes to app_review.c. */
static void tui_app_prompt_key(tui_app *app, int key)
{
    tui_prompt_kind kind;
    if (!tui_prompt_key(app, key, &kind))
        return;
    char *text = pc_strdup(app->prompt_text.data ? app->prompt_text.data : "");
    if (text)
        tui_app_prompt_done(app, kind, text);
    free(text);
}

int tui_app_key(tui_app *app, int key)
{
    if (key == TUI_KEY_RESIZE || key == TUI_KEY_NONE)
        return 0;
    if (app->prompt) {
        tui_app_prompt_key(app, key);
        return 0;
    }
    tui_view *top = tui_app_top(app);
    tui_cmd cmd = tui_cmd_for_key(key, top->ops->name);
    if (cmd != TUI_CMD_QUIT)
        app->quit_confirm = 0;
    app->status[0] = '\0';
    app->status_error = 0;
    if (key == TUI_KEY_MOUSE || key == TUI_KEY_WHEEL_UP || key == TUI_KEY_WHEEL_DOWN) {
        tui_app_mouse(app, key);
        return 0;
    }
    if (cmd == TUI_CMD_NONE) {
        char name[16];
        tui_app_message(app, 0, "%s does nothing here; ? shows the keys", tui_key_name(key, name));
        return 0;
    }
    if (cmd == TUI_CMD_REDRAW) {
        app->redraw = 1;
        return 0;
    }
    if (cmd != TUI_CMD_QUIT && tui_view_command(top, cmd))
        return 0;
    return tui_app_global(app, cmd);
}
