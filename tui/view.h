/* view.h: the one interface every view implements, and the view base that does for every view
 * what views share (as tig's view.c, draw.c and search.c do for its views).
 *
 * A view is a screen of the UI (matrix, side by side, document, findings, explain, checklist,
 * help), one file each (view_*.c), exporting only its `tui_view_ops`. The app keeps a stack of
 * open views (view.c); the top one draws and gets commands first. A view opens another by its
 * id (tui_app_open_view, tui_view_open_here), never through the other's ops, so no view's code
 * depends on another's: app.c alone holds the table of views.
 *
 * What the base owns, once for every view (view.c):
 * - the rows and the cursor (v->list): moving (j k g G PgUp PgDn), drawing the rows shown with
 *   the cursor's reversed (ops->draw_row, or the lines in v->lines), clicking a row (again:
 *   Enter), the mouse wheel;
 * - searching, wrapping around, with the match's rank and the count of matches ("match 3/17")
 *   and the matches highlighted in the text drawn; stepping to the next or previous item that a
 *   finding cites (} {) or whose decision needs review again () (), from ops->flags;
 * - the status bar's hints, from ops->hints and the key bindings (command.c), so a hint names
 *   the key that really runs the command;
 * - v->data: ops->size bytes, zeroed before open and freed after close.
 * A view supplies its rows (v->list.n, or lines), how to draw one, the row matcher and its own
 * commands; a view whose cursor is not a row of a list (side by side, document) draws itself,
 * handles its moving commands and says what its items are (ops->items, ops->go).
 *
 * Calling protocol:
 * 1. open(v, arg): v->app, v->ops and v->data (zeroed) are set; the view reads what was
 *    selected where it was opened (arg; never NULL). Return 0, or -1 (the app shows an error
 *    and calls close, which must cope with a half-opened view).
 * 2. draw(v, s, y, h) as often as needed: draw rows [y, y + h) of s, the full width s->w.
 *    NULL: the base draws the list. draw_row(v, row, s, y) draws one row of the list (with
 *    lines, after the base drew the line: what the view adds to it). Views draw through
 *    screen.h only, never through curses.
 * 3. command(v, cmd): return 1 when handled; 0 lets the base apply its meaning (moving on the
 *    list, searching, seeking) and then the app its global one (help, quit, decisions...).
 * 4. selection(v, sel): what the cursor is on, for the app's global commands.
 * 5. items(v, &cur), go(v, i): the items search and seeking step through, in reading order, and
 *    the one the cursor is on; go puts the cursor on item i. NULL: the rows of v->list.
 *    match(v, i, re): whether item i matches (NULL: its line's text, with v->lines; else no
 *    search in this view). flags(v, i): TUI_ITEM_* of item i (NULL: none).
 * 6. refresh(v): the comparison was rebuilt (a decision, a relabel); re-read it and keep the
 *    position where possible. Indexes are stable; pointers into the old one are not.
 * 7. click(v, y, x): a click at row y of the view (NULL: the base's, on a row of the list).
 * 8. rows(v, out): what the view shows, for `e` (export): the rows of the comparison and their
 *    description ("13 findings (kind: gap)"). Return 0, or -1 when the view has nothing to
 *    export (NULL: nothing, as in help).
 * 9. close(v): free what v->data points to (NULL: nothing to free).
 */
#ifndef POLCMP_TUI_VIEW_H
#define POLCMP_TUI_VIEW_H

#include "command.h"
#include "lines.h"
#include "list.h"
#include "present/present.h"
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
    TUI_SEL_CATEGORY,    /* a matrix row or cell: category (and policy for a cell) */
    TUI_SEL_CLAUSE,      /* a clause: policy and clause (category when reached from one) */
    TUI_SEL_FINDING,     /* a finding: finding (and its first clause) */
    TUI_SEL_REQUIREMENT, /* a requirement of a regime checked on a policy (and its clause) */
} tui_sel_kind;

typedef struct tui_selection {
    tui_sel_kind kind;
    int category;
    int policy;
    size_t clause;
    long finding;
    int requirement;
} tui_selection;

/* An empty selection. */
tui_selection tui_sel_none(void);

/* A hint on the status bar: a command and the word that says what it does here ("open"). The
 * key shown is the command's first binding in the view. A list ends with {TUI_CMD_NONE}. */
typedef struct tui_hint {
    tui_cmd cmd;
    const char *word;
} tui_hint;

