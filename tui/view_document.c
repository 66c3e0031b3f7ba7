/* view_document.c: one policy as a document. On the left its section outline (titles indented
 * by level, the current section highlighted; hidden below 60 columns), on the right its text
 * clause by clause, wrapped under the section headings, each clause followed by its labels
 * (category ids, dim) and marked at the left edge with the worst finding that cites it (glyph
 * and style) and the reviewer's mark. Web chrome is never shown: only titles and clauses are.
 * Search and } { ) ( step through the headings and clauses in reading order (the view base).
 *
 * The order of headings and clauses ("items") is computed once per policy; the wrapped layout
 * is computed for one width and rebuilt only when the width changes or the comparison is
 * rebuilt (labels change with a relabel), so moving never costs more than a few items. */
#include "app.h"
#include "doc_text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DV_OUTLINE_MIN_W 60

/* The view. Owns doc. */
typedef struct dv_view {
    size_t pol;
    dv_doc doc;
    size_t top;              /* the first row shown */
    size_t cur;              /* the clause under the cursor; PC_NO_CLAUSE when there is none */
    int section;             /* the current section (-1 when the document has none) */
    int pane;                /* 0 the text, 1 the outline */
    int jumped;              /* put the current section's first row at the top at next draw */
    size_t heading;          /* the heading the cursor went to (an item), or SIZE_MAX */
    tui_list outline;        /* over the sections */
    int outline_w;           /* the outline's width at the last draw (0: hidden) */
} dv_view;

static dv_view *dv_of(tui_view *v)
{
    return v->data;
}

static const pc_policy *dv_policy(tui_view *v)
{
    return v->app->s->pols[dv_of(v)->pol];
}

/* Put the cursor on clause c; its section becomes the current one. */
static void dv_set_clause(tui_view *v, size_t c)
{
    dv_view *d = dv_of(v);
    if (c == PC_NO_CLAUSE)
        return;
    d->cur = c;
    d->section = dv_policy(v)->outline->clauses[c].section;
    d->heading = SIZE_MAX;
}

/* Make section s the current one: the cursor goes to its first clause (or the next one), and
 * the text scrolls to its heading. */
static void dv_goto_section(tui_view *v, int s)
{
    dv_view *d = dv_of(v);
    if (s < 0 || (size_t)s >= dv_policy(v)->outline->nsections)
        return;
    size_t c = dv_doc_clause_from(&d->doc, d->doc.section_item[s], 1);
    if (c == PC_NO_CLAUSE)
        c = dv_doc_clause_from(&d->doc, d->doc.section_item[s], -1);
    if (c != PC_NO_CLAUSE)
        d->cur = c;
    d->section = s;
    d->jumped = 1;
    d->heading = d->doc.section_item[s];
}

/* Open policy pi at its beginning. */
static int dv_load(tui_view *v, size_t pi)
{
    dv_view *d = dv_of(v);
    dv_doc_free(&d->doc);
    d->pol = pi;
    const pc_outline *o = dv_policy(v)->outline;
    if (dv_doc_build(&d->doc, dv_policy(v)) < 0)
        return -1;
    d->top = 0;
    d->cur = PC_NO_CLAUSE;
    d->heading = SIZE_MAX;
    d->section = o->nsections ? 0 : -1;
    d->outline = (tui_list){o->nsections, 0, 0};
    dv_set_clause(v, dv_doc_clause_from(&d->doc, 0, 1));
    return 0;
}

/* Where a finding that was selected points in this policy: its empty section or its clause. */
static void dv_start_at_finding(tui_view *v, long fi)
{
    dv_view *d = dv_of(v);
    if (fi < 0 || (size_t)fi >= v->app->s->cmp->nfindings)
        return;
    const pc_finding *f = &v->app->s->cmp->findings[fi];
    for (size_t r = 0; r < f->nrefs; r++) {
        const pc_ref *ref = &f->refs[r];
        if (ref->policy != (int)d->pol)
            continue;
        if (ref->clause != PC_NO_CLAUSE && ref->clause < dv_policy(v)->outline->nclauses)
            dv_set_clause(v, ref->clause);
        else
            dv_goto_section(v, ref->section);
        return;
    }
}

