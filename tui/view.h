/* view.h: the one interface every view implements.
 *
 * A view is a screen of the UI (matrix, side by side, document, findings, explain, help),
 * one file each (view_*.c), exporting only its `tui_view_ops`. The app keeps a stack of open
 * views (stack.c); the top one draws and gets commands first. A view opens another by its id
 * (tui_app_open_view), never through the other's ops, so no view's code depends on another's:
 * app.c alone holds the table of views.
 *
 * Calling protocol:
 * 1. open(v, arg): v->app and v->ops are set; the view allocates v->data from what was
 *    selected where it was opened (arg; never NULL). Return 0, or -1 (the app shows an error
 *    and, when v->data is still set, calls close to free it).
 * 2. draw(v, s, y, h) as often as needed: draw rows [y, y + h) of s, the full width s->w.
 *    Views draw through screen.h only, never through curses.
 * 3. command(v, cmd): return 1 when handled; 0 lets the app apply its global meaning
 *    (help, findings, quit, mark reviewed, notes...).
 * 4. selection(v, sel): what the cursor is on, for the app's global commands.
 * 5. search(v, re, dir): move to the next (dir 1) or previous (-1) row after the current one
 *    whose text matches re (tui_search_match); return 1 when found, 0 when there is none.
 * 6. refresh(v): the comparison was rebuilt (a relabel, a dismissal); re-read it and keep
 *    the position where possible. Indexes are stable; pointers into the old one are not.
 * 7. click(v, y, x): optional; a mouse click at row y (relative to the view's first row).
 * 8. close(v): free v->data and everything it owns.
 */
#ifndef POLCMP_TUI_VIEW_H
#define POLCMP_TUI_VIEW_H

#include "command.h"
#include "screen.h"

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>
#include <stddef.h>

typedef struct tui_app tui_app;
typedef struct tui_view tui_view;

/* What is selected. Plain value; -1 (or PC_NO_CLAUSE) where a field does not apply. */
typedef enum tui_sel_kind {
    TUI_SEL_NONE = 0,
    TUI_SEL_CATEGORY, /* a matrix row or cell: category (and policy for a cell) */
    TUI_SEL_CLAUSE,   /* a clause: policy and clause (category when reached from one) */
    TUI_SEL_FINDING,  /* a finding: finding (and its first clause) */
} tui_sel_kind;

typedef struct tui_selection {
    tui_sel_kind kind;
    int category;
    int policy;
    size_t clause;
    long finding;
} tui_selection;

/* An empty selection. */
tui_selection tui_sel_none(void);

typedef struct tui_view_ops {
    const char *name; /* "matrix", "side", "document", "findings", "explain", "help" */
    int (*open)(tui_view *v, const tui_selection *arg);
    void (*draw)(tui_view *v, tui_screen *s, int y, int h);
    int (*command)(tui_view *v, tui_cmd cmd);
    void (*selection)(tui_view *v, tui_selection *sel);
    int (*search)(tui_view *v, const pcre2_code *re, int dir);
    void (*refresh)(tui_view *v);
    void (*click)(tui_view *v, int y, int x); /* may be NULL */
    const char *(*hint)(tui_view *v);         /* keys that matter here, for the status bar */
    void (*close)(tui_view *v);
} tui_view_ops;

/* tui_view: owns data (through ops->close). */
struct tui_view {
    const tui_view_ops *ops;
    tui_app *app;
    void *data;
    int rows; /* the height of the last draw, for paging */
};

/* The views, for tui_app_open_view(). */
typedef enum tui_view_id {
    TUI_VIEW_MATRIX = 0,
    TUI_VIEW_SIDE,
    TUI_VIEW_DOCUMENT,
    TUI_VIEW_FINDINGS,
    TUI_VIEW_EXPLAIN,
    TUI_VIEW_HELP,
    TUI_VIEW_COUNT
} tui_view_id;

extern const tui_view_ops tui_view_matrix;
extern const tui_view_ops tui_view_side;
extern const tui_view_ops tui_view_document;
extern const tui_view_ops tui_view_findings;
extern const tui_view_ops tui_view_explain;
extern const tui_view_ops tui_view_help;

#endif
