/* view_findings.c: placeholder until the findings view is written; it only says so. */
#include "app.h"

#include <stdlib.h>

static int findings_open(tui_view *v, const tui_selection *arg)
{
    (void)arg;
    v->data = NULL;
    return 0;
}

static void findings_draw(tui_view *v, tui_screen *s, int y, int h)
{
    (void)v;
    (void)h;
    tui_puts(s, y, 0, s->w, TUI_S_DIM, "the findings view is not written yet; q closes it");
}

static int findings_command(tui_view *v, tui_cmd cmd)
{
    (void)v;
    (void)cmd;
    return 0;
}

static void findings_selection(tui_view *v, tui_selection *sel)
{
    (void)v;
    *sel = tui_sel_none();
}

static int findings_search(tui_view *v, const pcre2_code *re, int dir)
{
    (void)v;
    (void)re;
    (void)dir;
    return 0;
}

static void findings_refresh(tui_view *v)
{
    (void)v;
}

static const char *findings_hint(tui_view *v)
{
    (void)v;
    return "q:back";
}

static void findings_close(tui_view *v)
{
    free(v->data);
}

const tui_view_ops tui_view_findings = {
    .name = "findings",
    .open = findings_open,
    .draw = findings_draw,
    .command = findings_command,
    .selection = findings_selection,
    .search = findings_search,
    .refresh = findings_refresh,
    .hint = findings_hint,
    .close = findings_close,
};
