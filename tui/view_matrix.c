/* view_matrix.c: the first screen. Rows are the taxonomy's categories grouped under their
 * OPP-115 parent (groups fold and unfold), columns are the policies (grid.h); each cell shows
 * the clause count and its state with a glyph and a style (covered, gap, missing required,
 * contradiction, disagreement), so the meaning survives without colour. A cell some of whose
 * findings the reviewer dismissed says how many are still open ("! 1 of 2"), a group how many
 * of its findings are dismissed ("⊘1"). */
#include "app.h"
#include "grid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The view. Owns grid (first: grid.h). */
typedef struct mx_view {
    tui_grid grid;
} mx_view;

static int mx_depth(const pc_taxonomy *tax, int cat)
{
    int d = 0;
    while ((cat = tax->cats[cat].parent) >= 0)
        d++;
    return d;
}

static const char *mx_name(tui_view *v, const tui_grid_row *r)
{
    return r->item < 0 ? pc_opp10_name(r->group) : v->app->s->tax->cats[r->item].name;
}

/* A group's cell: the worst state of its categories, how many of them the policy covers and,
 * when the reviewer dismissed some of their findings, how many. */
static tui_style mx_group_cell(tui_view *v, int group, size_t pi, char *buf, size_t n)
{
    const tui_app *app = v->app;
    tui_state worst = TUI_ST_NONE;
    size_t covered = 0, total = 0, dismissed = 0;
    for (size_t c = 0; c < app->s->tax->ncats; c++) {
        if (app->s->tax->cats[c].opp10 != group)
            continue;
        tui_cell_info ci;
        tui_state st = tui_model_cell_info(app, (int)c, pi, &ci);
        total++;
        covered += st != TUI_ST_NONE && st != TUI_ST_GAP && st != TUI_ST_MISSING;
        dismissed += ci.findings - ci.open;
        worst = st > worst ? st : worst;
    }
    int k = snprintf(buf, n, "%s %zu/%zu", tui_state_glyph(worst), covered, total);
    if (dismissed && k > 0 && (size_t)k < n)
        snprintf(buf + k, n - (size_t)k, " %s%zu", tui_mark_glyph(TUI_MARK_DISMISSED), dismissed);
    return worst <= TUI_ST_COVERED ? TUI_S_GROUP : tui_state_style(worst);
}

static tui_style mx_cell(tui_view *v, const tui_grid_row *r, size_t pi, char *buf, size_t n)
{
    if (r->item < 0)
        return mx_group_cell(v, r->group, pi, buf, n);
    tui_cell_info ci;
    tui_state st = tui_model_cell_info(v->app, r->item, pi, &ci);
    const char *g = tui_state_glyph(st);
    if (ci.open < ci.findings)
        snprintf(buf, n, "%s %zu of %zu", g, ci.open, ci.findings);
    else if (st == TUI_ST_GAP || st == TUI_ST_MISSING)
        snprintf(buf, n, "%s %s", g, st == TUI_ST_GAP ? "gap" : "missing");
    else if (st == TUI_ST_NONE)
        snprintf(buf, n, "%s", g);
    else
        snprintf(buf, n, "%s %zu", g, ci.clauses);
    return tui_state_style(st);
}

static int mx_notable(tui_view *v, const tui_grid_row *r, size_t pi)
{
    return tui_model_cell(v->app, r->item, pi, NULL) >= TUI_ST_GAP;
}

/* The line under the table: the selected policy and category in words, with the reviewer's
 * decisions on the cell. */
static void mx_draw_info(tui_view *v, tui_screen *s, int y)
{
    tui_grid *g = v->data;
    const tui_grid_row *r = tui_grid_current(v);
    const pc_policy *p = v->app->s->pols[g->col];
    pc_buf b = {0};
    if (r && r->item >= 0) {
        tui_cell_info ci;
        tui_state st = tui_model_cell_info(v->app, r->item, g->col, &ci);
        pc_buf_printf(&b, "%s · %s: %s, %zu clause%s", p->name, v->app->s->tax->cats[r->item].name,
                      tui_state_name(st), ci.clauses, ci.clauses == 1 ? "" : "s");
        if (ci.reviewed || ci.relabelled)
            pc_buf_printf(&b, " (%zu reviewed, %zu relabelled)", ci.reviewed, ci.relabelled);
        if (ci.findings > ci.open)
            pc_buf_printf(&b, " · %zu of %zu findings open, %zu dismissed", ci.open, ci.findings,
                          ci.findings - ci.open);
    } else {
        pc_buf_printf(&b, "%s · %s", p->name, pc_basename(p->doc->path));
    }
    tui_puts_trunc(s, y, 0, s->w, TUI_S_DIM, b.data ? b.data : "");
    pc_buf_free(&b);
}

