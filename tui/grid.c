/* grid.c: groups and items against one column per policy (see grid.h). */
#include "grid.h"
#include "app.h"

#include <stdlib.h>
#include <string.h>

#define GRID_MIN_COLW 10 /* "✗ missing" and a space */

static tui_grid *grid_of(tui_view *v)
{
    return v->data;
}

int tui_grid_init(tui_grid *g, const tui_grid_ops *ops, int ngroups)
{
    g->ops = ops;
    g->ngroups = ngroups;
    g->folded = calloc(ngroups > 0 ? (size_t)ngroups : 1, 1);
    return g->folded ? 0 : -1;
}

int tui_grid_add(tui_grid *g, int group, int item, int depth)
{
    if (pc_grow(&g->rows, &g->cap, g->nrows + 1, sizeof *g->rows) < 0)
        return -1;
    g->rows[g->nrows++] = (tui_grid_row){group, item, depth};
    return 0;
}

void tui_grid_free(tui_grid *g)
{
    free(g->rows);
    free(g->visible);
    free(g->folded);
}

/* The rows shown (a folded group hides its items), the cursor kept on the same row. */
static void grid_layout(tui_view *v)
{
    tui_grid *g = grid_of(v);
    size_t keep = v->list.n ? g->visible[v->list.sel] : 0, sel = 0;
    v->list.n = 0;
    for (size_t i = 0; i < g->nrows; i++) {
        if (g->rows[i].item >= 0 && g->folded[g->rows[i].group])
            continue;
        if (i <= keep)
            sel = v->list.n;
        g->visible[v->list.n++] = i;
    }
    v->list.sel = sel;
}

const tui_grid_row *tui_grid_current(tui_view *v)
{
    tui_grid *g = grid_of(v);
    return v->list.n ? &g->rows[g->visible[v->list.sel]] : NULL;
}

/* Put the cursor on a row (unfolding its group when it is an item). */
static void grid_select(tui_view *v, int group, int item)
{
    tui_grid *g = grid_of(v);
    if (item >= 0)
        g->folded[group] = 0;
    grid_layout(v);
    for (size_t i = 0; i < v->list.n; i++)
        if (g->rows[g->visible[i]].group == group && g->rows[g->visible[i]].item == item)
            v->list.sel = i;
}

void tui_grid_start(tui_view *v, int group, int item, int policy)
{
    tui_grid *g = grid_of(v);
    g->visible = calloc(g->nrows ? g->nrows : 1, sizeof *g->visible);
    if (!g->visible)
        return;
    grid_layout(v);
    if (group >= 0)
        grid_select(v, group, item);
    if (policy >= 0)
        g->col = (size_t)policy;
}

/* ---- geometry ------------------------------------------------------------------------------ */

/* The name column fits the widest name (at most 48 columns, unless the policy columns leave it
 * more) and each policy column its label;
 * when they do not all fit, the name column shrinks (to 24 columns or a third of the width),
 * then the policy columns (to GRID_MIN_COLW), and the policies that still do not fit scroll
 * sideways. */
static void grid_geometry(tui_view *v, int w)
{
    tui_grid *g = grid_of(v);
    const tui_app *app = v->app;
    int namew = 0, colw = GRID_MIN_COLW;
    for (size_t i = 0; i < g->nrows; i++) {
        const char *name = g->ops->name(v, &g->rows[i]);
        int nw = 3 + 2 * g->rows[i].depth + tui_width(name, strlen(name));
        namew = nw > namew ? nw : namew;
    }
    for (size_t i = 0; i < app->s->npols; i++) {
        const char *label = tui_model_label(app, i);
        int lw = tui_width(label, strlen(label)) + 2;
        colw = lw > colw ? lw : colw;
    }
    int n = (int)app->s->npols, floor = w / 3 < 24 ? w / 3 : 24, labelw = colw;
    int room = w - n * colw; /* names longer than 48 columns get what the policies leave */
    namew = namew > 48 && namew > room ? (room > 48 ? room : 48) : namew;
    if (namew + n * colw > w)
        namew = w - n * colw > floor ? w - n * colw : floor;
    if (namew + n * colw > w)
        colw = (w - namew) / n > GRID_MIN_COLW ? (w - namew) / n : GRID_MIN_COLW;
    g->namew = namew < 12 ? 12 : namew;
    g->ncols = (size_t)((w - g->namew) / colw);
    g->ncols = g->ncols > app->s->npols ? app->s->npols : g->ncols ? g->ncols : 1;
    /* The columns shown share what is left, up to their labels' width. */
    colw = (w - g->namew) / (int)g->ncols;
    g->colw = colw < labelw ? colw : labelw;
    if (g->col < g->left)
        g->left = g->col;
    if (g->col >= g->left + g->ncols)
        g->left = g->col - g->ncols + 1;
}