static void dv_start(tui_view *v, const tui_selection *arg)
{
    dv_view *d = dv_of(v);
    const pc_outline *o = dv_policy(v)->outline;
    if (arg->clause != PC_NO_CLAUSE && arg->clause < o->nclauses) {
        dv_set_clause(v, arg->clause);
        d->jumped = 0;
    } else if (arg->kind == TUI_SEL_FINDING) {
        dv_start_at_finding(v, arg->finding);
    } else if (arg->category >= 0) {
        const pc_cell_info *cell = pc_comparison_cell(v->app->s->cmp, arg->category, d->pol);
        if (cell && cell->nclauses)
            dv_set_clause(v, cell->clauses[0]);
    }
}

static int dv_open(tui_view *v, const tui_selection *arg)
{
    size_t np = v->app->s->npols;
    if (!np)
        return -1;
    size_t pi = arg->policy >= 0 && (size_t)arg->policy < np ? (size_t)arg->policy : 0;
    if (dv_load(v, pi) < 0)
        return -1;
    dv_start(v, arg);
    return 0;
}

static void dv_close(tui_view *v)
{
    dv_doc_free(&dv_of(v)->doc);
}

/* Lay out again for a new width (or new labels), keeping the clause or heading on top. */
static int dv_relayout(tui_view *v, int tw)
{
    dv_view *d = dv_of(v);
    int had = d->top < d->doc.nrows;
    dv_row anchor = had ? d->doc.rows[d->top] : (dv_row){0};
    if (dv_doc_layout(&d->doc, dv_policy(v), tw) < 0)
        return -1;
    if (had && anchor.clause != PC_NO_CLAUSE)
        d->top = d->doc.clause_row[anchor.clause];
    else if (had && anchor.section >= 0)
        d->top = d->doc.section_row[anchor.section];
    return 0;
}

static void dv_draw_row(tui_view *v, const dv_row *r, tui_screen *s, int y, int x0)
{
    dv_view *d = dv_of(v);
    const pc_policy *p = dv_policy(v);
    int x = x0 + 3 + r->indent, room = s->w - x;
    char labels[512];
    pc_span line = {r->start, r->end};
    if (r->kind == DV_HEADING) {
        tui_put(s, y, x0 + r->indent, s->w - x0 - r->indent, TUI_S_HEADING,
                d->doc.disp.data + r->start, r->end - r->start);
        tui_mark_matches(v->app, s, y, x0 + r->indent, d->doc.disp.data,
                         d->doc.section_span[r->section], line);
        return;
    }
    if (r->kind == DV_BLANK)
        return;
    tui_draw_clause_marks(v->app, s, y, x0, d->pol, r->clause, r->first);
    if (r->kind == DV_LABELS) {
        dv_labels(p, r->clause, labels, sizeof labels);
        tui_printf(s, y, x, room, TUI_S_DIM, "[%s]", labels);
        return;
    }
    if (r->bullet)
        tui_puts(s, y, x - 2, 2, TUI_S_DIM, "•");
    int w = tui_put(s, y, x, room, TUI_S_NORMAL, d->doc.disp.data + r->start, r->end - r->start);
    tui_mark_matches(v->app, s, y, x, d->doc.disp.data, d->doc.clause_span[r->clause], line);
    if (r->labels) {
        dv_labels(p, r->clause, labels, sizeof labels);
        tui_printf(s, y, x + w + 2, room - w - 2, TUI_S_DIM, "[%s]", labels);
    }
}

