/* view_findings.c: every finding of the comparison, one per row, in the comparison's order
 * (most severe first): the reviewer's mark, severity, kind (glyph and style), policies,
 * category and message; a dismissed finding is dimmed behind its own mark (⊘). `t` cycles a
 * kind filter (all, then each kind present), `v` a minimum severity; the filter is shown on the
 * view's first line, and `e` exports exactly the rows shown. A detail pane under the list shows
 * the selected finding's message, note and clauses in full. Enter opens the evidence: the
 * side-by-side view of the finding's category, or the document view at its clause or empty
 * section when it has no category. */
#include "app.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Column widths of the list; 0 hides a column. Plain value. */
typedef struct fv_cols {
    int sev, kind, pols, cat;
} fv_cols;

/* The view. Owns idx (indexes into cmp->findings of the rows shown) and detail. */
typedef struct fv_view {
    size_t *idx;
    size_t cap;
    int kind;          /* the kind shown, or -1 for all */
    int min_sev;       /* pc_severity: the least severity shown */
    fv_cols cols;      /* the widths of the last draw */
    tui_lines detail;  /* the detail pane's lines */
} fv_view;

static fv_view *fv_of(tui_view *v)
{
    return v->data;
}

static const pc_finding *fv_finding(tui_view *v, size_t fi)
{
    return &v->app->s->cmp->findings[fi];
}

static long fv_current(tui_view *v)
{
    return v->list.n ? (long)fv_of(v)->idx[v->list.sel] : -1;
}

/* Rebuild the rows from the filters, keeping the cursor on finding `keep` when it is shown
 * (else on the first shown finding after it). */
static int fv_build(tui_view *v, long keep)
{
    fv_view *f = fv_of(v);
    const pc_comparison *cmp = v->app->s->cmp;
    if (pc_grow(&f->idx, &f->cap, cmp->nfindings ? cmp->nfindings : 1, sizeof *f->idx) < 0)
        return -1;
    size_t sel = SIZE_MAX;
    v->list.n = 0;
    for (size_t i = 0; i < cmp->nfindings; i++) {
        const pc_finding *fd = &cmp->findings[i];
        if ((f->kind >= 0 && (int)fd->kind != f->kind) || (int)fd->severity < f->min_sev)
            continue;
        if (sel == SIZE_MAX && keep >= 0 && i >= (size_t)keep)
            sel = v->list.n;
        f->idx[v->list.n++] = i;
    }
    v->list.sel = sel != SIZE_MAX ? sel : keep >= 0 && v->list.n ? v->list.n - 1 : 0;
    return 0;
}

static void fv_rebuild(tui_view *v, long keep)
{
    if (fv_build(v, keep) < 0)
        tui_app_message(v->app, 1, "out of memory");
}

/* The policy a finding is about: the first of its policies (a gap's or missing disclosure's
 * subject), or -1. */
static int fv_subject(const pc_finding *fd)
{
    for (int p = 0; p < PC_COMPARE_MAX_POLICIES; p++)
        if (fd->policies & (1UL << p))
            return p;
    return -1;
}

/* The finding the view opens on: the one selected where it was opened, the first one citing
 * the selected clause, or the first one about the selected cell. */
static long fv_initial(const tui_app *app, const tui_selection *arg)
{
    const pc_comparison *cmp = app->s->cmp;
    if (arg->kind == TUI_SEL_FINDING && arg->finding >= 0 && (size_t)arg->finding < cmp->nfindings)
        return arg->finding;
    long fi = arg->kind == TUI_SEL_CLAUSE && arg->policy >= 0 && arg->clause != PC_NO_CLAUSE
                  ? tui_model_clause_finding(app, (size_t)arg->policy, arg->clause)
                  : -1;
    for (size_t i = 0; fi < 0 && arg->category >= 0 && i < cmp->nfindings; i++)
        if (cmp->findings[i].category == arg->category &&
            (arg->policy < 0 || (cmp->findings[i].policies & (1UL << arg->policy))))
            fi = (long)i;
    return fi;
}

