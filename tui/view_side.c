/* view_side.c: one category's clauses side by side, one column per policy.
 *
 * Each column lists the clauses of its policy's matrix cell (the category and its
 * descendants, as the comparison counts them), wrapped to the column (lines.h), each under its
 * section title (dim, when it changes), with the spans the category's rules matched emphasised
 * and a left-edge marker: the glyph and style of the worst finding citing the clause, then the
 * reviewer's mark. A policy without a clause gets an explicit "nothing on this topic" cell
 * saying whether it is a gap or a missing required disclosure. The cursor is a clause of the
 * current column; columns scroll together (one shared offset) or one at a time. Search and
 * } { ) ( step through the clauses of every column in order (the view base).
 *
 * The clause lists come from the comparison in open/refresh; the wrapped lines are rebuilt only
 * when the column width changes, so a keystroke costs the lines on screen.
 */
#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SD_MIN_COLW 24 /* the narrowest column that stays readable */
#define SD_EDGE 2      /* the finding marker and the reviewer's mark */
/* A column: a space after the previous column's separator (none for the first), the edge,
 * the text, a space and the separator. */
#define SD_TEXTW(colw) ((colw) - SD_EDGE - 3)
#define SD_X(x0, k, colw) ((x0) + (int)(k) * (colw) + ((k) > 0))

/* One column: a policy's clauses on the category, and their lines (tagged with the clause's
 * position in the column; a title line is dim). Owns every array. Per item: block is its first
 * line (a blank, a title), first its first text line, end one past its last line. */
typedef struct sd_col {
    size_t *items, nitems;
    size_t *block, *first, *end;
    tui_lines lines;
    char note[512];
    tui_state state;
    size_t sel, top;
} sd_col;

/* The view. Owns cols. */
typedef struct sd_view {
    int cat;
    sd_col *cols; /* one per policy */
    size_t ncols;
    size_t cur, left; /* the current column, the first one shown */
    int sync;         /* columns scroll together (top) or one at a time (sd_col.top) */
    size_t top;
    int follow;       /* the cursor moved: show its clause from its first line */
    int wrapw;        /* the text width of the lines, 0 when they must be rebuilt */
} sd_view;

static sd_view *sd_of(tui_view *v)
{
    return v->data;
}

/* ---- columns --------------------------------------------------------------------------- */

/* The text of an empty cell: what is missing, or how many peers cover it. */
static void sd_note(const tui_app *app, int cat, size_t p, sd_col *col)
{
    const pc_cell_info *cell = pc_comparison_cell(app->s->cmp, cat, p);
    const pc_category *c = &app->s->tax->cats[cat];
    int peers = cell ? cell->peers : 0, len = 0;
    char req[256] = "";
    for (size_t i = 0; i < c->nrequired && len >= 0 && (size_t)len < sizeof req; i++)
        if (pc_regime_of(c->required_by[i]) & app->s->regimes)
            len += snprintf(req + len, sizeof req - (size_t)len, "%s%s", len ? ", " : "",
                            c->required_by[i]);
    if (col->state == TUI_ST_MISSING && req[0])
        snprintf(col->note, sizeof col->note, "nothing on this topic\nmissing: %s", req);
    else if (peers > 0)
        snprintf(col->note, sizeof col->note, "nothing on this topic\ngap: %d other polic%s cover%s it",
                 peers, peers == 1 ? "y" : "ies", peers == 1 ? "s" : "");
    else
        snprintf(col->note, sizeof col->note, "nothing on this topic\nno policy covers it");
}

static void sd_col_free(sd_col *c)
{
    free(c->items);
    free(c->block);
    free(c->first);
    free(c->end);
    c->items = c->block = c->first = c->end = NULL;
    c->nitems = 0;
}

/* Read a column's clauses from the comparison, keeping the cursor on the same clause. */
static int sd_col_load(tui_app *app, int cat, size_t p, sd_col *c)
{
    size_t keep = c->nitems ? c->items[c->sel] : PC_NO_CLAUSE;
    sd_col_free(c);
    const pc_cell_info *cell = pc_comparison_cell(app->s->cmp, cat, p);
    size_t n = cell ? cell->nclauses : 0, room = n ? n : 1;
    c->items = malloc(room * sizeof *c->items);
    c->block = calloc(room, sizeof *c->block);
    c->first = calloc(room, sizeof *c->first);
    c->end = calloc(room, sizeof *c->end);
    if (!c->items || !c->block || !c->first || !c->end)
        return -1;
    if (n)
        memcpy(c->items, cell->clauses, n * sizeof *c->items);
    c->nitems = n;
    c->state = tui_model_cell(app, cat, p, NULL);
    c->note[0] = '\0';
    if (!n)
        sd_note(app, cat, p, c);
    c->sel = c->sel < n ? c->sel : n ? n - 1 : 0;
    for (size_t i = 0; i < n; i++)
        if (c->items[i] == keep)
            c->sel = i;
    return 0;
}