/* The last row of clause c. */
static size_t dv_clause_last_row(const dv_view *d, size_t c)
{
    size_t r = d->doc.clause_row[c];
    while (r + 1 < d->doc.nrows && d->doc.rows[r + 1].clause == c && d->doc.rows[r + 1].kind != DV_HEADING)
        r++;
    return r;
}

/* Scroll so the cursor's clause is visible (after a jump, the section's heading on top). */
static void dv_fit(dv_view *d, int h)
{
    size_t rows = h > 0 ? (size_t)h : 1;
    if (d->jumped && d->section >= 0)
        d->top = d->doc.section_row[d->section];
    d->jumped = 0;
    if (d->cur != PC_NO_CLAUSE) {
        size_t first = d->doc.clause_row[d->cur], last = dv_clause_last_row(d, d->cur);
        if (last >= d->top + rows)
            d->top = last - rows + 1;
        if (first < d->top || last - first >= rows)
            d->top = first;
    }
    if (d->top + rows > d->doc.nrows)
        d->top = d->doc.nrows > rows ? d->doc.nrows - rows : 0;
}

static void dv_draw_text(tui_view *v, tui_screen *s, int y, int h, int x0)
{
    dv_view *d = dv_of(v);
    if (d->doc.width != s->w - x0 && dv_relayout(v, s->w - x0) < 0) {
        tui_puts(s, y, x0, s->w - x0, TUI_S_ERROR, "out of memory");
        return;
    }
    dv_fit(d, h);
    if (!d->doc.nrows)
        tui_puts(s, y, x0 + 3, s->w - x0 - 3, TUI_S_DIM, "this document has no text");
    for (int i = 0; i < h && d->top + (size_t)i < d->doc.nrows; i++) {
        const dv_row *r = &d->doc.rows[d->top + (size_t)i];
        dv_draw_row(v, r, s, y + i, x0);
        if (r->clause == d->cur && r->kind != DV_HEADING && r->kind != DV_BLANK)
            tui_mark(s, y + i, x0 + 2, s->w - x0 - 2, -1, d->pane ? TUI_F_BOLD : TUI_F_REVERSE);
    }
}

static void dv_draw_outline(tui_view *v, tui_screen *s, int y, int h, int ow)
{
    dv_view *d = dv_of(v);
    const pc_policy *p = dv_policy(v);
    if (!d->pane && d->section >= 0)
        d->outline.sel = (size_t)d->section;
    tui_list_fit(&d->outline, h);
    for (int i = 0; i < h && d->outline.top + (size_t)i < d->outline.n; i++) {
        size_t si = d->outline.top + (size_t)i;
        const pc_section *sec = &p->outline->sections[si];
        int indent = 2 * (sec->level > 1 ? sec->level - 1 : 0);
        indent = indent < ow / 2 ? indent : ow / 2;
        tui_style st = (int)si == d->section ? TUI_S_HEADING : TUI_S_NORMAL;
        pc_span t = d->doc.section_span[si];
        if (t.end > t.start)
            tui_puts_trunc(s, y + i, indent, ow - indent - 1, st, d->doc.disp.data + t.start);
        else
            tui_puts(s, y + i, indent, ow - indent - 1, TUI_S_DIM, "(untitled)");
        if ((int)si == d->section)
            tui_mark(s, y + i, 0, ow - 1, -1, TUI_F_BOLD);
        if (d->pane && si == d->outline.sel)
            tui_mark(s, y + i, 0, ow - 1, -1, TUI_F_REVERSE);
    }
    for (int i = 0; i < h; i++)
        tui_puts(s, y + i, ow - 1, 1, TUI_S_DIM, "│");
}

/* The first line: the document's title, the clause under the cursor (and its page, in a PDF),
 * and which policy of how many. */
