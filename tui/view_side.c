/* view_side.c: one category's clauses side by side, one column per policy.
 *
 * Each column lists the clauses of its policy's matrix cell (the category and its
 * descendants, as the comparison counts them), wrapped to the column, each under its section
 * title (dim, when it changes), with the spans the category's rules matched emphasised and a
 * left-edge marker: the glyph and style of the worst finding citing the clause, then the
 * reviewer's mark. A policy without a clause gets an explicit "nothing on this topic" cell
 * saying whether it is a gap or a missing required disclosure. The cursor is a clause of the
 * current column; columns scroll together (one shared offset) or one at a time.
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
#define SD_TEXTW(colw) ((colw) - SD_EDGE - 2) /* a space and the separator on the right */

typedef enum sd_kind { SD_BLANK = 0, SD_TITLE, SD_TEXT, SD_NOTE } sd_kind;

/* One line of a column. Plain value: bytes of the policy's text (title, text) or of the
 * column's note (a gap cell). */
typedef struct sd_line {
    sd_kind kind;
    size_t item; /* the clause's position in the column (0 for a note) */
    size_t start, end;
} sd_line;

/* One column: a policy's clauses on the category. Owns every array. Per item: block is its
 * first line (a blank, a title), first its first text line, end one past its last line. */
typedef struct sd_col {
    size_t *items, nitems;
    size_t *block, *first, *end;
    sd_line *lines;
    size_t nlines, cap;
    char note[512];
    tui_state state;
    size_t sel, top;
} sd_col;

/* The view. Owns cols, order and wrap. */
typedef struct sd_view {
    int cat;
    sd_col *cols; /* one per policy */
    size_t ncols;
    size_t cur, left; /* the current column, the first one shown */
    int sync;         /* columns scroll together (top) or one at a time (sd_col.top) */
    size_t top;
    int follow;       /* the cursor moved: show its clause from its first line */
    int wrapw;        /* the text width of the lines, 0 when they must be rebuilt */
    int *order;       /* categories in the matrix's order, for ] and [ */
    size_t norder;
    pc_span *wrap;    /* scratch for tui_wrap */
    size_t wrapcap;
} sd_view;

static sd_view *sd_of(tui_view *v)
{
    return v->data;
}

/* ---- columns --------------------------------------------------------------------------- */

/* The required_by entries of the category under the selected regimes, joined. */
static void sd_required(const tui_app *app, int cat, char *buf, size_t n)
{
    const pc_category *c = &app->s->tax->cats[cat];
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < c->nrequired && len < n; i++)
        if (pc_regime_of(c->required_by[i]) & app->s->regimes)
            len += (size_t)snprintf(buf + len, n - len, "%s%s", len ? ", " : "", c->required_by[i]);
}

