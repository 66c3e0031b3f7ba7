/* view_findings.c: every finding of the comparison, one per row, in the comparison's order
 * (most severe first): severity, kind (glyph and style), policies, category and message, with
 * the reviewer's mark; dismissed findings are dimmed. `t` cycles a kind filter (all, then each
 * kind present), `v` a minimum severity; the filter is shown on the view's first line. A detail
 * pane under the list shows the selected finding's message and clauses in full. Enter opens the
 * evidence: the side-by-side view of the finding's category, or the document view at its
 * clause or empty section when it has no category. */
#include "app.h"
#include "list.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The view's state. Owns idx (indexes into cmp->findings of the rows shown). */
typedef struct fv_view {
    size_t *idx;
    size_t cap;
    tui_list list;   /* over idx */
    int kind;        /* the kind shown, or -1 for all */
    int min_sev;     /* pc_severity: the least severity shown */
} fv_view;

/* Column widths of the list; 0 hides a column. Plain value. */
typedef struct fv_cols {
    int sev, kind, pols, cat;
} fv_cols;

static fv_view *fv_of(tui_view *v)
{
    return v->data;
}

static const pc_finding *fv_finding(tui_view *v, size_t fi)
{
    return &v->app->s->cmp->findings[fi];
}

static int fv_shown(const fv_view *f, const pc_finding *fd)
{
    return (f->kind < 0 || (int)fd->kind == f->kind) && (int)fd->severity >= f->min_sev;
}

/* Rebuild the rows from the filters, keeping the cursor on finding `keep` when it is shown
 * (else on the first shown finding after it). */
static int fv_build(tui_view *v, long keep)
{
    fv_view *f = fv_of(v);
    const pc_comparison *cmp = v->app->s->cmp;
    if (pc_grow(&f->idx, &f->cap, cmp->nfindings ? cmp->nfindings : 1, sizeof *f->idx) < 0)
        return -1;
    size_t sel = 0;
    int placed = 0;
    f->list.n = 0;
    for (size_t i = 0; i < cmp->nfindings; i++) {
        if (!fv_shown(f, &cmp->findings[i]))
            continue;
        if (!placed && keep >= 0 && i >= (size_t)keep) {
            sel = f->list.n;
            placed = 1;
        }
        f->idx[f->list.n++] = i;
    }
    if (!placed && keep >= 0 && f->list.n)
        sel = f->list.n - 1;
    f->list.sel = sel;
    return 0;
}

static long fv_current(const fv_view *f)
{
    return f->list.n ? (long)f->idx[f->list.sel] : -1;
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

/* The first reference that names a clause, or NULL. */
static const pc_ref *fv_first_clause(const pc_finding *fd)
{
    for (size_t r = 0; r < fd->nrefs; r++)
        if (fd->refs[r].clause != PC_NO_CLAUSE)
            return &fd->refs[r];
    return NULL;
}

/* The first finding about category cat and policy pi (either may be -1: any). */
static long fv_find_cell(const tui_app *app, int cat, int pi)
{
    for (size_t i = 0; i < app->s->cmp->nfindings; i++) {
        const pc_finding *fd = &app->s->cmp->findings[i];
        if ((cat < 0 || fd->category == cat) && (pi < 0 || (fd->policies & (1UL << pi))))
            return (long)i;
    }
    return -1;
}

/* The finding the view opens on: the one selected where it was opened, the first one citing
 * the selected clause, or the first one about the selected cell. */
static long fv_initial(const tui_app *app, const tui_selection *arg)
{
    if (arg->kind == TUI_SEL_FINDING && arg->finding >= 0 &&
        (size_t)arg->finding < app->s->cmp->nfindings)
        return arg->finding;
    if (arg->kind == TUI_SEL_CLAUSE && arg->policy >= 0 && arg->clause != PC_NO_CLAUSE) {
        long fi = tui_model_clause_finding(app, (size_t)arg->policy, arg->clause);
        if (fi >= 0)
            return fi;
    }
    if (arg->category >= 0)
        return fv_find_cell(app, arg->category, arg->policy);
    return -1;
}

static int fv_open(tui_view *v, const tui_selection *arg)
{
    fv_view *f = calloc(1, sizeof *f);
    v->data = f;
    if (!f)
        return -1;
    f->kind = -1;
    f->min_sev = PC_SEV_LOW;
    long first = fv_initial(v->app, arg);
    return fv_build(v, first);
}

static void fv_close(tui_view *v)
{
    fv_view *f = fv_of(v);
    if (f) {
        free(f->idx);
        free(f);
    }
}

/* ---- drawing ------------------------------------------------------------------------ */

static fv_cols fv_columns(int w)
{
    if (w >= 110)
        return (fv_cols){9, 18, 20, 22};
    if (w >= 70)
        return (fv_cols){7, 17, 13, 16};
    return (fv_cols){5, 2, 12, 0};
}

/* The policies' ids, comma-separated, into buf. */
static void fv_policies(const tui_app *app, const pc_finding *fd, char *buf, size_t n)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t p = 0; p < app->s->npols && p < PC_COMPARE_MAX_POLICIES && len + 1 < n; p++) {
        if (!(fd->policies & (1UL << p)))
            continue;
        int k = snprintf(buf + len, n - len, "%s%s", len ? "," : "", app->s->pols[p]->id);
        if (k < 0)
            break;
        len += (size_t)k;
    }
}

