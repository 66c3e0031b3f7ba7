/* view_side.c: placeholder until the side view is written; it only says so. */
#include "app.h"

#include <stdlib.h>

static int side_open(tui_view *v, const tui_selection *arg)
{
    (void)arg;
    v->data = NULL;
    return 0;
}

static void side_draw(tui_view *v, tui_screen *s, int y, int h)
{
    (void)v;
    (void)h;
    tui_puts(s, y, 0, s->w, TUI_S_DIM, "the side view is not written yet; q closes it");
}

static int side_command(tui_view *v, tui_cmd cmd)
{
    (void)v;
    (void)cmd;
    return 0;
}

static void side_selection(tui_view *v, tui_selection *sel)
{
    (void)v;
    *sel = tui_sel_none();
}

static int side_search(tui_view *v, const pcre2_code *re, int dir)
{
    (void)v;
    (void)re;
    (void)dir;
    return 0;
}

static void side_refresh(tui_view *v)
{
    (void)v;
}

static const char *side_hint(tui_view *v)
{
    (void)v;
    return "q:back";
}

static void side_close(tui_view *v)
{
    free(v->data);
}

const tui_view_ops tui_view_side = {
    .name = "side",
    .open = side_open,
    .draw = side_draw,
    .command = side_command,
    .selection = side_selection,
    .search = side_search,
    .refresh = side_refresh,
    .hint = side_hint,
    .close = side_close,
};