static int fv_open(tui_view *v, const tui_selection *arg)
{
    fv_view *f = fv_of(v);
    f->kind = -1;
    f->min_sev = PC_SEV_LOW;
    return fv_build(v, fv_initial(v->app, arg));
}

static void fv_close(tui_view *v)
{
    free(fv_of(v)->idx);
    tui_lines_free(&fv_of(v)->detail);
}

/* ---- drawing ------------------------------------------------------------------------ */

/* The policies' ids, comma-separated, into b. */
static void fv_policies(const tui_app *app, const pc_finding *fd, pc_buf *b)
{
    b->len = 0;
    pc_buf_adds(b, "");
    for (size_t p = 0; p < app->s->npols && p < PC_COMPARE_MAX_POLICIES; p++)
        if (fd->policies & (1UL << p))
            pc_buf_printf(b, "%s%s", b->len ? "," : "", app->s->pols[p]->id);
}

/* Widths from what the rows hold (kinds, policies, categories), within the screen's width; the
 * message takes the rest. */
static int fv_max(int a, int b)
{
    return a > b ? a : b;
}

/* Widths from what the rows hold (kinds, policies, categories) within the screen's width: the
 * kind in full from 70 columns, one policy's id whole (several are cut past 28 columns), the
 * category from 100 columns, and the message the rest (at least 24). */
static fv_cols fv_columns(tui_view *v, int w)
{
    fv_cols c = {w >= 70 ? 7 : 5, 2, 0, 0};
    int one = 0, cat = 0;
    pc_buf b = {0};
    for (size_t p = 0; p < v->app->s->npols; p++)
        one = fv_max(one, 1 + tui_width(v->app->s->pols[p]->id, strlen(v->app->s->pols[p]->id)));
    for (size_t i = 0; i < v->list.n; i++) {
        const pc_finding *fd = fv_finding(v, fv_of(v)->idx[i]);
        const char *name = fd->category >= 0 ? v->app->s->tax->cats[fd->category].name : "";
        fv_policies(v->app, fd, &b);
        c.kind = fv_max(c.kind, 3 + (int)strlen(pc_finding_kind_name(fd->kind)));
        c.pols = fv_max(c.pols, 1 + tui_width(b.data, b.len));
        cat = fv_max(cat, 1 + tui_width(name, strlen(name)));
    }
    pc_buf_free(&b);
    int room = w - 2 - c.sev - 24;
    c.pols = c.pols < fv_max(one, 28) ? c.pols : fv_max(one, 28);
    c.pols = c.pols < room / 3 ? c.pols : fv_max(room / 3, 6);
    c.kind = w >= 70 && c.kind <= room - c.pols ? c.kind : 2;
    int left = room - c.pols - c.kind; /* the message beyond its 24 columns, or the category */
    left = left - 16 > left / 2 ? left - 16 : left / 2;
    c.cat = w < 100 ? 0 : cat < left ? cat : left;
    c.cat = c.cat >= 8 ? c.cat : 0;
    return c;
}

static const char *fv_sev_short(pc_severity s, int w)
{
    return w >= 7 ? pc_severity_name(s) : s == PC_SEV_HIGH ? "high" : s == PC_SEV_MEDIUM ? "med" : "low";
}

/* Draw one cell of a row (or of the column titles) and move x past it. */
static void fv_cell(tui_screen *s, int y, int *x, int w, tui_style st, const char *text)
{
    if (w > 0)
        tui_puts_trunc(s, y, *x, (*x + w < s->w ? w : s->w - *x) - 1, st, text);
    *x += w;
}