static const char *fv_sev_short(pc_severity s)
{
    return s == PC_SEV_HIGH ? "high" : s == PC_SEV_MEDIUM ? "med" : "low";
}

static const char *fv_glyph(pc_finding_kind k)
{
    switch (k) {
    case PC_FIND_CONTRADICTION:
        return tui_state_glyph(TUI_ST_CONTRADICTION);
    case PC_FIND_MISSING:
        return tui_state_glyph(TUI_ST_MISSING);
    case PC_FIND_DISAGREEMENT:
        return tui_state_glyph(TUI_ST_DISAGREEMENT);
    case PC_FIND_GAP:
        return tui_state_glyph(TUI_ST_GAP);
    default:
        return tui_state_glyph(TUI_ST_WARNING);
    }
}

static void fv_draw_row(tui_view *v, size_t fi, tui_screen *s, int y, fv_cols c)
{
    const tui_app *app = v->app;
    const pc_finding *fd = fv_finding(v, fi);
    int dim = tui_model_dismissed(app, fi);
    tui_style txt = dim ? TUI_S_DIM : TUI_S_NORMAL;
    const char *mark = tui_model_finding_mark(app, fi);
    tui_puts(s, y, 0, 1, strcmp(mark, "?") == 0 ? TUI_S_STALE : TUI_S_REVIEWED, mark);
    int x = 2;
    tui_puts(s, y, x, c.sev - 1, txt,
             c.sev < 7 ? fv_sev_short(fd->severity) : pc_severity_name(fd->severity));
    x += c.sev;
    char buf[512];
    if (c.kind > 3)
        snprintf(buf, sizeof buf, "%s %s", fv_glyph(fd->kind), pc_finding_kind_name(fd->kind));
    else
        snprintf(buf, sizeof buf, "%s", fv_glyph(fd->kind));
    tui_puts_trunc(s, y, x, c.kind - 1, dim ? TUI_S_DIM : tui_finding_style(fd->kind), buf);
    x += c.kind;
    fv_policies(app, fd, buf, sizeof buf);
    tui_puts_trunc(s, y, x, c.pols - 1, txt, buf);
    x += c.pols;
    if (c.cat) {
        const char *cat = fd->category >= 0 ? app->s->tax->cats[fd->category].name : "";
        tui_puts_trunc(s, y, x, c.cat - 1, txt, cat);
        x += c.cat;
    }
    tui_puts_trunc(s, y, x, s->w - x, txt, fd->message ? fd->message : "");
}

