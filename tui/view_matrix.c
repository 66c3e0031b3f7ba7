/* view_matrix.c: the first screen. Rows are the taxonomy's categories grouped under their
 * OPP-115 parent (groups fold and unfold), columns are the policies; each cell shows the
 * clause count and its state with a glyph and a style (covered, gap, missing required,
 * contradiction, disagreement), so the meaning survives without colour. */
#include "app.h"
#include "list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One row: a group (cat < 0) or a category. Plain value. */
typedef struct mx_row {
    int group; /* OPP-115 top-level index */
    int cat;   /* index into tax->cats, or -1 for the group row */
    int depth;
} mx_row;

/* The view's state. Owns rows and visible. */
typedef struct mx_view {
    mx_row *rows;
    size_t nrows;
    size_t *visible; /* indexes into rows of the rows shown (folded groups hide theirs) */
    tui_list list;   /* over visible */
    int folded[PC_OPP_COUNT];
    size_t col, left; /* the selected policy, the first policy shown */
} mx_view;

static int mx_depth(const pc_taxonomy *tax, int cat)
{
    int d = 0;
    while ((cat = tax->cats[cat].parent) >= 0)
        d++;
    return d;
}

static int mx_build(mx_view *m, const pc_taxonomy *tax)
{
    m->rows = calloc(tax->ncats + PC_OPP_COUNT, sizeof *m->rows);
    m->visible = calloc(tax->ncats + PC_OPP_COUNT, sizeof *m->visible);
    if (!m->rows || !m->visible)
        return -1;
    for (int g = 0; g < PC_OPP_COUNT; g++) {
        m->rows[m->nrows++] = (mx_row){g, -1, 0};
        for (size_t c = 0; c < tax->ncats; c++)
            if (tax->cats[c].opp10 == g)
                m->rows[m->nrows++] = (mx_row){g, (int)c, mx_depth(tax, (int)c)};
    }
    return 0;
}

static void mx_layout(mx_view *m)
{
    size_t sel_row = m->list.n ? m->visible[m->list.sel] : 0;
    m->list.n = 0;
    size_t new_sel = 0;
    for (size_t i = 0; i < m->nrows; i++) {
        const mx_row *r = &m->rows[i];
        if (r->cat >= 0 && m->folded[r->group])
            continue;
        if (i <= sel_row)
            new_sel = m->list.n;
        m->visible[m->list.n++] = i;
    }
    m->list.sel = new_sel;
}

static mx_view *mx_of(tui_view *v)
{
    return v->data;
}

static const mx_row *mx_current(mx_view *m)
{
    return m->list.n ? &m->rows[m->visible[m->list.sel]] : NULL;
}

/* Select a category (unfolding its group) or, with cat < 0, a group row. */
static void mx_select_row(mx_view *m, int group, int cat)
{
    if (cat >= 0)
        m->folded[group] = 0;
    mx_layout(m);
    for (size_t i = 0; i < m->list.n; i++) {
        const mx_row *r = &m->rows[m->visible[i]];
        if (r->group == group && r->cat == cat) {
            m->list.sel = i;
            return;
        }
    }
}

static int mx_open(tui_view *v, const tui_selection *arg)
{
    mx_view *m = calloc(1, sizeof *m);
    v->data = m;
    if (!m || mx_build(m, v->app->s->tax) < 0)
        return -1;
    mx_layout(m);
    if (arg->category >= 0)
        mx_select_row(m, v->app->s->tax->cats[arg->category].opp10, arg->category);
    if (arg->policy >= 0)
        m->col = (size_t)arg->policy;
    return 0;
}

static void mx_close(tui_view *v)
{
    mx_view *m = mx_of(v);
    if (m) {
        free(m->rows);
        free(m->visible);
        free(m);
    }
}

/* The widest category name with its indent, for the name column. */
static int mx_name_width(const pc_taxonomy *tax)
{
    int widest = 0;
    for (size_t c = 0; c < tax->ncats; c++) {
        const char *name = tax->cats[c].name;
        int w = 2 + 2 * mx_depth(tax, (int)c) + tui_width(name, strlen(name));
        if (w > widest)
            widest = w;
    }
    return widest + 1;
}

/* Column widths: each policy column fits the longest policy label (9 to 16 columns); the name
 * column takes the widest category name, shrinking (to 24 columns, or a third of the width)
 * so that every policy fits when it can. Policies that do not fit scroll sideways. */