static void fv_draw_row(tui_view *v, size_t row, tui_screen *s, int y)
{
    const tui_app *app = v->app;
    size_t fi = fv_of(v)->idx[row];
    const pc_finding *fd = fv_finding(v, fi);
    fv_cols c = fv_of(v)->cols;
    int dim = tui_model_dismissed(app, fi), x = 2;
    tui_style txt = dim ? TUI_S_DIM : TUI_S_NORMAL;
    pc_buf b = {0};
    tui_draw_mark(s, y, 0, tui_model_finding_mark(app, fi));
    fv_cell(s, y, &x, c.sev, txt, fv_sev_short(fd->severity, c.sev));
    pc_buf_printf(&b, "%s%s%s", tui_kind_glyph(fd->kind), c.kind > 3 ? " " : "",
                  c.kind > 3 ? pc_finding_kind_name(fd->kind) : "");
    fv_cell(s, y, &x, c.kind, dim ? TUI_S_DIM : tui_finding_style(fd->kind), b.data ? b.data : "");
    fv_policies(app, fd, &b);
    fv_cell(s, y, &x, c.pols, txt, b.data ? b.data : "");
    fv_cell(s, y, &x, c.cat, txt, fd->category >= 0 ? app->s->tax->cats[fd->category].name : "");
    tui_puts_trunc(s, y, x, s->w - x, txt, fd->message ? fd->message : "");
    pc_span all = {0, fd->message ? strlen(fd->message) : 0};
    tui_mark_matches(app, s, y, x, fd->message ? fd->message : "", all, all);
    pc_buf_free(&b);
}

static void fv_draw_head(tui_view *v, tui_screen *s, int y, int heads)
{
    fv_view *f = fv_of(v);
    const char *kind = f->kind < 0 ? "all" : pc_finding_kind_name(f->kind);
    const char *sev = f->min_sev == PC_SEV_HIGH ? "high" : f->min_sev == PC_SEV_MEDIUM ? "medium+" : "all";
    if (s->w >= 60)
        tui_printf(s, y, 0, s->w, TUI_S_HEADING, "%zu of %zu findings · kind: %s · severity: %s",
                   v->list.n, v->app->s->cmp->nfindings, kind, sev);
    else
        tui_printf(s, y, 0, s->w, TUI_S_HEADING, "%zu/%zu · %s · %s", v->list.n,
                   v->app->s->cmp->nfindings, kind, sev);
    if (heads < 2)
        return;
    fv_cols c = f->cols;
    int x = 2;
    fv_cell(s, y + 1, &x, c.sev, TUI_S_DIM, c.sev < 9 ? "sev" : "severity");
    fv_cell(s, y + 1, &x, c.kind, TUI_S_DIM, "kind");
    fv_cell(s, y + 1, &x, c.pols, TUI_S_DIM, "policies");
    fv_cell(s, y + 1, &x, c.cat, TUI_S_DIM, "category");
    tui_puts(s, y + 1, x, s->w - x, TUI_S_DIM, "message");
}

/* The detail pane's lines: the finding's heading, message, note and clauses in full. */
static void fv_detail(tui_view *v, long fi, int w)
{
    tui_lines *l = &fv_of(v)->detail;
    tui_lines_reset(l, w, NULL);
    if (fi < 0)
        return;
    const pc_finding *fd = fv_finding(v, (size_t)fi);
    const pc_decision *d = tui_model_finding_decision(v->app, (size_t)fi, NULL);
    tui_lines_printf(l, tui_finding_style(fd->kind), 0, -1, "%s %s · %s%s", pc_severity_name(fd->severity),
                     pc_finding_kind_name(fd->kind),
                     fd->category >= 0 ? v->app->s->tax->cats[fd->category].name : "no category",
                     tui_model_dismissed(v->app, (size_t)fi) ? " · dismissed" : "");
    tui_lines_add(l, TUI_S_NORMAL, 0, -1, fd->message, strlen(fd->message));
    l->hang = 2;
    if (d && d->note)
        tui_lines_printf(l, TUI_S_REVIEWED, 0, -1, "note: %s", d->note);
    pc_buf b = {0};
    for (size_t r = 0; r < fd->nrefs; r++) {
        b.len = 0;
        if (tui_model_ref(v->app, &fd->refs[r], &b) == 0)
            tui_lines_add(l, TUI_S_NORMAL, 2, -1, b.data, b.len);
    }
    pc_buf_free(&b);
}