static void fv_draw_head(tui_view *v, tui_screen *s, int y)
{
    fv_view *f = fv_of(v);
    char buf[256];
    const char *kind = f->kind < 0 ? "all" : pc_finding_kind_name(f->kind);
    const char *sev = f->min_sev == PC_SEV_HIGH ? "high"
                      : f->min_sev == PC_SEV_MEDIUM ? "medium+" : "all";
    if (s->w >= 60)
        snprintf(buf, sizeof buf, "%zu of %zu findings · kind: %s · severity: %s", f->list.n,
                 v->app->s->cmp->nfindings, kind, sev);
    else
        snprintf(buf, sizeof buf, "%zu/%zu · %s · %s", f->list.n, v->app->s->cmp->nfindings, kind,
                 sev);
    tui_puts_trunc(s, y, 0, s->w, TUI_S_HEADING, buf);
}

static void fv_draw_columns(tui_screen *s, int y, fv_cols c)
{
    int x = 2;
    tui_puts(s, y, x, c.sev - 1, TUI_S_DIM, c.sev < 9 ? "sev" : "severity");
    x += c.sev;
    tui_puts(s, y, x, c.kind - 1, TUI_S_DIM, "kind");
    x += c.kind;
    tui_puts(s, y, x, c.pols - 1, TUI_S_DIM, "policies");
    x += c.pols;
    if (c.cat) {
        tui_puts(s, y, x, c.cat - 1, TUI_S_DIM, "category");
        x += c.cat;
    }
    tui_puts(s, y, x, s->w - x, TUI_S_DIM, "message");
}

/* Wrap text under x from row *y (indenting continuation lines by `hang`) while rows remain
 * before `end`. */
static void fv_wrapped(tui_screen *s, int *y, int end, int x, int hang, tui_style st,
                       const char *text, size_t len)
{
    pc_span lines[64];
    int w = s->w - x - hang;
    size_t n = tui_wrap(text, len, w > 8 ? w : 8, lines, 64);
    for (size_t i = 0; i < n && i < 64 && *y < end; i++, (*y)++)
        tui_put(s, *y, x + (i ? hang : 0), s->w - x - (i ? hang : 0), st, text + lines[i].start,
                lines[i].end - lines[i].start);
}

/* Append text[0..len) to b with each run of whitespace (the line breaks of hard-wrapped
 * text) made one space. */
static void fv_add_text(pc_buf *b, const char *text, size_t len)
{
    int space = 0;
    for (size_t i = 0; i < len; i++) {
        char c = text[i];
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
            space = 1;
            continue;
        }
        if (space)
            pc_buf_addc(b, ' ');
        pc_buf_addc(b, c);
        space = 0;
    }
}

/* One reference of the detail pane: "policy: clause text" or the empty section's title. */
static void fv_draw_ref(tui_view *v, const pc_ref *ref, tui_screen *s, int *y, int end)
{
    const tui_app *app = v->app;
    if (ref->policy < 0 || (size_t)ref->policy >= app->s->npols)
        return;
    const pc_policy *p = app->s->pols[ref->policy];
    pc_buf b = {0};
    if (ref->clause != PC_NO_CLAUSE && ref->clause < p->outline->nclauses) {
        size_t len;
        const char *t = pc_policy_clause_text(p, ref->clause, &len);
        pc_buf_printf(&b, "%s: ", p->id);
        fv_add_text(&b, t, len);
    } else if (ref->section >= 0 && (size_t)ref->section < p->outline->nsections) {
        const pc_section *sec = &p->outline->sections[ref->section];
        pc_buf_printf(&b, "%s: section \"", p->id);
        fv_add_text(&b, p->doc->text + sec->title_start, sec->title_end - sec->title_start);
        pc_buf_adds(&b, "\"");
    }
    if (b.data)
        fv_wrapped(s, y, end, 2, 2, TUI_S_NORMAL, b.data, b.len);
    pc_buf_free(&b);
}