static void dv_draw_title(tui_view *v, tui_screen *s, int y)
{
    char pos[96], page[32] = "";
    const pc_policy *p = dv_policy(v);
    size_t cur = dv_of(v)->cur, n = p->outline->nclauses;
    unsigned pg = cur < n ? pc_doc_source_page(p->doc, p->outline->clauses[cur].start) : 0;
    if (pg)
        snprintf(page, sizeof page, "p. %u · ", pg);
    if (cur < n && s->w >= 60)
        snprintf(pos, sizeof pos, " clause %zu/%zu · %s%zu/%zu", cur + 1, n, page,
                 dv_of(v)->pol + 1, v->app->s->npols);
    else
        snprintf(pos, sizeof pos, " %s%zu/%zu", page, dv_of(v)->pol + 1, v->app->s->npols);
    int pw = tui_width(pos, strlen(pos));
    tui_puts_trunc(s, y, 0, s->w - pw, TUI_S_HEADING, dv_policy(v)->name);
    tui_puts(s, y, s->w - pw, pw, TUI_S_DIM, pos);
}

/* The policy's load warnings on one line, when it has any; returns the rows used. */
static int dv_draw_warnings(tui_view *v, tui_screen *s, int y)
{
    const pc_doc *doc = dv_policy(v)->doc;
    if (!doc->nwarnings)
        return 0;
    pc_buf b = {0};
    for (size_t i = 0; i < doc->nwarnings; i++)
        pc_buf_printf(&b, "%s%s", i ? " · " : "⚠ ", doc->warnings[i].msg);
    tui_fill(s, y, 0, s->w, TUI_S_WARNING);
    tui_puts_trunc(s, y, 0, s->w, TUI_S_WARNING, b.data ? b.data : "");
    pc_buf_free(&b);
    return 1;
}

static void dv_draw(tui_view *v, tui_screen *s, int y, int h)
{
    dv_view *d = dv_of(v);
    int ow = s->w < DV_OUTLINE_MIN_W ? 0 : s->w / 4 > 36 ? 36 : s->w / 4; /* the outline */
    d->outline_w = ow;
    if (!ow)
        d->pane = 0;
    dv_draw_title(v, s, y);
    if (h > 3 && dv_draw_warnings(v, s, y + 1)) {
        y++;
        h--;
    }
    v->rows = h > 1 ? h - 1 : 1;
    if (h < 2)
        return;
    if (ow)
        dv_draw_outline(v, s, y + 1, h - 1, ow);
    dv_draw_text(v, s, y + 1, h - 1, ow ? ow + 1 : 0);
}

/* Move the cursor n clauses forward (dir 1) or back, stopping at the ends. */
static void dv_step(tui_view *v, int dir, size_t n)
{
    dv_view *d = dv_of(v);
    if (d->cur == PC_NO_CLAUSE)
        return;
    size_t i = d->doc.clause_item[d->cur];
    for (size_t k = 0; k < n; k++) {
        size_t next = PC_NO_CLAUSE;
        if (dir > 0 && i + 1 < d->doc.nitems)
            next = dv_doc_clause_from(&d->doc, i + 1, 1);
        else if (dir < 0 && i > 0)
            next = dv_doc_clause_from(&d->doc, i - 1, -1);
        if (next == PC_NO_CLAUSE)
            break;
        i = d->doc.clause_item[next];
    }
    dv_set_clause(v, d->doc.items[i].clause);
}

/* A page: as many clauses as fill the pane, counted in laid-out rows when there are some. */
static void dv_page(tui_view *v, int dir)
{
    dv_view *d = dv_of(v);
    size_t page = v->rows > 2 ? (size_t)v->rows - 1 : 1;
    if (!d->doc.width || d->cur == PC_NO_CLAUSE) {
        dv_step(v, dir, page);
        return;
    }
    size_t r = d->doc.clause_row[d->cur];
    r = dir > 0 ? (r + page < d->doc.nrows ? r + page : d->doc.nrows - 1) : (r > page ? r - page : 0);
    while (d->doc.rows[r].clause == PC_NO_CLAUSE && (dir > 0 ? r + 1 < d->doc.nrows : r > 0))
        r = dir > 0 ? r + 1 : r - 1;
    if (d->doc.rows[r].clause != PC_NO_CLAUSE)
        dv_set_clause(v, d->doc.rows[r].clause);
    d->top = dir > 0 ? d->top + page : (d->top > page ? d->top - page : 0);
}

