/* list.h: a scrolling list with a cursor, shared by the views that show one row per item. */
#ifndef POLCMP_TUI_LIST_H
#define POLCMP_TUI_LIST_H

#include "command.h"

#include <stddef.h>

/* tui_list: plain value. n items, the cursor at sel, the first visible at top. */
typedef struct tui_list {
    size_t n, sel, top;
} tui_list;

/* Apply a moving command (down, up, pages, top, bottom) with pages of `page` rows.
 * Returns 1 when the command is a moving one (even at an edge), else 0. */
int tui_list_command(tui_list *l, tui_cmd cmd, int page);
/* Keep sel inside [0, n) and visible in h rows. */
void tui_list_fit(tui_list *l, int h);
/* Put the cursor on item i (clamped). */
void tui_list_select(tui_list *l, size_t i);

#endif