static void fv_draw_detail(tui_view *v, tui_screen *s, int y, int h)
{
    fv_view *f = fv_of(v);
    long fi = fv_current(f);
    for (int x = 0; x < s->w; x++)
        tui_puts(s, y, x, 1, TUI_S_DIM, "─");
    if (fi < 0)
        return;
    const pc_finding *fd = fv_finding(v, (size_t)fi);
    int end = y + h, row = y + 1;
    char head[512];
    snprintf(head, sizeof head, "%s %s · %s%s", pc_severity_name(fd->severity),
             pc_finding_kind_name(fd->kind),
             fd->category >= 0 ? v->app->s->tax->cats[fd->category].name : "no category",
             tui_model_dismissed(v->app, (size_t)fi) ? " · dismissed" : "");
    tui_puts_trunc(s, row++, 0, s->w, tui_finding_style(fd->kind), head);
    if (fd->message)
        fv_wrapped(s, &row, end, 0, 0, TUI_S_NORMAL, fd->message, strlen(fd->message));
    const pc_decision *d = tui_model_finding_decision(v->app, (size_t)fi, NULL);
    if (d && d->note && row < end) {
        char note[512];
        snprintf(note, sizeof note, "note: %s", d->note);
        fv_wrapped(s, &row, end, 0, 2, TUI_S_REVIEWED, note, strlen(note));
    }
    for (size_t r = 0; r < fd->nrefs && row < end; r++)
        fv_draw_ref(v, &fd->refs[r], s, &row, end);
}

static void fv_draw(tui_view *v, tui_screen *s, int y, int h)
{
    fv_view *f = fv_of(v);
    fv_cols c = fv_columns(s->w);
    int detail = h >= 16 ? h / 3 : 0;
    int heads = h >= 12 ? 2 : 1;
    int rows = h - heads - detail;
    if (rows < 1)
        rows = 1;
    tui_list_fit(&f->list, rows);
    v->rows = rows;
    fv_draw_head(v, s, y);
    if (heads == 2)
        fv_draw_columns(s, y + 1, c);
    if (!f->list.n)
        tui_puts(s, y + heads, 2, s->w - 2, TUI_S_DIM, "no findings match the filter (t, v)");
    for (int i = 0; i < rows && f->list.top + (size_t)i < f->list.n; i++) {
        size_t vi = f->list.top + (size_t)i;
        fv_draw_row(v, f->idx[vi], s, y + heads + i, c);
        if (vi == f->list.sel)
            tui_mark(s, y + heads + i, 0, s->w, -1, TUI_F_REVERSE);
    }
    if (detail)
        fv_draw_detail(v, s, y + h - detail, detail);
}

/* ---- commands ----------------------------------------------------------------------- */

/* The next kind filter: all, then each kind that has findings, in the order of kinds. */
static int fv_cycle_kind(tui_view *v)
{
    fv_view *f = fv_of(v);
    const pc_comparison *cmp = v->app->s->cmp;
    int k = f->kind + 1;
    while (k < PC_FIND_COUNT && !cmp->counts[k])
        k++;
    f->kind = k < PC_FIND_COUNT ? k : -1;
    if (fv_build(v, fv_current(f)) < 0)
        tui_app_message(v->app, 1, "out of memory");
    return 1;
}