static void mx_widths(const tui_app *app, int w, int *namew, int *colw, size_t *ncols)
{
    int idw = 0;
    for (size_t i = 0; i < app->s->npols; i++) {
        const char *label = tui_model_label(app, i);
        int iw = tui_width(label, strlen(label));
        idw = iw > idw ? iw : idw;
    }
    *colw = idw + 2 < 9 ? 9 : idw + 2 > 16 ? 16 : idw + 2;
    int want = mx_name_width(app->s->tax), floor = w / 3 < 24 ? w / 3 : 24;
    *namew = want;
    if (w - *namew < (int)app->s->npols * *colw)
        *namew = w - (int)app->s->npols * *colw;
    if (*namew < floor)
        *namew = floor;
    if (*namew > 48)
        *namew = 48;
    if (*namew < 14)
        *namew = 14;
    *ncols = (size_t)((w - *namew) / *colw);
    if (*ncols > app->s->npols)
        *ncols = app->s->npols;
    if (*ncols == 0)
        *ncols = 1;
}

/* The text and state of the cell of a group row: the worst state of its categories, and
 * how many of them the policy covers. */
static tui_state mx_group_cell(const tui_app *app, int group, size_t pi, char *buf, size_t n)
{
    tui_state worst = TUI_ST_NONE;
    size_t covered = 0, total = 0;
    for (size_t c = 0; c < app->s->tax->ncats; c++) {
        if (app->s->tax->cats[c].opp10 != group)
            continue;
        total++;
        tui_state st = tui_model_cell(app, (int)c, pi, NULL);
        if (st != TUI_ST_NONE && st != TUI_ST_GAP && st != TUI_ST_MISSING)
            covered++;
        if (st > worst)
            worst = st;
    }
    snprintf(buf, n, "%s %zu/%zu", tui_state_glyph(worst), covered, total);
    return worst;
}

static tui_state mx_cell(const tui_app *app, const mx_row *r, size_t pi, char *buf, size_t n)
{
    if (r->cat < 0)
        return mx_group_cell(app, r->group, pi, buf, n);
    size_t count;
    tui_state st = tui_model_cell(app, r->cat, pi, &count);
    if (st == TUI_ST_GAP)
        snprintf(buf, n, "%s gap", tui_state_glyph(st));
    else if (st == TUI_ST_MISSING)
        snprintf(buf, n, "%s missing", tui_state_glyph(st));
    else if (st == TUI_ST_NONE)
        snprintf(buf, n, "%s", tui_state_glyph(st));
    else
        snprintf(buf, n, "%s %zu", tui_state_glyph(st), count);
    return st;
}

static void mx_draw_name(tui_view *v, const mx_row *r, tui_screen *s, int y, int namew)
{
    mx_view *m = mx_of(v);
    if (r->cat < 0) {
        char buf[128];
        snprintf(buf, sizeof buf, "%s %s", m->folded[r->group] ? "▸" : "▾", pc_opp10_name(r->group));
        tui_fill(s, y, 0, namew, TUI_S_GROUP);
        tui_puts_trunc(s, y, 0, namew - 1, TUI_S_GROUP, buf);
        return;
    }
    int indent = 2 + 2 * r->depth;
    tui_puts_trunc(s, y, indent, namew - indent - 1, TUI_S_NORMAL,
                   v->app->s->tax->cats[r->cat].name);
}

static void mx_draw_row(tui_view *v, size_t vi, tui_screen *s, int y, int w)
{
    mx_view *m = mx_of(v);
    const mx_row *r = &m->rows[m->visible[vi]];
    int namew, colw;
    size_t ncols;
    mx_widths(v->app, w, &namew, &colw, &ncols);
    mx_draw_name(v, r, s, y, namew);
    for (size_t k = 0; k < ncols && m->left + k < v->app->s->npols; k++) {
        size_t pi = m->left + k;
        char buf[64];
        tui_state st = mx_cell(v->app, r, pi, buf, sizeof buf);
        int x = namew + (int)k * colw;
        tui_puts_trunc(s, y, x + 1, colw - 2, r->cat < 0 && st <= TUI_ST_COVERED ? TUI_S_GROUP
                                                                                  : tui_state_style(st),
                       buf);
        if (vi == m->list.sel && pi == m->col)
            tui_mark(s, y, x, colw - 1, -1, TUI_F_REVERSE | TUI_F_BOLD);
    }
    if (vi == m->list.sel)
        tui_mark(s, y, 0, namew - 1, -1, TUI_F_REVERSE);
}

static void mx_draw_head(tui_view *v, tui_screen *s, int y, int w)
{
    mx_view *m = mx_of(v);
    int namew, colw;
    size_t ncols;
    mx_widths(v->app, w, &namew, &colw, &ncols);
    tui_puts(s, y, 0, namew, TUI_S_HEADING, m->left ? "Category            «" : "Category");
    for (size_t k = 0; k < ncols && m->left + k < v->app->s->npols; k++) {
        size_t pi = m->left + k;
        int x = namew + (int)k * colw;
        tui_puts_trunc(s, y, x + 1, colw - 2, TUI_S_HEADING, tui_model_label(v->app, pi));
        if (pi == m->col)
            tui_mark(s, y, x + 1, colw - 2, -1, TUI_F_UNDERLINE);
    }
    if (m->left + ncols < v->app->s->npols)
        tui_puts(s, y, w - 1, 1, TUI_S_HEADING, "»");
}