static int sd_load(tui_view *v)
{
    sd_view *d = sd_of(v);
    for (size_t p = 0; p < d->ncols; p++)
        if (sd_col_load(v->app, d->cat, p, &d->cols[p]) < 0)
            return -1;
    d->wrapw = 0;
    return 0;
}

/* ---- layout ---------------------------------------------------------------------------- */

/* The note of an empty column, one paragraph per line of it, in the style of its state. */
static void sd_layout_note(sd_col *c)
{
    tui_style st = c->state == TUI_ST_MISSING ? TUI_S_MISSING
                   : c->state == TUI_ST_NONE  ? TUI_S_DIM
                                              : TUI_S_GAP;
    for (const char *t = c->note; *t;) {
        const char *nl = strchr(t, '\n');
        size_t len = nl ? (size_t)(nl - t) : strlen(t);
        tui_lines_add(&c->lines, st, 0, -1, t, len);
        t += len + (nl != NULL);
    }
}

static void sd_col_layout(const pc_policy *p, sd_col *c, int textw)
{
    int section = -2;
    tui_lines_reset(&c->lines, textw, p->doc->text);
    if (!c->nitems)
        sd_layout_note(c);
    for (size_t i = 0; i < c->nitems; i++) {
        const pc_clause *cl = &p->outline->clauses[c->items[i]];
        c->block[i] = c->lines.n;
        if (i > 0)
            tui_lines_blank(&c->lines, (long)i);
        const pc_section *s = cl->section >= 0 ? &p->outline->sections[cl->section] : NULL;
        if (cl->section != section && s && s->title_end > s->title_start)
            tui_lines_ext(&c->lines, TUI_S_DIM, 0, (long)i, s->title_start, s->title_end);
        section = cl->section;
        c->first[i] = c->lines.n;
        tui_lines_ext(&c->lines, TUI_S_NORMAL, 0, (long)i, cl->start, cl->end);
        c->end[i] = c->lines.n;
    }
}

/* How many columns fit in w, their width and where the first starts (1 when « » show). */
static void sd_geometry(const sd_view *d, int w, size_t *shown, int *colw, int *x0)
{
    size_t n = d->ncols ? d->ncols : 1;
    *x0 = 0;
    if ((size_t)(w / SD_MIN_COLW) < n) {
        *x0 = 1;
        w -= 2;
        n = (size_t)(w / SD_MIN_COLW) > 1 ? (size_t)(w / SD_MIN_COLW) : 1;
    }
    *shown = n;
    *colw = w / (int)n;
}

/* Wrap every column for width w (only when the text width changed). */
static void sd_ensure(tui_view *v, int w)
{
    sd_view *d = sd_of(v);
    size_t shown;
    int colw, x0;
    sd_geometry(d, w > 0 ? w : 80, &shown, &colw, &x0);
    int textw = SD_TEXTW(colw) > 1 ? SD_TEXTW(colw) : 1;
    if (d->wrapw == textw)
        return;
    d->wrapw = textw;
    for (size_t p = 0; p < d->ncols; p++) {
        sd_col_layout(v->app->s->pols[p], &d->cols[p], textw);
        if (d->cols[p].lines.oom)
            tui_app_message(v->app, 1, "out of memory");
    }
}

/* ---- scrolling ------------------------------------------------------------------------- */

static size_t *sd_top(sd_view *d, sd_col *c)
{
    return d->sync ? &d->top : &c->top;
}

/* Rows of clause text: the view less the category line, the header and the info line. */
static int sd_body_rows(int h)
{
    int rows = h - (h >= 6 ? 3 : 2);
    return rows > 0 ? rows : 1;
}