static int fv_cycle_severity(tui_view *v)
{
    fv_view *f = fv_of(v);
    f->min_sev = f->min_sev == PC_SEV_HIGH ? PC_SEV_LOW : f->min_sev + 1;
    if (fv_build(v, fv_current(f)) < 0)
        tui_app_message(v->app, 1, "out of memory");
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

/* Enter: the side-by-side view of the finding's category, else its document. */
static int fv_enter(tui_view *v)
{
    fv_view *f = fv_of(v);
    long fi = fv_current(f);
    if (fi < 0)
        return 1;
    const pc_finding *fd = fv_finding(v, (size_t)fi);
    const pc_ref *ref = fv_first_clause(fd);
    tui_selection sel = tui_sel_none();
    sel.kind = TUI_SEL_FINDING;
    sel.finding = fi;
    sel.category = fv_category(v->app, fd);
    sel.policy = ref ? ref->policy : fv_subject(fd);
    sel.clause = ref ? ref->clause : PC_NO_CLAUSE;
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
    fv_view *f = fv_of(v);
    if (cmd == TUI_CMD_NEXT_FINDING)
        cmd = TUI_CMD_DOWN;
    else if (cmd == TUI_CMD_PREV_FINDING)
        cmd = TUI_CMD_UP;
    if (tui_list_command(&f->list, cmd, v->rows))
        return 1;
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

static void fv_selection(tui_view *v, tui_selection *sel)
{
    fv_view *f = fv_of(v);
    long fi = fv_current(f);
    *sel = tui_sel_none();
    if (fi < 0)
        return;
    const pc_finding *fd = fv_finding(v, (size_t)fi);
    sel->kind = TUI_SEL_FINDING;
    sel->finding = fi;
    sel->category = fd->category;
    sel->policy = fd->nrefs ? fd->refs[0].policy : fv_subject(fd);
    sel->clause = fd->nrefs ? fd->refs[0].clause : PC_NO_CLAUSE;
}

static int fv_matches(tui_view *v, const pc_finding *fd, const pcre2_code *re)
{
    if (fd->message && tui_search_match(re, fd->message, strlen(fd->message)))
        return 1;
    for (size_t r = 0; r < fd->nrefs; r++) {
        const pc_ref *ref = &fd->refs[r];
        if (ref->clause == PC_NO_CLAUSE || ref->policy < 0 || (size_t)ref->policy >= v->app->s->npols ||
            ref->clause >= v->app->s->pols[ref->policy]->outline->nclauses)
            continue;
        size_t len;
        const char *t = pc_policy_clause_text(v->app->s->pols[ref->policy], ref->clause, &len);
        if (tui_search_match(re, t, len))
            return 1;
    }
    return 0;
}

/* Search the rows shown, from the one after the cursor, wrapping around. */
static int fv_search(tui_view *v, const pcre2_code *re, int dir)
{
    fv_view *f = fv_of(v);
    size_t n = f->list.n;
    for (size_t step = 1; step <= n; step++) {
        size_t i = dir > 0 ? (f->list.sel + step) % n : (f->list.sel + n - step) % n;
        if (fv_matches(v, fv_finding(v, f->idx[i]), re)) {
            f->list.sel = i;
            return 1;
        }
    }
    return 0;
}

/* The comparison was rebuilt: findings keep their indexes unless a relabel changed them;
 * keep the cursor on the same index (or the nearest one shown). */
static void fv_refresh(tui_view *v)
{
    fv_view *f = fv_of(v);
    long cur = fv_current(f);
    if (cur >= 0 && (size_t)cur >= v->app->s->cmp->nfindings)
        cur = v->app->s->cmp->nfindings ? (long)v->app->s->cmp->nfindings - 1 : -1;
    if (fv_build(v, cur) < 0)
        tui_app_message(v->app, 1, "out of memory");
}

static void fv_click(tui_view *v, int y, int x)
{
    fv_view *f = fv_of(v);
    (void)x;
    int heads = v->app->h - 2 >= 12 ? 2 : 1;
    if (y < heads || y - heads >= v->rows)
        return;
    size_t vi = f->list.top + (size_t)(y - heads);
    if (vi >= f->list.n)
        return;
    if (vi == f->list.sel)
        fv_enter(v);
    else
        f->list.sel = vi;
}

static const char *fv_hint(tui_view *v)
{
    (void)v;
    return "Enter:evidence t:kind v:severity d:dismiss";
}

const tui_view_ops tui_view_findings = {
    .name = "findings",
    .open = fv_open,
    .draw = fv_draw,
    .command = fv_command,
    .selection = fv_selection,
    .search = fv_search,
    .refresh = fv_refresh,
    .click = fv_click,
    .hint = fv_hint,
    .close = fv_close,
};