/* The text of an empty cell: what is missing, or how many peers cover it. */
static void sd_note(const tui_app *app, int cat, size_t p, sd_col *col)
{
    const pc_cell_info *cell = pc_comparison_cell(app->s->cmp, cat, p);
    int peers = cell ? cell->peers : 0;
    char req[256];
    sd_required(app, cat, req, sizeof req);
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
    free(c->lines);
    c->items = c->block = c->first = c->end = NULL;
    c->lines = NULL;
    c->nitems = c->nlines = c->cap = 0;
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
    if (c->sel >= n)
        c->sel = n ? n - 1 : 0;
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

static int sd_add(sd_col *c, sd_kind kind, size_t item, size_t start, size_t end)
{
    if (pc_grow(&c->lines, &c->cap, c->nlines + 1, sizeof *c->lines) < 0)
        return -1;
    c->lines[c->nlines++] = (sd_line){kind, item, start, end};
    return 0;
}

/* Wrap text[0..len) (at offset base of its source) into lines of the given kind. */
static int sd_add_wrapped(sd_view *d, sd_col *c, sd_kind kind, size_t item, const char *text,
                          size_t len, size_t base)
{
    size_t n = tui_wrap(text, len, d->wrapw, NULL, 0);
    if (pc_grow(&d->wrap, &d->wrapcap, n, sizeof *d->wrap) < 0)
        return -1;
    tui_wrap(text, len, d->wrapw, d->wrap, n);
    for (size_t i = 0; i < n; i++)
        if (sd_add(c, kind, item, base + d->wrap[i].start, base + d->wrap[i].end) < 0)
            return -1;
    return 0;
}

/* The note of an empty column, one paragraph per line of it (wrapping joins lines). */
static int sd_add_note(sd_view *d, sd_col *c)
{
    size_t start = 0, len = strlen(c->note);
    while (start < len) {
        const char *nl = memchr(c->note + start, '\n', len - start);
        size_t end = nl ? (size_t)(nl - c->note) : len;
        if (sd_add_wrapped(d, c, SD_NOTE, 0, c->note + start, end - start, start) < 0)
            return -1;
        start = end + 1;
    }
    return 0;
}

static int sd_layout_item(sd_view *d, const pc_policy *p, sd_col *c, size_t i, int *section)
{
    const pc_clause *cl = &p->outline->clauses[c->items[i]];
    c->block[i] = c->nlines;
    if (i > 0 && sd_add(c, SD_BLANK, i, 0, 0) < 0)
        return -1;
    if (cl->section != *section && cl->section >= 0) {
        const pc_section *s = &p->outline->sections[cl->section];
        if (s->title_end > s->title_start &&
            sd_add_wrapped(d, c, SD_TITLE, i, p->doc->text + s->title_start,
                           s->title_end - s->title_start, s->title_start) < 0)
            return -1;
    }
    *section = cl->section;
    c->first[i] = c->nlines;
    if (sd_add_wrapped(d, c, SD_TEXT, i, p->doc->text + cl->start, cl->end - cl->start, cl->start) < 0)
        return -1;
    c->end[i] = c->nlines;
    return 0;
}

static int sd_col_layout(sd_view *d, const pc_policy *p, sd_col *c)
{
    c->nlines = 0;
    if (!c->nitems)
        return sd_add_note(d, c);
    int section = -2;
    for (size_t i = 0; i < c->nitems; i++)
        if (sd_layout_item(d, p, c, i, &section) < 0)
            return -1;
    return 0;
}

/* How many columns fit in w, their width and where the first starts (1 when « » show). */
static void sd_geometry(const sd_view *d, int w, size_t *shown, int *colw, int *x0)
{
    size_t n = d->ncols ? d->ncols : 1;
    *x0 = 0;
    if ((size_t)(w / SD_MIN_COLW) < n) {
        *x0 = 1;
        w -= 2;
        n = (size_t)(w / SD_MIN_COLW);
        if (n < 1)
            n = 1;
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
    int textw = SD_TEXTW(colw);
    if (textw < 1)
        textw = 1;
    if (d->wrapw == textw)
        return;
    d->wrapw = textw;
    for (size_t p = 0; p < d->ncols; p++)
        if (sd_col_layout(d, v->app->s->pols[p], &d->cols[p]) < 0) {
            d->cols[p].nlines = 0;
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
    size_t *top = sd_top(d, c);
    if (c->nitems && c->sel < c->nitems) {
        size_t b = c->block[c->sel], f = c->first[c->sel], e = c->end[c->sel];
        if (e - b <= rows) {
            if (b < *top)
                *top = b;
            else if (e > *top + rows)
                *top = e - rows;
        } else if (d->follow || *top + rows <= f || *top >= e) {
            *top = f;
        }
    }
    d->follow = 0;
    size_t most = 0;
    for (size_t p = 0; p < d->ncols; p++) {
        sd_col *o = &d->cols[p];
        size_t max = o->nlines > rows ? o->nlines - rows : 0;
        if (!d->sync && o->top > max)
            o->top = max;
        if (max > most)
            most = max;
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
    size_t line = from->first[from->sel];
    size_t best = 0;
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

/* The glyph of the worst finding kind in a set of kinds. */
static const char *sd_kinds_glyph(unsigned kinds)
{
    if (kinds & (1u << PC_FIND_CONTRADICTION))
        return tui_state_glyph(TUI_ST_CONTRADICTION);
    if (kinds & (1u << PC_FIND_MISSING))
        return tui_state_glyph(TUI_ST_MISSING);
    if (kinds & (1u << PC_FIND_DISAGREEMENT))
        return tui_state_glyph(TUI_ST_DISAGREEMENT);
    if (kinds & (1u << PC_FIND_GAP))
        return tui_state_glyph(TUI_ST_GAP);
    return kinds ? tui_state_glyph(TUI_ST_WARNING) : " ";
}

static void sd_draw_text(tui_view *v, size_t p, const sd_line *l, int first, tui_screen *s,
                         int y, int x, int tw)
{
    sd_view *d = sd_of(v);
    sd_col *col = &d->cols[p];
    size_t c = col->items[l->item];
    unsigned kinds = tui_model_clause_kinds(v->app, p, c);
    tui_style st = tui_model_clause_style(v->app, p, c);
    if (first) {
        const char *mark = tui_model_clause_mark(v->app, p, c);
        tui_puts(s, y, x, 1, st, sd_kinds_glyph(kinds));
        tui_puts(s, y, x + 1, 1, strcmp(mark, "?") == 0 ? TUI_S_STALE : TUI_S_REVIEWED, mark);
    } else if (kinds) {
        tui_puts(s, y, x, 1, st, "│");
    }
    const char *text = v->app->s->pols[p]->doc->text;
    tui_put(s, y, x + SD_EDGE, tw, TUI_S_NORMAL, text + l->start, l->end - l->start);
    tui_model_mark_evidence(s, y, x + SD_EDGE, v->app->s->pols[p], c, d->cat, l->start, l->end);
    if (p == d->cur && l->item == col->sel)
        tui_mark(s, y, x + SD_EDGE, tw, -1, TUI_F_REVERSE);
}

static void sd_draw_col(tui_view *v, size_t p, tui_screen *s, int y, int rows, int x, int colw)
{
    sd_view *d = sd_of(v);
    sd_col *col = &d->cols[p];
    size_t top = *sd_top(d, col);
    int tw = SD_TEXTW(colw);
    for (int r = 0; r < rows && top + (size_t)r < col->nlines; r++) {
        const sd_line *l = &col->lines[top + (size_t)r];
        const pc_policy *pol = v->app->s->pols[p];
        if (l->kind == SD_TITLE) {
            tui_put(s, y + r, x + SD_EDGE, tw, TUI_S_DIM, pol->doc->text + l->start,
                    l->end - l->start);
        } else if (l->kind == SD_TEXT) {
            sd_draw_text(v, p, l, top + (size_t)r == col->first[l->item], s, y + r, x, tw);
        } else if (l->kind == SD_NOTE) {
            tui_style st = col->state == TUI_ST_MISSING ? TUI_S_MISSING
                           : col->state == TUI_ST_NONE  ? TUI_S_DIM
                                                        : TUI_S_GAP;
            tui_put(s, y + r, x + SD_EDGE, tw, st, col->note + l->start, l->end - l->start);
            if (p == d->cur)
                tui_mark(s, y + r, x + SD_EDGE, tw, -1, TUI_F_REVERSE);
        }
    }
}

/* The category line: its name and id, how many policies cover it, the scrolling mode. */
static void sd_draw_title(tui_view *v, tui_screen *s, int y)
{
    sd_view *d = sd_of(v);
    const pc_category *c = &v->app->s->tax->cats[d->cat];
    size_t covered = 0;
    for (size_t p = 0; p < d->ncols; p++)
        covered += d->cols[p].nitems > 0;
    char buf[512];
    snprintf(buf, sizeof buf, "%s (%s) · covered by %zu of %zu · %s", c->name, c->id, covered,
             d->ncols, d->sync ? "scrolling together" : "scrolling one at a time");
    tui_puts_trunc(s, y, 0, s->w, TUI_S_HEADING, buf);
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
        int x = x0 + (int)k * colw;
        tui_state st = d->cols[p].state;
        tui_puts(s, y, x, 1, tui_state_style(st), tui_state_glyph(st));
        tui_puts_trunc(s, y, x + SD_EDGE, SD_TEXTW(colw), TUI_S_HEADING,
                       tui_model_label(v->app, p));
        if (p == d->cur)
            tui_mark(s, y, x + SD_EDGE, SD_TEXTW(colw), -1, TUI_F_REVERSE | TUI_F_BOLD);
    }
}

/* The info line: the selected clause's labels and the findings that cite it. */
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
        pc_buf_adds(&b, "labels: ");
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
    int colw, x0;
    sd_ensure(v, s->w);
    sd_geometry(d, s->w, &shown, &colw, &x0);
    if (d->cur < d->left)
        d->left = d->cur;
    if (d->cur >= d->left + shown)
        d->left = d->cur - shown + 1;
    int rows = sd_body_rows(h);
    sd_fit(d, (size_t)rows);
    sd_draw_title(v, s, y);
    sd_draw_head(v, s, y + 1, shown, colw, x0);
    for (size_t k = 0; k < shown && d->left + k < d->ncols; k++) {
        int x = x0 + (int)k * colw;
        sd_draw_col(v, d->left + k, s, y + 2, rows, x, colw);
        for (int r = 0; r < rows && k + 1 < shown && d->left + k + 1 < d->ncols; r++)
            tui_puts(s, y + 2 + r, x + colw - 1, 1, TUI_S_DIM, "│");
    }
    if (h >= 6)
        sd_draw_info(v, s, y + h - 1);
}

/* ---- commands -------------------------------------------------------------------------- */

/* Visit the clauses of every column in order after the cursor (dir 1) or before it (-1) and
 * put the cursor on the first one pred accepts. Returns 1 when found. */
typedef int (*sd_pred)(tui_view *v, size_t p, size_t clause, const void *ctx);

static int sd_seek(tui_view *v, int dir, sd_pred pred, const void *ctx)
{
    sd_view *d = sd_of(v);
    size_t total = 0, at = 0;
    for (size_t p = 0; p < d->ncols; p++) {
        if (p == d->cur)
            at = total + (d->cols[p].nitems ? d->cols[p].sel : 0);
        total += d->cols[p].nitems;
    }
    if (!total)
        return 0;
    if (!d->cols[d->cur].nitems && dir > 0)
        at = (at + total - 1) % total;
    for (size_t step = 1; step <= total; step++) {
        size_t i = dir > 0 ? (at + step) % total : (at + total - step % total) % total;
        size_t p = 0;
        while (i >= d->cols[p].nitems)
            i -= d->cols[p++].nitems;
        if (pred(v, p, d->cols[p].items[i], ctx)) {
            d->cur = p;
            d->cols[p].sel = i;
            d->follow = 1;
            return 1;
        }
    }
    return 0;
}

static int sd_cited(tui_view *v, size_t p, size_t clause, const void *ctx)
{
    (void)ctx;
    return tui_model_clause_kinds(v->app, p, clause) != 0;
}

static int sd_matches(tui_view *v, size_t p, size_t clause, const void *ctx)
{
    size_t len;
    const char *text = pc_policy_clause_text(v->app->s->pols[p], clause, &len);
    return tui_search_match(ctx, text, len);
}

/* Categories in the matrix's order: by OPP-115 group, then as the taxonomy lists them. */
static int sd_order(sd_view *d, const pc_taxonomy *tax)
{
    d->order = malloc((tax->ncats ? tax->ncats : 1) * sizeof *d->order);
    if (!d->order)
        return -1;
    for (int g = 0; g < PC_OPP_COUNT; g++)
        for (size_t c = 0; c < tax->ncats; c++)
            if (tax->cats[c].opp10 == g)
                d->order[d->norder++] = (int)c;
    return 0;
}

static int sd_next_category(tui_view *v, int dir)
{
    sd_view *d = sd_of(v);
    size_t at = 0;
    for (size_t i = 0; i < d->norder; i++)
        if (d->order[i] == d->cat)
            at = i;
    if (dir > 0 ? at + 1 >= d->norder : at == 0) {
        tui_app_message(v->app, 0, "no %s category", dir > 0 ? "next" : "previous");
        return 1;
    }
    d->cat = d->order[dir > 0 ? at + 1 : at - 1];
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

static int sd_enter(tui_view *v)
{
    tui_selection sel;
    v->ops->selection(v, &sel);
    tui_app_open_view(v->app, TUI_VIEW_DOCUMENT, &sel);
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
        c->sel = 0;
        return 1;
    case TUI_CMD_BOTTOM:
        c->sel = c->nitems ? c->nitems - 1 : 0;
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
    sd_view *d = sd_of(v);
    if (sd_move(v, cmd))
        return 1;
    switch (cmd) {
    case TUI_CMD_SYNC:
        return sd_sync(d, v->app);
    case TUI_CMD_NEXT_SECTION:
    case TUI_CMD_PREV_SECTION:
        return sd_next_category(v, cmd == TUI_CMD_NEXT_SECTION ? 1 : -1);
    case TUI_CMD_NEXT_FINDING:
    case TUI_CMD_PREV_FINDING:
        if (!sd_seek(v, cmd == TUI_CMD_NEXT_FINDING ? 1 : -1, sd_cited, NULL))
            tui_app_message(v->app, 0, "no clause here is cited by a finding");
        return 1;
    case TUI_CMD_ENTER:
        return sd_enter(v);
    default:
        return 0;
    }
}

/* ---- the rest of the protocol ------------------------------------------------------------ */

static void sd_selection(tui_view *v, tui_selection *sel)
{
    sd_view *d = sd_of(v);
    sd_col *c = &d->cols[d->cur];
    *sel = tui_sel_none();
    sel->category = d->cat;
    sel->policy = (int)d->cur;
    sel->kind = TUI_SEL_CATEGORY;
    if (c->nitems) {
        sel->kind = TUI_SEL_CLAUSE;
        sel->clause = c->items[c->sel];
    }
}

static int sd_search(tui_view *v, const pcre2_code *re, int dir)
{
    return sd_seek(v, dir, sd_matches, re);
}

static void sd_refresh(tui_view *v)
{
    if (sd_load(v) < 0)
        tui_app_message(v->app, 1, "out of memory");
}

static void sd_close(tui_view *v)
{
    sd_view *d = sd_of(v);
    if (!d)
        return;
    for (size_t p = 0; d->cols && p < d->ncols; p++)
        sd_col_free(&d->cols[p]);
    free(d->cols);
    free(d->order);
    free(d->wrap);
    free(d);
    v->data = NULL;
}

static int sd_open(tui_view *v, const tui_selection *arg)
{
    sd_view *d = calloc(1, sizeof *d);
    v->data = d;
    const pc_session *ss = v->app->s;
    if (!d || arg->category < 0 || (size_t)arg->category >= ss->tax->ncats || !ss->npols) {
        sd_close(v); /* the app closes only the views that opened */
        return -1;
    }
    d->cat = arg->category;
    d->ncols = ss->npols;
    d->sync = 1;
    d->cur = arg->policy >= 0 && (size_t)arg->policy < d->ncols ? (size_t)arg->policy : 0;
    d->cols = calloc(d->ncols, sizeof *d->cols);
    if (!d->cols || sd_order(d, ss->tax) < 0 || sd_load(v) < 0) {
        sd_close(v);
        return -1;
    }
    if (arg->kind == TUI_SEL_CLAUSE)
        for (size_t i = 0; i < d->cols[d->cur].nitems; i++)
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
    if (line < c->nlines && c->nitems)
        c->sel = c->lines[line].item;
}

static const char *sd_hint(tui_view *v)
{
    (void)v;
    return "s:sync ]:category Enter:open x:explain";
}

const tui_view_ops tui_view_side = {
    .name = "side",
    .open = sd_open,
    .draw = sd_draw,
    .command = sd_command,
    .selection = sd_selection,
    .search = sd_search,
    .refresh = sd_refresh,
    .click = sd_click,
    .hint = sd_hint,
    .close = sd_close,
};