/* The line under the table: the selected policy and category, in words. */
static void mx_draw_info(tui_view *v, tui_screen *s, int y)
{
    mx_view *m = mx_of(v);
    const mx_row *r = mx_current(m);
    const pc_policy *p = v->app->s->pols[m->col];
    char buf[512];
    if (r && r->cat >= 0) {
        size_t count;
        tui_state st = tui_model_cell(v->app, r->cat, m->col, &count);
        snprintf(buf, sizeof buf, "%s · %s: %s, %zu clause%s", p->name,
                 v->app->s->tax->cats[r->cat].name, tui_state_name(st), count,
                 count == 1 ? "" : "s");
    } else {
        snprintf(buf, sizeof buf, "%s · %s", p->name, pc_basename(p->doc->path));
    }
    tui_puts_trunc(s, y, 0, s->w, TUI_S_DIM, buf);
}

static void mx_draw_legend(tui_screen *s, int y)
{
    static const tui_state order[] = {TUI_ST_COVERED, TUI_ST_GAP, TUI_ST_MISSING,
                                      TUI_ST_CONTRADICTION, TUI_ST_DISAGREEMENT, TUI_ST_WARNING,
                                      TUI_ST_NONE};
    int x = 0;
    for (size_t i = 0; i < sizeof order / sizeof order[0] && x < s->w; i++) {
        char buf[64];
        snprintf(buf, sizeof buf, "%s %s", tui_state_glyph(order[i]), tui_state_name(order[i]));
        int bw = tui_width(buf, strlen(buf));
        if (x + bw > s->w)
            break;
        x += tui_puts(s, y, x, s->w - x, tui_state_style(order[i]), buf) + 2;
    }
}

static void mx_draw(tui_view *v, tui_screen *s, int y, int h)
{
    mx_view *m = mx_of(v);
    int extra = h >= 12 ? 2 : h >= 6 ? 1 : 0; /* the info and legend lines */
    int rows = h - 1 - extra;
    if (rows < 1)
        rows = 1;
    int namew, colw;
    size_t ncols;
    mx_widths(v->app, s->w, &namew, &colw, &ncols);
    if (m->col < m->left)
        m->left = m->col;
    if (m->col >= m->left + ncols)
        m->left = m->col - ncols + 1;
    tui_list_fit(&m->list, rows);
    v->rows = rows;
    mx_draw_head(v, s, y, s->w);
    for (int i = 0; i < rows && m->list.top + (size_t)i < m->list.n; i++)
        mx_draw_row(v, m->list.top + (size_t)i, s, y + 1 + i, s->w);
    if (extra >= 1)
        mx_draw_info(v, s, y + h - extra);
    if (extra >= 2)
        mx_draw_legend(s, y + h - 1);
}

/* Move to the next (dir 1) or previous cell that has a finding worth a look. */
static int mx_next_finding(tui_view *v, int dir)
{
    mx_view *m = mx_of(v);
    size_t npols = v->app->s->npols, n = m->nrows * npols;
    const mx_row *cur = mx_current(m);
    size_t cur_row = cur ? (size_t)(cur - m->rows) : 0;
    size_t pos = cur_row * npols + m->col;
    for (size_t step = 1; step <= n; step++) {
        size_t p = dir > 0 ? (pos + step) % n : (pos + n - step % n) % n;
        const mx_row *r = &m->rows[p / npols];
        if (r->cat < 0 || tui_model_cell(v->app, r->cat, p % npols, NULL) < TUI_ST_GAP)
            continue;
        mx_select_row(m, r->group, r->cat);
        m->col = p % npols;
        return 1;
    }
    tui_app_message(v->app, 0, "no open findings in the matrix");
    return 1;
}

static int mx_next_group(mx_view *m, int dir)
{
    size_t i = m->list.sel;
    while (dir > 0 ? i + 1 < m->list.n : i > 0) {
        i = dir > 0 ? i + 1 : i - 1;
        if (m->rows[m->visible[i]].cat < 0) {
            m->list.sel = i;
            break;
        }
    }
    return 1;
}

