/* stack.c: the stack of open views and the status-bar message (app.h). It opens views by their
 * ops or, for the views themselves, by id through the app's table, and refers to no view's
 * code. */
#include "app.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

tui_selection tui_sel_none(void)
{
    return (tui_selection){.kind = TUI_SEL_NONE, .category = -1, .policy = -1,
                           .clause = PC_NO_CLAUSE, .finding = -1};
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

int tui_app_open_view(tui_app *app, tui_view_id id, const tui_selection *arg)
{
    return id < TUI_VIEW_COUNT ? tui_app_push(app, app->ops_of[id], arg) : -1;
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