/* Keep the cursor's clause on screen (its first line when it moved) and no top past the end. */
static void sd_fit(sd_view *d, size_t rows)
{
    sd_col *c = &d->cols[d->cur];
    size_t *top = sd_top(d, c), most = 0;
    if (c->nitems && c->sel < c->nitems) {
        size_t b = c->block[c->sel], f = c->first[c->sel], e = c->end[c->sel];
        if (e - b <= rows)
            *top = b < *top ? b : e > *top + rows ? e - rows : *top;
        else if (d->follow || *top + rows <= f || *top >= e)
            *top = f;
    }
    d->follow = 0;
    for (size_t p = 0; p < d->ncols; p++) {
        sd_col *o = &d->cols[p];
        size_t max = o->lines.n > rows ? o->lines.n - rows : 0;
        if (!d->sync && o->top > max)
            o->top = max;
        most = max > most ? max : most;
    }
    if (d->sync && d->top > most)
        d->top = most;
}

/* Move to column p; in step, put the cursor on the clause at the same screen row. */
static void sd_go_column(sd_view *d, size_t p)
{
    if (p == d->cur || p >= d->ncols)
        return;
    sd_col *from = &d->cols[d->cur], *to = &d->cols[p];
    d->cur = p;
    if (!d->sync || !from->nitems || !to->nitems || !d->wrapw)
        return;
    size_t line = from->first[from->sel], best = 0;
    for (size_t i = 0; i < to->nitems && to->block[i] <= line; i++)
        best = i;
    to->sel = best;
}

static void sd_page(sd_view *d, int dir, size_t rows)
{
    sd_col *c = &d->cols[d->cur];
    size_t page = rows > 1 ? rows - 1 : 1, *top = sd_top(d, c);
    if (dir > 0) {
        *top += page;
        for (size_t i = c->sel + 1; i < c->nitems; i++)
            if (c->end[i] > *top) {
                c->sel = i;
                break;
            }
    } else {
        *top = *top > page ? *top - page : 0;
        for (size_t i = c->sel; i-- > 0;)
            if (c->first[i] < *top + rows) {
                c->sel = i;
                break;
            }
    }
}

/* ---- drawing --------------------------------------------------------------------------- */

static void sd_draw_line(tui_view *v, size_t p, size_t li, tui_screen *s, int y, int x, int tw)
{
    sd_view *d = sd_of(v);
    sd_col *col = &d->cols[p];
    const tui_line *l = &col->lines.v[li];
    const pc_policy *pol = v->app->s->pols[p];
    pc_span para, line;
    const char *base = tui_line_para(&col->lines, li, &para, &line);
    tui_lines_draw(&col->lines, li, s, y, x + SD_EDGE, tw);
    if (l->tag < 0 || li < col->first[l->tag]) { /* a note, a blank, a title */
        if (l->tag < 0 && p == d->cur)
            tui_mark(s, y, x + SD_EDGE, tw, -1, TUI_F_REVERSE);
        return;
    }
    size_t c = col->items[l->tag];
    tui_draw_clause_marks(v->app, s, y, x, p, c, li == col->first[l->tag]);
    tui_model_mark_evidence(s, y, x + SD_EDGE, pol, c, d->cat, l->start, l->end);
    tui_mark_matches(v->app, s, y, x + SD_EDGE, base, para, line);
    if (p == d->cur && (size_t)l->tag == col->sel)
        tui_mark(s, y, x + SD_EDGE, tw, -1, TUI_F_REVERSE);
}

/* The category line: its name and id, how many policies cover it, the scrolling mode. */
static void sd_draw_title(tui_view *v, tui_screen *s, int y)
{
    sd_view *d = sd_of(v);
    const pc_category *c = &v->app->s->tax->cats[d->cat];
    size_t covered = 0;
    for (size_t p = 0; p < d->ncols; p++)
        covered += d->cols[p].nitems > 0;
    tui_printf(s, y, 0, s->w, TUI_S_HEADING, "%s (%s) · covered by %zu of %zu · %s", c->name, c->id,
               covered, d->ncols, d->sync ? "scrolling together" : "scrolling one at a time");
}