static int mx_fold(mx_view *m, int all)
{
    const mx_row *r = mx_current(m);
    if (all) {
        int any_open = 0;
        for (int g = 0; g < PC_OPP_COUNT; g++)
            any_open |= !m->folded[g];
        for (int g = 0; g < PC_OPP_COUNT; g++)
            m->folded[g] = any_open;
    } else if (r) {
        m->folded[r->group] = !m->folded[r->group];
    }
    if (r)
        mx_select_row(m, r->group, m->folded[r->group] ? -1 : r->cat);
    else
        mx_layout(m);
    return 1;
}

static int mx_enter(tui_view *v)
{
    mx_view *m = mx_of(v);
    const mx_row *r = mx_current(m);
    if (!r)
        return 1;
    if (r->cat < 0)
        return mx_fold(m, 0);
    tui_selection sel = tui_sel_none();
    v->ops->selection(v, &sel);
    tui_app_open_view(v->app, TUI_VIEW_SIDE, &sel);
    return 1;
}

static int mx_command(tui_view *v, tui_cmd cmd)
{
    mx_view *m = mx_of(v);
    if (tui_list_command(&m->list, cmd, v->rows))
        return 1;
    switch (cmd) {
    case TUI_CMD_LEFT:
        if (m->col > 0)
            m->col--;
        return 1;
    case TUI_CMD_RIGHT:
        if (m->col + 1 < v->app->s->npols)
            m->col++;
        return 1;
    case TUI_CMD_ENTER:
        return mx_enter(v);
    case TUI_CMD_FOLD:
        return mx_fold(m, 0);
    case TUI_CMD_FOLD_ALL:
        return mx_fold(m, 1);
    case TUI_CMD_NEXT_SECTION:
    case TUI_CMD_PREV_SECTION:
        return mx_next_group(m, cmd == TUI_CMD_NEXT_SECTION ? 1 : -1);
    case TUI_CMD_NEXT_FINDING:
    case TUI_CMD_PREV_FINDING:
        return mx_next_finding(v, cmd == TUI_CMD_NEXT_FINDING ? 1 : -1);
    default:
        return 0;
    }
}

static void mx_selection(tui_view *v, tui_selection *sel)
{
    mx_view *m = mx_of(v);
    const mx_row *r = mx_current(m);
    *sel = tui_sel_none();
    sel->kind = TUI_SEL_CATEGORY;
    sel->policy = (int)m->col;
    sel->category = r ? r->cat : -1;
}

/* Search looks at categories (name and id); each group's own top category carries its name. */
static int mx_row_matches(tui_view *v, const mx_row *r, const pcre2_code *re)
{
    if (r->cat < 0)
        return 0;
    const pc_category *c = &v->app->s->tax->cats[r->cat];
    return tui_search_match(re, c->name, strlen(c->name)) ||
           tui_search_match(re, c->id, strlen(c->id));
}

/* Search every row, folded or not, and unfold the group of the match. */
static int mx_search(tui_view *v, const pcre2_code *re, int dir)
{
    mx_view *m = mx_of(v);
    const mx_row *cur = mx_current(m);
    size_t pos = cur ? (size_t)(cur - m->rows) : 0;
    for (size_t step = 1; step <= m->nrows; step++) {
        size_t i = dir > 0 ? (pos + step) % m->nrows : (pos + m->nrows - step) % m->nrows;
        if (!mx_row_matches(v, &m->rows[i], re))
            continue;
        mx_select_row(m, m->rows[i].group, m->rows[i].cat);
        return 1;
    }
    return 0;
}

static void mx_refresh(tui_view *v)
{
    mx_view *m = mx_of(v);
    if (m->col >= v->app->s->npols)
        m->col = v->app->s->npols ? v->app->s->npols - 1 : 0;
}

static void mx_click(tui_view *v, int y, int x)
{
    mx_view *m = mx_of(v);
    int namew, colw;
    size_t ncols;
    mx_widths(v->app, v->app->w, &namew, &colw, &ncols);
    if (y < 1 || m->list.top + (size_t)(y - 1) >= m->list.n)
        return;
    size_t vi = m->list.top + (size_t)(y - 1);
    int again = vi == m->list.sel;
    m->list.sel = vi;
    if (x >= namew) {
        size_t k = (size_t)((x - namew) / colw);
        again = again && m->left + k == m->col;
        if (m->left + k < v->app->s->npols)
            m->col = m->left + k;
    }
    if (again)
        mx_enter(v);
}

static const char *mx_hint(tui_view *v)
{
    (void)v;
    return "Enter:open }:next finding f:findings o:document ?:help";
}

const tui_view_ops tui_view_matrix = {
    .name = "matrix",
    .open = mx_open,
    .draw = mx_draw,
    .command = mx_command,
    .selection = mx_selection,
    .search = mx_search,
    .refresh = mx_refresh,
    .click = mx_click,
    .hint = mx_hint,
    .close = mx_close,
};