static void fv_draw_detail(tui_view *v, tui_screen *s, int y, int h)
{
    tui_lines *l = &fv_of(v)->detail;
    for (int x = 0; x < s->w; x++)
        tui_puts(s, y, x, 1, TUI_S_DIM, "─");
    fv_detail(v, fv_current(v), s->w);
    for (size_t i = 0; i < l->n && (int)i < h - 1; i++) {
        pc_span para, line;
        const char *base = tui_line_para(l, i, &para, &line);
        tui_lines_draw(l, i, s, y + 1 + (int)i, 0, s->w);
        tui_mark_matches(v->app, s, y + 1 + (int)i, l->v[i].indent, base, para, line);
    }
}

static void fv_draw(tui_view *v, tui_screen *s, int y, int h)
{
    int detail = h >= 16 ? h / 3 : 0;
    int heads = h >= 12 ? 2 : 1;
    int rows = h - heads - detail;
    fv_of(v)->cols = fv_columns(v, s->w);
    fv_draw_head(v, s, y, heads);
    if (!v->list.n)
        tui_puts(s, y + heads, 2, s->w - 2, TUI_S_DIM, "no findings match the filter (t, v)");
    tui_view_draw_list(v, s, y + heads, rows > 0 ? rows : 1);
    if (detail)
        fv_draw_detail(v, s, y + h - detail, detail);
}

/* ---- commands ----------------------------------------------------------------------- */

/* The next kind filter: all, then each kind that has findings, in the order of kinds. */
static int fv_cycle_kind(tui_view *v)
{
    fv_view *f = fv_of(v);
    int k = f->kind + 1;
    while (k < PC_FIND_COUNT && !v->app->s->cmp->counts[k])
        k++;
    f->kind = k < PC_FIND_COUNT ? k : -1;
    fv_rebuild(v, fv_current(v));
    return 1;
}

static int fv_cycle_severity(tui_view *v)
{
    fv_view *f = fv_of(v);
    f->min_sev = f->min_sev == PC_SEV_HIGH ? PC_SEV_LOW : f->min_sev + 1;
    fv_rebuild(v, fv_current(v));
    return 1;
}

/* The category a finding's evidence is shown under: its own, or its attribute's. */
static int fv_category(const tui_app *app, const pc_finding *fd)
{
    if (fd->category >= 0)
        return fd->category;
    if (fd->attribute >= 0 && (size_t)fd->attribute < app->s->tax->nattrs)
        return app->s->tax->attrs[fd->attribute].category;
    return -1;
}

static void fv_selection(tui_view *v, tui_selection *sel)
{
    long fi = fv_current(v);
    if (fi < 0)
        return;
    const pc_finding *fd = fv_finding(v, (size_t)fi);
    sel->kind = TUI_SEL_FINDING;
    sel->finding = fi;
    sel->category = fd->category;
    sel->policy = fv_subject(fd);
    for (size_t r = 0; r < fd->nrefs; r++)
        if (fd->refs[r].clause != PC_NO_CLAUSE) {
            sel->policy = fd->refs[r].policy;
            sel->clause = fd->refs[r].clause;
            break;
        }
}

/* Enter: the side-by-side view of the finding's category, else its document. */
static int fv_enter(tui_view *v)
{
    tui_selection sel;
    tui_view_selection(v, &sel);
    if (sel.kind != TUI_SEL_FINDING)
        return 1;
    const pc_finding *fd = fv_finding(v, (size_t)sel.finding);
    sel.category = fv_category(v->app, fd);
    if (fd->kind == PC_FIND_GAP || fd->kind == PC_FIND_MISSING) {
        sel.policy = fv_subject(fd); /* the cell that lacks the topic */
        sel.clause = PC_NO_CLAUSE;
    }
    if (sel.category >= 0 && fd->kind != PC_FIND_EMPTY_SECTION)
        tui_app_open_view(v->app, TUI_VIEW_SIDE, &sel);
    else if (sel.policy >= 0)
        tui_app_open_view(v->app, TUI_VIEW_DOCUMENT, &sel);
    else
        tui_app_message(v->app, 0, "this finding has no evidence to show");
    return 1;
}

