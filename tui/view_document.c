/* view_document.c: placeholder until the document view is written; it only says so. */
#include "app.h"

#include <stdlib.h>

static int document_open(tui_view *v, const tui_selection *arg)
{
    (void)arg;
    v->data = NULL;
    return 0;
}

static void document_draw(tui_view *v, tui_screen *s, int y, int h)
{
    (void)v;
    (void)h;
    tui_puts(s, y, 0, s->w, TUI_S_DIM, "the document view is not written yet; q closes it");
}

static int document_command(tui_view *v, tui_cmd cmd)
{
    (void)v;
    (void)cmd;
    return 0;
}

static void document_selection(tui_view *v, tui_selection *sel)
{
    (void)v;
    *sel = tui_sel_none();
}

static int document_search(tui_view *v, const pcre2_code *re, int dir)
{
    (void)v;
    (void)re;
    (void)dir;
    return 0;
}

static void document_refresh(tui_view *v)
{
    (void)v;
}

static const char *document_hint(tui_view *v)
{
    (void)v;
    return "q:back";
}

static void document_close(tui_view *v)
{
    free(v->data);
}

const tui_view_ops tui_view_document = {
    .name = "document",
    .open = document_open,
    .draw = document_draw,
    .command = document_command,
    .selection = document_selection,
    .search = document_search,
    .refresh = document_refresh,
    .hint = document_hint,
    .close = document_close,
};
