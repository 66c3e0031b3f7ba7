/* list.c: the scrolling list (see list.h). */
#include "list.h"

int tui_list_command(tui_list *l, tui_cmd cmd, int page)
{
    size_t p = page > 1 ? (size_t)page - 1 : 1;
    switch (cmd) {
    case TUI_CMD_DOWN:
        if (l->sel + 1 < l->n)
            l->sel++;
        return 1;
    case TUI_CMD_UP:
        if (l->sel > 0)
            l->sel--;
        return 1;
    case TUI_CMD_PAGE_DOWN:
        l->sel = l->n && l->sel + p >= l->n ? l->n - 1 : l->sel + p;
        l->top += p;
        return 1;
    case TUI_CMD_PAGE_UP:
        l->sel = l->sel > p ? l->sel - p : 0;
        l->top = l->top > p ? l->top - p : 0;
        return 1;
    case TUI_CMD_TOP:
        l->sel = 0;
        return 1;
    case TUI_CMD_BOTTOM:
        l->sel = l->n ? l->n - 1 : 0;
        return 1;
    default:
        return 0;
    }
}

void tui_list_fit(tui_list *l, int h)
{
    size_t rows = h > 0 ? (size_t)h : 1;
    if (l->n == 0) {
        l->sel = l->top = 0;
        return;
    }
    if (l->sel >= l->n)
        l->sel = l->n - 1;
    if (l->top + rows > l->n)
        l->top = l->n > rows ? l->n - rows : 0;
    if (l->sel < l->top)
        l->top = l->sel;
    if (l->sel >= l->top + rows)
        l->top = l->sel - rows + 1;
}

void tui_list_select(tui_list *l, size_t i)
{
    l->sel = l->n && i >= l->n ? l->n - 1 : i;
}
