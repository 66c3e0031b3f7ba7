/* view_explain.c: placeholder until the explain view is written; it only says so. */
#include "app.h"

#include <stdlib.h>

static int explain_open(tui_view *v, const tui_selection *arg)
{
    (void)arg;
    v->data = NULL;
    return 0;
}

static void explain_draw(tui_view *v, tui_screen *s, int y, int h)
{
    (void)v;
    (void)h;
    tui_puts(s, y, 0, s->w, TUI_S_DIM, "the explain view is not written yet; q closes it");
}

static int explain_command(tui_view *v, tui_cmd cmd)
{
    (void)v;
    (void)cmd;
    return 0;
}

static void explain_selection(tui_view *v, tui_selection *sel)
{
    (void)v;
    *sel = tui_sel_none();
}

static int explain_search(tui_view *v, const pcre2_code *re, int dir)
{
    (void)v;
    (void)re;
    (void)dir;
    return 0;
}

static void explain_refresh(tui_view *v)
{
    (void)v;
}

static const char *explain_hint(tui_view *v)
{
    (void)v;
    return "q:back";
}

static void explain_close(tui_view *v)
{
    free(v->data);
}

const tui_view_ops tui_view_explain = {
    .name = "explain",
    .open = explain_open,
    .draw = explain_draw,
    .command = explain_command,
    .selection = explain_selection,
    .search = explain_search,
    .refresh = explain_refresh,
    .hint = explain_hint,
    .close = explain_close,
};