static int fv_command(tui_view *v, tui_cmd cmd)
{
    switch (cmd) {
    case TUI_CMD_ENTER:
        return fv_enter(v);
    case TUI_CMD_FILTER_KIND:
        return fv_cycle_kind(v);
    case TUI_CMD_FILTER_SEVERITY:
        return fv_cycle_severity(v);
    default:
        return 0;
    }
}

/* A row matches on its message or the text of a clause it rests on. */
static int fv_match(tui_view *v, size_t row, const pcre2_code *re)
{
    const pc_finding *fd = fv_finding(v, fv_of(v)->idx[row]);
    if (fd->message && tui_search_match(re, fd->message, strlen(fd->message)))
        return 1;
    for (size_t r = 0; r < fd->nrefs; r++) {
        size_t len;
        if (fd->refs[r].clause == PC_NO_CLAUSE)
            continue;
        const char *t = pc_policy_clause_text(v->app->s->pols[fd->refs[r].policy], fd->refs[r].clause, &len);
        if (tui_search_match(re, t, len))
            return 1;
    }
    return 0;
}

/* Every row is a finding; } and { step through them as j and k do, wrapping around. */
static unsigned fv_flags(tui_view *v, size_t row)
{
    size_t fi = fv_of(v)->idx[row];
    return TUI_ITEM_FINDING |
           (tui_model_finding_mark(v->app, fi) == TUI_MARK_STALE ? TUI_ITEM_STALE : 0);
}

/* The comparison was rebuilt: findings keep their indexes unless a relabel changed them;
 * keep the cursor on the same index (or the nearest one shown). */
static void fv_refresh(tui_view *v)
{
    long cur = fv_current(v);
    size_t n = v->app->s->cmp->nfindings;
    fv_rebuild(v, cur >= 0 && (size_t)cur >= n ? (long)n - 1 : cur);
}

/* `e`: exactly the rows shown, with the filter in words. */
static int fv_rows(tui_view *v, tui_export *out)
{
    fv_view *f = fv_of(v);
    char *filter = out->filter;
    if (!(out->idx = malloc((v->list.n ? v->list.n : 1) * sizeof *out->idx)))
        return -1;
    memcpy(out->idx, f->idx, v->list.n * sizeof *out->idx);
    snprintf(filter, sizeof out->filter, "%s%s%s%s", f->kind >= 0 ? "kind: " : "",
             f->kind >= 0 ? pc_finding_kind_name(f->kind) : "", f->kind >= 0 && f->min_sev ? ", " : "",
             f->min_sev == PC_SEV_HIGH ? "severity: high" : f->min_sev ? "severity: medium+" : "");
    out->rows = (pc_rows){PC_ROWS_FINDINGS, out->idx, v->list.n, -1, -1, filter[0] ? filter : NULL};
    snprintf(out->what, sizeof out->what, "%zu finding%s%s%s%s", v->list.n, v->list.n == 1 ? "" : "s",
             filter[0] ? " (" : "", filter, filter[0] ? ")" : "");
    snprintf(out->name, sizeof out->name, "polcmp-findings%s%s", f->kind >= 0 ? "-" : "",
             f->kind >= 0 ? pc_finding_kind_name(f->kind) : "");
    return 0;
}

static const tui_hint fv_hints[] = {{TUI_CMD_ENTER, "evidence"},       {TUI_CMD_FILTER_KIND, "kind"},
                                    {TUI_CMD_FILTER_SEVERITY, "severity"}, {TUI_CMD_DISMISS, "dismiss"},
                                    {TUI_CMD_EXPORT, "export"},         {TUI_CMD_NONE, 0}};

const tui_view_ops tui_view_findings = {
    .name = "findings",
    .size = sizeof(fv_view),
    .hints = fv_hints,
    .open = fv_open,
    .close = fv_close,
    .draw = fv_draw,
    .draw_row = fv_draw_row,
    .command = fv_command,
    .selection = fv_selection,
    .match = fv_match,
    .flags = fv_flags,
    .refresh = fv_refresh,
    .rows = fv_rows,
};