static int dv_switch_policy(tui_view *v, int dir)
{
    dv_view *d = dv_of(v);
    if (dir < 0 ? d->pol == 0 : d->pol + 1 >= v->app->s->npols) {
        tui_app_message(v->app, 0, "this is the %s policy", dir < 0 ? "first" : "last");
        return 1;
    }
    if (dv_load(v, dir < 0 ? d->pol - 1 : d->pol + 1) < 0)
        tui_app_message(v->app, 1, "out of memory");
    return 1;
}

static int dv_switch_pane(tui_view *v)
{
    dv_view *d = dv_of(v);
    if (v->app->w && v->app->w < DV_OUTLINE_MIN_W) {
        tui_app_message(v->app, 0, "the outline is hidden below %d columns", DV_OUTLINE_MIN_W);
        return 1;
    }
    d->pane = !d->pane;
    if (d->pane && d->section >= 0)
        d->outline.sel = (size_t)d->section;
    return 1;
}

/* Enter: in the outline, show the section; on a clause a finding cites, list its findings. */
static int dv_enter(tui_view *v)
{
    dv_view *d = dv_of(v);
    if (d->pane) {
        dv_goto_section(v, (int)d->outline.sel);
        d->pane = 0;
        return 1;
    }
    if (d->cur != PC_NO_CLAUSE && tui_model_clause_kinds(v->app, d->pol, d->cur))
        return tui_view_open_here(v, TUI_VIEW_FINDINGS);
    tui_app_message(v->app, 0, "no finding cites this clause; x explains its labels");
    return 1;
}

static int dv_move_command(tui_view *v, tui_cmd cmd)
{
    dv_view *d = dv_of(v);
    switch (cmd) {
    case TUI_CMD_DOWN:
    case TUI_CMD_UP:
        dv_step(v, cmd == TUI_CMD_DOWN ? 1 : -1, 1);
        return 1;
    case TUI_CMD_PAGE_DOWN:
    case TUI_CMD_PAGE_UP:
        dv_page(v, cmd == TUI_CMD_PAGE_DOWN ? 1 : -1);
        return 1;
    case TUI_CMD_TOP:
        dv_set_clause(v, dv_doc_clause_from(&d->doc, 0, 1));
        return 1;
    case TUI_CMD_BOTTOM:
        dv_set_clause(v, d->doc.nitems ? dv_doc_clause_from(&d->doc, d->doc.nitems - 1, -1) : PC_NO_CLAUSE);
        return 1;
    default:
        return 0;
    }
}

static int dv_command(tui_view *v, tui_cmd cmd)
{
    dv_view *d = dv_of(v);
    if (d->pane ? tui_list_command(&d->outline, cmd, v->rows) : dv_move_command(v, cmd))
        return 1;
    switch (cmd) {
    case TUI_CMD_LEFT:
    case TUI_CMD_RIGHT:
        return dv_switch_policy(v, cmd == TUI_CMD_RIGHT ? 1 : -1);
    case TUI_CMD_NEXT_PANE:
    case TUI_CMD_PREV_PANE:
        return dv_switch_pane(v);
    case TUI_CMD_NEXT_SECTION:
    case TUI_CMD_PREV_SECTION:
        dv_goto_section(v, d->section + (cmd == TUI_CMD_NEXT_SECTION ? 1 : -1));
        return 1;
    case TUI_CMD_ENTER:
        return dv_enter(v);
    default:
        return 0;
    }
}