/* What an item is, for seeking: a finding cites it, its decision needs review again. */
enum { TUI_ITEM_FINDING = 1, TUI_ITEM_STALE = 2 };

/* What `e` exports from a view: the rows of the comparison (present.h) and how many of what
 * with which filter, in words ("13 findings (kind: gap)"). Owns idx. */
typedef struct tui_export {
    pc_rows rows;
    size_t *idx;
    char what[160];
    char filter[96]; /* rows.filter points here */
    char name[64]; /* a file name to offer, without the extension: "polcmp-findings" */
} tui_export;

typedef struct tui_view_ops {
    const char *name; /* "matrix", "side", "document", "findings", "explain", "checklist", "help" */
    size_t size;      /* bytes of v->data */
    const tui_hint *hints;
    int (*open)(tui_view *v, const tui_selection *arg);
    void (*close)(tui_view *v);
    void (*draw)(tui_view *v, tui_screen *s, int y, int h);
    void (*draw_row)(tui_view *v, size_t row, tui_screen *s, int y);
    int (*command)(tui_view *v, tui_cmd cmd);
    void (*selection)(tui_view *v, tui_selection *sel);
    size_t (*items)(tui_view *v, size_t *cur);
    void (*go)(tui_view *v, size_t item);
    int (*match)(tui_view *v, size_t item, const pcre2_code *re);
    unsigned (*flags)(tui_view *v, size_t item);
    void (*refresh)(tui_view *v);
    void (*click)(tui_view *v, int y, int x);
    int (*rows)(tui_view *v, tui_export *out);
} tui_view_ops;

/* tui_view: owns data (ops->size bytes; what it points to through ops->close) and lines. */
struct tui_view {
    const tui_view_ops *ops;
    tui_app *app;
    void *data;
    tui_list list;    /* the rows and the cursor, for the views made of rows */
    tui_lines lines;  /* the rows' text, for the views whose rows are lines (explain, help) */
    int use_lines;    /* the rows are `lines`: the base draws and matches them */
    int rows;         /* the height of the list at the last draw, for paging */
    int list_y;       /* the list's first row within the view at the last draw */
};

/* The views, for tui_app_open_view(). */
typedef enum tui_view_id {
    TUI_VIEW_MATRIX = 0,
    TUI_VIEW_SIDE,
    TUI_VIEW_DOCUMENT,
    TUI_VIEW_FINDINGS,
    TUI_VIEW_EXPLAIN,
    TUI_VIEW_CHECKLIST,
    TUI_VIEW_HELP,
    TUI_VIEW_COUNT
} tui_view_id;

extern const tui_view_ops tui_view_matrix;
extern const tui_view_ops tui_view_side;
extern const tui_view_ops tui_view_document;
extern const tui_view_ops tui_view_findings;
extern const tui_view_ops tui_view_explain;
extern const tui_view_ops tui_view_checklist;
extern const tui_view_ops tui_view_help;

/* ---- the base, for the app ------------------------------------------------------------ */

/* Draw the view into rows [y, y + h) of s. */
void tui_view_draw(tui_view *v, tui_screen *s, int y, int h);
/* The view's meaning of cmd, then the base's. 1 when handled. */
int tui_view_command(tui_view *v, tui_cmd cmd);
void tui_view_selection(tui_view *v, tui_selection *sel);
void tui_view_refresh(tui_view *v);
/* Search for re after the cursor (dir 1) or before it (-1), wrapping around; the status bar
 * says "match 3/17" or that nothing matches. 1 when found. */
int tui_view_search(tui_view *v, const pcre2_code *re, int dir);
void tui_view_click(tui_view *v, int y, int x);
/* The mouse wheel: dir 1 down, -1 up. */
void tui_view_wheel(tui_view *v, int dir);
/* The hints for the status bar, "Enter:open }:next finding", into buf. */
void tui_view_hint(const tui_view *v, char *buf, size_t n);
/* What `e` exports here. 0, or -1 (with a message) when the view has nothing to export. */
int tui_view_export(tui_view *v, tui_export *out);

/* ---- the base, for the views ---------------------------------------------------------- */

/* Draw the list's rows that fit in [y, y + h) (ops->draw_row, or the lines), the cursor's
 * reversed over the full width. */
void tui_view_draw_list(tui_view *v, tui_screen *s, int y, int h);
/* Open view `id` on this view's selection. Returns 1 (a command handled). */
int tui_view_open_here(tui_view *v, tui_view_id id);

#endif