static void sd_draw_head(tui_view *v, tui_screen *s, int y, size_t shown, int colw, int x0)
{
    sd_view *d = sd_of(v);
    if (d->left > 0)
        tui_puts(s, y, 0, 1, TUI_S_HEADING, "«");
    if (d->left + shown < d->ncols)
        tui_puts(s, y, s->w - 1, 1, TUI_S_HEADING, "»");
    for (size_t k = 0; k < shown && d->left + k < d->ncols; k++) {
        size_t p = d->left + k;
        int x = SD_X(x0, k, colw);
        tui_state st = d->cols[p].state;
        tui_puts(s, y, x, 1, tui_state_style(st), tui_state_glyph(st));
        tui_puts_trunc(s, y, x + SD_EDGE, SD_TEXTW(colw), TUI_S_HEADING, tui_model_label(v->app, p));
        if (p == d->cur)
            tui_mark(s, y, x + SD_EDGE, SD_TEXTW(colw), -1, TUI_F_REVERSE | TUI_F_BOLD);
    }
}

/* The info line: the selected clause's number and labels, and the findings that cite it. */
static void sd_draw_info(tui_view *v, tui_screen *s, int y)
{
    sd_view *d = sd_of(v);
    sd_col *col = &d->cols[d->cur];
    const pc_policy *pol = v->app->s->pols[d->cur];
    pc_buf b = {0};
    if (!col->nitems) {
        pc_buf_printf(&b, "%s: %s", pol->name, tui_state_name(col->state));
    } else {
        size_t c = col->items[col->sel];
        pc_buf_printf(&b, "%s, clause %zu · labels: ", pol->id, c + 1);
        tui_model_labels(pol, c, ", ", 1, &b);
        for (size_t i = 0; i < v->app->s->cmp->nfindings; i++) {
            const pc_finding *f = &v->app->s->cmp->findings[i];
            for (size_t k = 0; k < f->nrefs && !tui_model_dismissed(v->app, i); k++)
                if (f->refs[k].policy == (int)d->cur && f->refs[k].clause == c) {
                    pc_buf_printf(&b, " · %s: %s", pc_finding_kind_name(f->kind), f->message);
                    break;
                }
        }
    }
    tui_puts_trunc(s, y, 0, s->w, TUI_S_DIM, b.data ? b.data : "");
    pc_buf_free(&b);
}

static void sd_draw(tui_view *v, tui_screen *s, int y, int h)
{
    sd_view *d = sd_of(v);
    size_t shown;
    int colw, x0, rows = sd_body_rows(h);
    sd_ensure(v, s->w);
    sd_geometry(d, s->w, &shown, &colw, &x0);
    d->left = d->cur < d->left ? d->cur : d->cur >= d->left + shown ? d->cur - shown + 1 : d->left;
    sd_fit(d, (size_t)rows);
    sd_draw_title(v, s, y);
    sd_draw_head(v, s, y + 1, shown, colw, x0);
    for (size_t k = 0; k < shown && d->left + k < d->ncols; k++) {
        int x = SD_X(x0, k, colw);
        sd_col *col = &d->cols[d->left + k];
        size_t top = *sd_top(d, col);
        for (int r = 0; r < rows && top + (size_t)r < col->lines.n; r++)
            sd_draw_line(v, d->left + k, top + (size_t)r, s, y + 2 + r, x, SD_TEXTW(colw));
        for (int r = 0; r < rows && k + 1 < shown && d->left + k + 1 < d->ncols; r++)
            tui_puts(s, y + 2 + r, x0 + (int)(k + 1) * colw - 1, 1, TUI_S_DIM, "│");
    }
    if (h >= 6)
        sd_draw_info(v, s, y + h - 1);
}

/* ---- items: every column's clauses in order ---------------------------------------------- */

static size_t sd_items(tui_view *v, size_t *cur)
{
    sd_view *d = sd_of(v);
    size_t total = 0;
    *cur = 0;
    for (size_t p = 0; p < d->ncols; p++) {
        if (p == d->cur) /* an empty column: just before the next column's first clause */
            *cur = d->cols[p].nitems ? total + d->cols[p].sel : total ? total - 1 : SIZE_MAX;
        total += d->cols[p].nitems;
    }
    return total;
}

/* Item i: its column and its position there. */
static sd_col *sd_item(sd_view *d, size_t i, size_t *p, size_t *pos)
{
    for (*p = 0; *p < d->ncols && i >= d->cols[*p].nitems; (*p)++)
        i -= d->cols[*p].nitems;
    *pos = i;
    return *p < d->ncols ? &d->cols[*p] : NULL;
}

