/* app.c: the view stack, key dispatch and the frame around the views (see app.h). */
#include "app.h"
#include "app_internal.h"
#include "keys.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

tui_selection tui_sel_none(void)
{
    return (tui_selection){.kind = TUI_SEL_NONE, .category = -1, .policy = -1,
                           .clause = PC_NO_CLAUSE, .finding = -1};
}

int tui_app_init(tui_app *app, pc_session *s, pc_error *err)
{
    memset(app, 0, sizeof *app);
    app->s = s;
    app->search_dir = 1;
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
    free(app->search);
    pcre2_code_free(app->search_re);
    memset(app, 0, sizeof *app);
}

int tui_app_push(tui_app *app, const tui_view_ops *ops, const tui_selection *arg)
{
    if (app->depth >= TUI_MAX_VIEWS) {
        tui_app_message(app, 1, "too many views open: close one with q");
        return -1;
    }
    tui_view *v = &app->views[app->depth];
    *v = (tui_view){.ops = ops, .app = app, .rows = app->h > 2 ? app->h - 2 : 1};
    if (ops->open(v, arg) < 0) {
        if (v->data) /* what a failed open allocated */
            ops->close(v);
        if (!app->status[0])
            tui_app_message(app, 1, "cannot open the %s view", ops->name);
        return -1;
    }
    app->depth++;
    return 0;
}

void tui_app_pop(tui_app *app)
{
    if (app->depth == 0)
        return;
    tui_view *v = &app->views[--app->depth];
    v->ops->close(v);
    memset(v, 0, sizeof *v);
}

tui_view *tui_app_top(tui_app *app)
{
    return app->depth ? &app->views[app->depth - 1] : NULL;
}

void tui_app_message(tui_app *app, int error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(app->status, sizeof app->status, fmt, ap);
    va_end(ap);
    app->status_error = error;
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
    tui_selection sel = tui_sel_none();
    top->ops->selection(top, &sel);
    if (ops == &tui_view_explain && sel.kind != TUI_SEL_CLAUSE && sel.kind != TUI_SEL_FINDING) {
        tui_app_message(app, 0, "select a clause or a finding to explain");
        return;
    }
    if (ops == &tui_view_document && sel.policy < 0)
        sel.policy = 0;
    tui_app_push(app, ops, &sel);
}

static void tui_app_search_step(tui_app *app, int dir)
{
    tui_view *top = tui_app_top(app);
    if (!app->search_re) {
        tui_app_message(app, 0, "no search yet: / searches");
        return;
    }
    if (!top->ops->search(top, app->search_re, dir * app->search_dir))
        tui_app_message(app, 0, "no more matches for \"%s\"", app->search);
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
    case TUI_CMD_SEARCH:
        tui_prompt_start(app, TUI_PROMPT_SEARCH, "/", "");
        return 0;
    case TUI_CMD_SEARCH_NEXT:
    case TUI_CMD_SEARCH_PREV:
        tui_app_search_step(app, cmd == TUI_CMD_SEARCH_NEXT ? 1 : -1);
        return 0;
    default:
        tui_app_review_command(app, cmd);
        return 0;
    }
}

static void tui_app_click(tui_app *app)
{
    tui_view *top = tui_app_top(app);
    int y = app->mouse_y - 1;
    if (top->ops->click && y >= 0 && y < top->rows)
        top->ops->click(top, y, app->mouse_x);
}

int tui_app_key(tui_app *app, int key)
{
    if (key == TUI_KEY_RESIZE || key == TUI_KEY_NONE)
        return 0;
    if (app->prompt)
        return tui_prompt_key(app, key);
    if (key != 'Q')
        app->quit_confirm = 0;
    app->status[0] = '\0';
    app->status_error = 0;
    tui_view *top = tui_app_top(app);
    if (key == TUI_KEY_MOUSE) {
        tui_app_click(app);
        return 0;
    }
    tui_cmd cmd = tui_cmd_for_key(key, top->ops->name);
    if (cmd == TUI_CMD_NONE) {
        char name[16];
        tui_app_message(app, 0, "%s does nothing here; ? shows the keys", tui_key_name(key, name));
        return 0;
    }
    if (cmd == TUI_CMD_REDRAW)
        return 0;
    if (cmd != TUI_CMD_QUIT && top->ops->command(top, cmd))
        return 0;
    return tui_app_global(app, cmd);
}