static void dv_selection(tui_view *v, tui_selection *sel)
{
    dv_view *d = dv_of(v);
    sel->policy = (int)d->pol;
    if (d->cur == PC_NO_CLAUSE)
        return;
    sel->kind = TUI_SEL_CLAUSE;
    sel->clause = d->cur;
}

/* ---- items: headings and clauses in reading order ------------------------------------------ */

static size_t dv_items(tui_view *v, size_t *cur)
{
    dv_view *d = dv_of(v);
    *cur = d->heading != SIZE_MAX ? d->heading
           : d->cur != PC_NO_CLAUSE ? d->doc.clause_item[d->cur]
                                    : 0;
    return d->doc.nitems;
}

static void dv_go(tui_view *v, size_t i)
{
    const dv_item *it = &dv_of(v)->doc.items[i];
    if (it->clause == PC_NO_CLAUSE)
        dv_goto_section(v, it->section);
    else
        dv_set_clause(v, it->clause);
}

static int dv_match(tui_view *v, size_t i, const pcre2_code *re)
{
    dv_view *d = dv_of(v);
    const dv_item *it = &d->doc.items[i];
    pc_span t = it->clause != PC_NO_CLAUSE ? d->doc.clause_span[it->clause]
                                           : d->doc.section_span[it->section];
    return t.end > t.start && tui_search_match(re, d->doc.disp.data + t.start, t.end - t.start);
}

static unsigned dv_flags(tui_view *v, size_t i)
{
    dv_view *d = dv_of(v);
    size_t c = d->doc.items[i].clause;
    if (c == PC_NO_CLAUSE)
        return 0;
    return (tui_model_clause_kinds(v->app, d->pol, c) ? TUI_ITEM_FINDING : 0) |
           (tui_model_clause_mark(v->app, d->pol, c) == TUI_MARK_STALE ? TUI_ITEM_STALE : 0);
}

/* Labels and findings may have changed: lay the text out again at the next draw. */
static void dv_refresh(tui_view *v)
{
    dv_of(v)->doc.width = 0;
}

static void dv_click(tui_view *v, int y, int x)
{
    dv_view *d = dv_of(v);
    size_t r = d->top + (size_t)(y - 1), si = d->outline.top + (size_t)(y - 1);
    if (y < 1)
        return;
    if (x < d->outline_w && si < d->outline.n)
        dv_goto_section(v, (int)si);
    else if (x >= d->outline_w && d->doc.width && r < d->doc.nrows &&
             d->doc.rows[r].clause != PC_NO_CLAUSE)
        dv_set_clause(v, d->doc.rows[r].clause);
}

/* `e`: the policy's clauses, with their labels and decisions. */
static int dv_rows(tui_view *v, tui_export *out)
{
    const pc_policy *p = dv_policy(v);
    out->rows = (pc_rows){PC_ROWS_CLAUSES, NULL, 0, (int)dv_of(v)->pol, -1, NULL};
    snprintf(out->what, sizeof out->what, "%zu clauses of %s", p->outline->nclauses, p->id);
    snprintf(out->name, sizeof out->name, "polcmp-%s", p->id);
    return 0;
}

static const tui_hint dv_hints[] = {{TUI_CMD_NEXT_PANE, "outline"},
                                    {TUI_CMD_NEXT_SECTION, "section"},
                                    {TUI_CMD_NEXT_FINDING, "finding"},
                                    {TUI_CMD_RIGHT, "next policy"},
                                    {TUI_CMD_NONE, 0}};

const tui_view_ops tui_view_document = {
    .name = "document",
    .size = sizeof(dv_view),
    .hints = dv_hints,
    .open = dv_open,
    .close = dv_close,
    .draw = dv_draw,
    .command = dv_command,
    .selection = dv_selection,
    .items = dv_items,
    .go = dv_go,
    .match = dv_match,
    .flags = dv_flags,
    .refresh = dv_refresh,
    .click = dv_click,
    .rows = dv_rows,
};