static int mx_legend(size_t i, char *buf, size_t n, tui_style *style)
{
    static const tui_state order[] = {TUI_ST_COVERED, TUI_ST_GAP, TUI_ST_MISSING,
                                      TUI_ST_CONTRADICTION, TUI_ST_DISAGREEMENT, TUI_ST_WARNING,
                                      TUI_ST_NONE};
    if (i >= sizeof order / sizeof order[0])
        return 0;
    snprintf(buf, n, "%s %s", tui_state_glyph(order[i]), tui_state_name(order[i]));
    *style = tui_state_style(order[i]);
    return 1;
}

static const tui_grid_ops mx_grid = {"Category",   mx_name,      mx_cell,
                                     mx_notable,   mx_draw_info, mx_legend};

static int mx_open(tui_view *v, const tui_selection *arg)
{
    tui_grid *g = v->data;
    const pc_taxonomy *tax = v->app->s->tax;
    if (tui_grid_init(g, &mx_grid, PC_OPP_COUNT) < 0)
        return -1;
    for (int grp = 0; grp < PC_OPP_COUNT; grp++) {
        if (tui_grid_add(g, grp, -1, 0) < 0)
            return -1;
        for (size_t c = 0; c < tax->ncats; c++)
            if (tax->cats[c].opp10 == grp && tui_grid_add(g, grp, (int)c, mx_depth(tax, (int)c)) < 0)
                return -1;
    }
    int cat = arg->category;
    tui_grid_start(v, cat >= 0 ? tax->cats[cat].opp10 : -1, cat, arg->policy);
    return g->visible ? 0 : -1;
}

static void mx_close(tui_view *v)
{
    tui_grid_free(v->data);
}

static int mx_command(tui_view *v, tui_cmd cmd)
{
    const tui_grid_row *r = tui_grid_current(v);
    if (cmd != TUI_CMD_ENTER)
        return tui_grid_command(v, cmd);
    if (r && r->item < 0)
        tui_grid_fold(v);
    else if (r)
        tui_view_open_here(v, TUI_VIEW_SIDE);
    return 1;
}

static void mx_selection(tui_view *v, tui_selection *sel)
{
    const tui_grid_row *r = tui_grid_current(v);
    sel->kind = TUI_SEL_CATEGORY;
    sel->policy = (int)((tui_grid *)v->data)->col;
    sel->category = r ? r->item : -1;
}

/* Search looks at categories (name and id); each group's own top category carries its name. */
static int mx_match(tui_view *v, size_t row, const pcre2_code *re)
{
    const tui_grid_row *r = &((tui_grid *)v->data)->rows[row];
    if (r->item < 0)
        return 0;
    const pc_category *c = &v->app->s->tax->cats[r->item];
    return tui_search_match(re, c->name, strlen(c->name)) ||
           tui_search_match(re, c->id, strlen(c->id));
}

/* `e`: the matrix rows shown (a folded group's categories are not). */
static int mx_rows(tui_view *v, tui_export *out)
{
    tui_grid *g = v->data;
    size_t n = 0;
    if (!(out->idx = malloc((g->nrows ? g->nrows : 1) * sizeof *out->idx)))
        return -1;
    for (size_t i = 0; i < v->list.n; i++)
        if (g->rows[g->visible[i]].item >= 0)
            out->idx[n++] = (size_t)g->rows[g->visible[i]].item;
    out->rows = (pc_rows){PC_ROWS_MATRIX, out->idx, n, -1, -1, NULL};
    snprintf(out->what, sizeof out->what, "the matrix (%zu categories × %zu policies)", n,
             v->app->s->npols);
    snprintf(out->name, sizeof out->name, "polcmp-matrix");
    return 0;
}

static const tui_hint mx_hints[] = {{TUI_CMD_ENTER, "open"},      {TUI_CMD_NEXT_FINDING, "next finding"},
                                    {TUI_CMD_FINDINGS, "findings"}, {TUI_CMD_DOCUMENT, "document"},
                                    {TUI_CMD_HELP, "help"},       {TUI_CMD_NONE, 0}};

const tui_view_ops tui_view_matrix = {
    .name = "matrix",
    .size = sizeof(mx_view),
    .hints = mx_hints,
    .open = mx_open,
    .close = mx_close,
    .draw = tui_grid_draw,
    .command = mx_command,
    .selection = mx_selection,
    .items = tui_grid_items,
    .go = tui_grid_go,
    .match = mx_match,
    .click = tui_grid_click,
    .rows = mx_rows,
};