static void sd_go(tui_view *v, size_t i)
{
    sd_view *d = sd_of(v);
    size_t p, pos;
    sd_col *c = sd_item(d, i, &p, &pos);
    if (!c)
        return;
    d->cur = p;
    c->sel = pos;
    d->follow = 1;
}

static int sd_match(tui_view *v, size_t i, const pcre2_code *re)
{
    size_t p, pos, len;
    sd_col *c = sd_item(sd_of(v), i, &p, &pos);
    const char *text = pc_policy_clause_text(v->app->s->pols[p], c->items[pos], &len);
    return tui_search_match(re, text, len);
}

static unsigned sd_flags(tui_view *v, size_t i)
{
    size_t p, pos;
    sd_col *c = sd_item(sd_of(v), i, &p, &pos);
    return (tui_model_clause_kinds(v->app, p, c->items[pos]) ? TUI_ITEM_FINDING : 0) |
           (tui_model_clause_mark(v->app, p, c->items[pos]) == TUI_MARK_STALE ? TUI_ITEM_STALE : 0);
}

/* ---- commands -------------------------------------------------------------------------- */

/* ] and [: the next or previous category in the matrix's order (by OPP-115 group, then as
 * the taxonomy lists them). */
static int sd_next_category(tui_view *v, int dir)
{
    sd_view *d = sd_of(v);
    const pc_taxonomy *tax = v->app->s->tax;
    int prev = -1, next = -1, seen = 0;
    for (int g = 0; g < PC_OPP_COUNT; g++)
        for (size_t c = 0; c < tax->ncats; c++) {
            if (tax->cats[c].opp10 != g)
                continue;
            if ((int)c == d->cat)
                seen = 1;
            else if (!seen)
                prev = (int)c;
            else if (next < 0)
                next = (int)c;
        }
    next = dir > 0 ? next : prev;
    if (next < 0) {
        tui_app_message(v->app, 0, "no %s category", dir > 0 ? "next" : "previous");
        return 1;
    }
    d->cat = next;
    for (size_t p = 0; p < d->ncols; p++)
        d->cols[p].sel = d->cols[p].top = 0;
    d->top = 0;
    if (sd_load(v) < 0)
        tui_app_message(v->app, 1, "out of memory");
    return 1;
}

static int sd_sync(sd_view *d, tui_app *app)
{
    d->sync = !d->sync;
    if (d->sync)
        d->top = d->cols[d->cur].top;
    else
        for (size_t p = 0; p < d->ncols; p++)
            d->cols[p].top = d->top;
    tui_app_message(app, 0, "%s", d->sync ? "columns scroll together" : "columns scroll one at a time");
    return 1;
}

static int sd_move(tui_view *v, tui_cmd cmd)
{
    sd_view *d = sd_of(v);
    sd_col *c = &d->cols[d->cur];
    d->follow = 1;
    switch (cmd) {
    case TUI_CMD_DOWN:
        c->sel += c->sel + 1 < c->nitems;
        return 1;
    case TUI_CMD_UP:
        c->sel -= c->sel > 0;
        return 1;
    case TUI_CMD_TOP:
    case TUI_CMD_BOTTOM:
        c->sel = cmd == TUI_CMD_BOTTOM && c->nitems ? c->nitems - 1 : 0;
        return 1;
    case TUI_CMD_PAGE_DOWN:
    case TUI_CMD_PAGE_UP:
        d->follow = 0;
        sd_ensure(v, v->app->w);
        sd_page(d, cmd == TUI_CMD_PAGE_DOWN ? 1 : -1, (size_t)sd_body_rows(v->rows));
        return 1;
    case TUI_CMD_LEFT:
    case TUI_CMD_PREV_PANE:
        sd_go_column(d, d->cur > 0 ? d->cur - 1 : cmd == TUI_CMD_PREV_PANE ? d->ncols - 1 : 0);
        return 1;
    case TUI_CMD_RIGHT:
    case TUI_CMD_NEXT_PANE:
        sd_go_column(d, d->cur + 1 < d->ncols ? d->cur + 1 : cmd == TUI_CMD_NEXT_PANE ? 0 : d->cur);
        return 1;
    default:
        d->follow = 0;
        return 0;
    }
}