/* ---- drawing ----------------------------------------------------------------------------- */

static void grid_draw_head(tui_view *v, tui_screen *s, int y)
{
    tui_grid *g = grid_of(v);
    tui_puts(s, y, 0, g->namew, TUI_S_HEADING, g->ops->corner);
    if (g->left)
        tui_puts(s, y, g->namew - 2, 1, TUI_S_HEADING, "«");
    for (size_t k = 0; k < g->ncols && g->left + k < v->app->s->npols; k++) {
        size_t pi = g->left + k;
        int x = g->namew + (int)k * g->colw;
        tui_puts_trunc(s, y, x + 1, g->colw - 2, TUI_S_HEADING, tui_model_label(v->app, pi));
        if (pi == g->col)
            tui_mark(s, y, x + 1, g->colw - 2, -1, TUI_F_UNDERLINE);
    }
    if (g->left + g->ncols < v->app->s->npols)
        tui_puts(s, y, s->w - 1, 1, TUI_S_HEADING, "»");
}

static void grid_draw_row(tui_view *v, size_t vi, tui_screen *s, int y)
{
    tui_grid *g = grid_of(v);
    const tui_grid_row *r = &g->rows[g->visible[vi]];
    const char *name = g->ops->name(v, r);
    if (r->item < 0) {
        tui_fill(s, y, 0, g->namew, TUI_S_GROUP);
        tui_printf(s, y, 0, g->namew - 1, TUI_S_GROUP, "%s %s", g->folded[r->group] ? "▸" : "▾",
                   name);
    } else {
        int indent = 2 + 2 * r->depth;
        tui_puts_trunc(s, y, indent, g->namew - indent - 1, TUI_S_NORMAL, name);
    }
    for (size_t k = 0; k < g->ncols && g->left + k < v->app->s->npols; k++) {
        size_t pi = g->left + k;
        char buf[64];
        int x = g->namew + (int)k * g->colw;
        tui_style st = g->ops->cell(v, r, pi, buf, sizeof buf);
        tui_puts_trunc(s, y, x + 1, g->colw - 2, st, buf);
        if (vi == v->list.sel && pi == g->col)
            tui_mark(s, y, x, g->colw - 1, -1, TUI_F_REVERSE | TUI_F_BOLD);
    }
    if (vi == v->list.sel)
        tui_mark(s, y, 0, g->namew - 1, -1, TUI_F_REVERSE);
}

static void grid_draw_legend(tui_view *v, tui_screen *s, int y)
{
    char buf[96];
    tui_style st;
    int x = 0;
    for (size_t i = 0; grid_of(v)->ops->legend(i, buf, sizeof buf, &st) && x < s->w; i++) {
        if (x + tui_width(buf, strlen(buf)) > s->w)
            break;
        x += tui_puts(s, y, x, s->w - x, st, buf) + 2;
    }
}

static void grid_draw_table(tui_view *v, tui_screen *s, int y, int rows)
{
    grid_geometry(v, s->w);
    tui_list_fit(&v->list, rows);
    v->rows = rows;
    v->list_y = y; /* the head is the view's row y - 1 */
    grid_draw_head(v, s, y);
    for (int i = 0; i < rows && v->list.top + (size_t)i < v->list.n; i++)
        grid_draw_row(v, v->list.top + (size_t)i, s, y + 1 + i);
}

void tui_grid_draw(tui_view *v, tui_screen *s, int y, int h)
{
    int extra = h >= 12 ? 2 : h >= 6 ? 1 : 0; /* the info and legend lines */
    int rows = h - 1 - extra;
    grid_draw_table(v, s, y, rows > 0 ? rows : 1);
    if (extra >= 1)
        grid_of(v)->ops->info(v, s, y + h - extra);
    if (extra >= 2)
        grid_draw_legend(v, s, y + h - 1);
}

/* ---- commands ------------------------------------------------------------------------------ */

void tui_grid_fold(tui_view *v)
{
    const tui_grid_row *r = tui_grid_current(v);
    if (!r)
        return;
    tui_grid *g = grid_of(v);
    int group = r->group, item = r->item;
    g->folded[group] = !g->folded[group];
    grid_select(v, group, g->folded[group] ? -1 : item);
}

static void grid_fold_all(tui_view *v)
{
    tui_grid *g = grid_of(v);
    const tui_grid_row *r = tui_grid_current(v);
    int any_open = 0, group = r ? r->group : 0, item = r ? r->item : -1;
    for (int i = 0; i < g->ngroups; i++)
        any_open |= !g->folded[i];
    for (int i = 0; i < g->ngroups; i++)
        g->folded[i] = (unsigned char)any_open;
    grid_select(v, group, any_open ? -1 : item);
}

static void grid_next_group(tui_view *v, int dir)
{
    tui_grid *g = grid_of(v);
    for (size_t i = v->list.sel; dir > 0 ? i + 1 < v->list.n : i > 0;) {
        i = dir > 0 ? i + 1 : i - 1;
        if (g->rows[g->visible[i]].item < 0) {
            v->list.sel = i;
            return;
        }
    }
}

/* The next (dir 1) or previous cell the view finds notable, over every row and policy. */
static void grid_seek(tui_view *v, int dir)
{
    tui_grid *g = grid_of(v);
    size_t np = v->app->s->npols, n = g->nrows * np;
    const tui_grid_row *cur = tui_grid_current(v);
    size_t pos = (cur ? (size_t)(cur - g->rows) : 0) * np + g->col;
    for (size_t step = 1; step <= n; step++) {
        size_t p = dir > 0 ? (pos + step) % n : (pos + n - step % n) % n;
        const tui_grid_row *r = &g->rows[p / np];
        if (r->item < 0 || !g->ops->notable(v, r, p % np))
            continue;
        grid_select(v, r->group, r->item);
        g->col = p % np;
        return;
    }
    tui_app_message(v->app, 0, "nothing open here: every cell is covered or dismissed");
}

int tui_grid_command(tui_view *v, tui_cmd cmd)
{
    tui_grid *g = grid_of(v);
    switch (cmd) {
    case TUI_CMD_LEFT:
        g->col -= g->col > 0;
        return 1;
    case TUI_CMD_RIGHT:
        g->col += g->col + 1 < v->app->s->npols;
        return 1;
    case TUI_CMD_FOLD:
        tui_grid_fold(v);
        return 1;
    case TUI_CMD_FOLD_ALL:
        grid_fold_all(v);
        return 1;
    case TUI_CMD_NEXT_SECTION:
    case TUI_CMD_PREV_SECTION:
        grid_next_group(v, cmd == TUI_CMD_NEXT_SECTION ? 1 : -1);
        return 1;
    case TUI_CMD_NEXT_FINDING:
    case TUI_CMD_PREV_FINDING:
        grid_seek(v, cmd == TUI_CMD_NEXT_FINDING ? 1 : -1);
        return 1;
    default:
        return 0;
    }
}

size_t tui_grid_items(tui_view *v, size_t *cur)
{
    tui_grid *g = grid_of(v);
    const tui_grid_row *r = tui_grid_current(v);
    *cur = r ? (size_t)(r - g->rows) : 0;
    return g->nrows;
}

void tui_grid_go(tui_view *v, size_t row)
{
    tui_grid *g = grid_of(v);
    if (row < g->nrows)
        grid_select(v, g->rows[row].group, g->rows[row].item);
}

void tui_grid_click(tui_view *v, int y, int x)
{
    tui_grid *g = grid_of(v);
    if (y < v->list_y || v->list.top + (size_t)(y - v->list_y) >= v->list.n)
        return;
    size_t vi = v->list.top + (size_t)(y - v->list_y);
    int again = vi == v->list.sel;
    v->list.sel = vi;
    if (x >= g->namew && g->colw > 0) {
        size_t pi = g->left + (size_t)((x - g->namew) / g->colw);
        again = again && pi == g->col;
        if (pi < v->app->s->npols)
            g->col = pi;
    }
    if (again)
        tui_view_command(v, TUI_CMD_ENTER);
}