static int sd_command(tui_view *v, tui_cmd cmd)
{
    if (sd_move(v, cmd))
        return 1;
    switch (cmd) {
    case TUI_CMD_SYNC:
        return sd_sync(sd_of(v), v->app);
    case TUI_CMD_NEXT_SECTION:
    case TUI_CMD_PREV_SECTION:
        return sd_next_category(v, cmd == TUI_CMD_NEXT_SECTION ? 1 : -1);
    case TUI_CMD_ENTER:
        return tui_view_open_here(v, TUI_VIEW_DOCUMENT);
    default:
        return 0;
    }
}

/* ---- the rest of the protocol ------------------------------------------------------------ */

static void sd_selection(tui_view *v, tui_selection *sel)
{
    sd_view *d = sd_of(v);
    sd_col *c = &d->cols[d->cur];
    sel->category = d->cat;
    sel->policy = (int)d->cur;
    sel->kind = c->nitems ? TUI_SEL_CLAUSE : TUI_SEL_CATEGORY;
    sel->clause = c->nitems ? c->items[c->sel] : PC_NO_CLAUSE;
}

static void sd_refresh(tui_view *v)
{
    if (sd_load(v) < 0)
        tui_app_message(v->app, 1, "out of memory");
}

static void sd_close(tui_view *v)
{
    sd_view *d = sd_of(v);
    for (size_t p = 0; d->cols && p < d->ncols; p++) {
        sd_col_free(&d->cols[p]);
        tui_lines_free(&d->cols[p].lines);
    }
    free(d->cols);
}

static int sd_open(tui_view *v, const tui_selection *arg)
{
    sd_view *d = sd_of(v);
    const pc_session *ss = v->app->s;
    if (arg->category < 0 || (size_t)arg->category >= ss->tax->ncats || !ss->npols)
        return -1;
    d->cat = arg->category;
    d->ncols = ss->npols;
    d->sync = 1;
    d->cur = arg->policy >= 0 && (size_t)arg->policy < d->ncols ? (size_t)arg->policy : 0;
    d->cols = calloc(d->ncols, sizeof *d->cols);
    if (!d->cols || sd_load(v) < 0)
        return -1;
    for (size_t i = 0; arg->kind == TUI_SEL_CLAUSE && i < d->cols[d->cur].nitems; i++)
        if (d->cols[d->cur].items[i] == arg->clause)
            d->cols[d->cur].sel = i;
    d->follow = 1;
    return 0;
}

static void sd_click(tui_view *v, int y, int x)
{
    sd_view *d = sd_of(v);
    size_t shown;
    int colw, x0;
    sd_geometry(d, v->app->w, &shown, &colw, &x0);
    if (x < x0 || y < 2 || y - 2 >= sd_body_rows(v->rows))
        return;
    size_t p = d->left + (size_t)((x - x0) / colw);
    if (p >= d->ncols)
        return;
    sd_col *c = &d->cols[p];
    size_t line = *sd_top(d, c) + (size_t)(y - 2);
    d->cur = p;
    if (line < c->lines.n && c->nitems && c->lines.v[line].tag >= 0)
        c->sel = (size_t)c->lines.v[line].tag;
}

/* `e`: the category's clauses in every policy. */
static int sd_rows(tui_view *v, tui_export *out)
{
    sd_view *d = sd_of(v);
    size_t n = 0;
    for (size_t p = 0; p < d->ncols; p++)
        n += d->cols[p].nitems;
    out->rows = (pc_rows){PC_ROWS_CLAUSES, NULL, 0, -1, d->cat, NULL};
    snprintf(out->what, sizeof out->what, "%zu clauses on %s", n, v->app->s->tax->cats[d->cat].name);
    snprintf(out->name, sizeof out->name, "polcmp-%s", v->app->s->tax->cats[d->cat].id);
    return 0;
}

static const tui_hint sd_hints[] = {{TUI_CMD_SYNC, "sync"},     {TUI_CMD_NEXT_SECTION, "category"},
                                    {TUI_CMD_ENTER, "open"},    {TUI_CMD_EXPLAIN, "explain"},
                                    {TUI_CMD_NONE, 0}};

const tui_view_ops tui_view_side = {
    .name = "side",
    .size = sizeof(sd_view),
    .hints = sd_hints,
    .open = sd_open,
    .close = sd_close,
    .draw = sd_draw,
    .command = sd_command,
    .selection = sd_selection,
    .items = sd_items,
    .go = sd_go,
    .match = sd_match,
    .flags = sd_flags,
    .refresh = sd_refresh,
    .click = sd_click,
    .rows = sd_rows,
};
